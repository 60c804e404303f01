"""Who speaks: the subject of a reporting word, after it or before it, named, titled, a role, an
unknown body, a quoted name, a person in apposition — and who was only spoken to."""

from __future__ import annotations

from dataclasses import replace

from ..text.normalize import key
from ..text.tokens import Token
from .lexicon import lexicon
from .phrases import (
    CueMatch,
    Speaker,
    apposition,
    bare_name,
    speaker_at,
    speaker_before,
    unclitic,
)
from .sentence import CONTENT_OPENERS, DAYS, QUOTES_OPEN, RELATIVE_PRONOUNS, Sentence, inside_date

TRAILING_ADVERBS = DAYS | {"ايضا", "كذلك", "سابقا", "لاحقا"}


# what may follow a subject the recogniser did not know: a preposition, the content, a comma, or a relative
# clause describing it ("ونقل المرصد الذي مقره في بريطانيا عن…")
FROM_HIM = frozenset({"عنه", "عنها", "عنهم", "عنهما"})  # "نقلت عنه الوكالة": from the one just quoted
SUBJECT_FOLLOWERS = frozenset({"علي", "عن", "ان", "بان", "انه", "انها", "ب", "في", "،", ",", ":", "الذي", "التي",
                               "الذين"})


def choose_speaker(s: Sentence, cm: CueMatch) -> tuple[Speaker | None, int]:
    """The speaker of a verb or phrase cue, and the token after it. A present-tense verb with its subject
    before it is a headline ("تركيا تحذر سوريا"); else the subject after the verb (a name, a title, a role
    with its field, a quoted name, an apposition), past a time or place, or the subject of a participle."""
    toks, cue = s.tokens, cm.cue
    sp = None
    if toks[cm.start].norm[:1] in "يت" and cue.type == "verb" and cm.start > 0:
        sp = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start)
    elif cue.type == "verb" and subject_may_come_first(toks, cm.start):
        # subject–verb order after "لكن", "كانت … قد", "بينما": "لكن متحدثا باسم الوحدات نفى ذلك", "وكانت
        # الولايات المتحدة قد دعت روسيا" — the subject is before the verb, the name after it its object
        before = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start) or next(
            (c for k in range(max(0, cm.start - 5), cm.start)
             if not (k > 0 and toks[k - 1].norm in PLACE_PREPS)  # (not "في لندن")
             and (c := _up_to(toks, speaker_at(toks, k, s.mention_at), cm.start)) is not None), None)  # "لكن مديره قال"
        if before is None:
            # "لكن السفارة الروسية في لندن قالت": the subject, then where it is, then the verb
            prep = next((k for k in range(cm.start - 1, max(0, cm.start - 5), -1) if toks[k].norm in PLACE_PREPS), None)
            if prep is not None and s.mention_at_end.get(cm.start - 1) is not None:
                before = speaker_before(toks, prep, s.mention_at_end, s.mention_start) or next(
                    (c for k in range(max(0, prep - 5), prep)
                     if (c := speaker_at(toks, k, s.mention_at) or definite_subject(s, k)) is not None
                     and c.end == prep), None)
        if before is not None and _opens_subject(toks, before.start):
            sp = before
    if sp is None and toks[cm.start].norm[:1] == "ف" and cm.start > 1:
        # "أما مندوب الكويت فأعلن أن …": the topic after أما is the subject of the verb with فـ
        amma = next((k for k in range(cm.start - 1, max(-1, cm.start - 10), -1) if toks[k].norm == "اما"), None)
        if amma is not None:
            topic = speaker_at(toks, amma + 1, s.mention_at)
            if topic is not None and topic.end == cm.start:
                return topic, cm.end
    sp = sp or speaker_at(toks, cm.end, s.mention_at)
    if sp is None and not cue.object_first:
        sp = quoted_name(s, cm.end)
    if sp is not None and sp.role and sp.mention is None and sp.start == cm.end:
        # "وزير التجارة", not "وزير": a role with the field it holds names one office
        longer = definite_subject(s, sp.start)
        if longer is not None and longer.end > sp.end:
            sp = longer
    if cue.object_first and sp is not None and sp.start == cm.end and sp.end < len(toks) and (
        toks[sp.end].norm.startswith("ب")
    ) and not (toks[cm.start].suffix and (cm.start == 0 or toks[cm.start - 1].norm not in ("ما", "بما", "لما", "مما"))):
        # ("وصفها الشيخ محمد بأنها": the object is on the verb, the name speaks; "ما تصفه روسيا بالممر": the outlet's)
        sp = None  # "ووصفت التقرير بأنه …": what is described, not who describes it
    i_after = max(sp.end, cm.end) if sp else cm.end  # a subject before the verb: the words follow the verb
    if sp is not None and i_after < len(toks) and toks[i_after].text in QUOTES_OPEN | {"»", "”"} and (
        sum(toks[j].text in QUOTES_OPEN | {"»", "”"} for j in range(max(0, sp.start - 1), sp.end)) % 2 == 1
    ):
        i_after += 1  # the closing mark of a quoted name ("صحيفة "الوطن""), not a quotation opening
    if sp is None:
        sp, i_after = subject_further(s, cm, i_after)
    if sp is None and participle(toks[cm.start]):
        # "…، قائلاً إن …": the participle's subject is the sentence's subject
        sp = next((x for k in range(0, cm.start) if not to_whom(toks[k])
                   and (x := speaker_at(toks, k, s.mention_at)) is not None), None)
    if sp is None:
        sp = bare_name_at(s, cm.end) or (_subject_then_object(s, cm.end) if cue.object_first else definite_subject(
            s, cm.end))
        if sp is not None:
            i_after = sp.end
    if sp is not None and sp.start == cm.end and (to_whom(toks[sp.start]) or (
            sp.mention is None and toks[sp.start].norm.startswith("لل"))):
        sp, i_after = None, cm.end  # "صرح لصحيفة بلجيكية", "قال لرجال الشرطة", "تدعو للاستقلال": to whom, to what
    if sp is not None and not sp.anonymous:
        app = apposition(toks, sp.end, s.mention_at)
        if app is not None:  # "محامي ستورمي دانيلز، مايكل آفينياتي، إنه": the person named in apposition
            sp, i_after = Speaker(sp.start, app.end, False, None, app.mention), app.end + 1
    return sp, i_after


def subject_further(s: Sentence, cm: CueMatch, i_after: int) -> tuple[Speaker | None, int]:
    """A subject not right after the verb: before it (subject–verb), past a time or the place it was written
    ("أعلن الخميس الجيش", "وردت في بعض التقارير"), or after a relative "ما" and an adverbial."""
    toks = s.tokens
    sp = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start)
    skippable = cm.end < len(toks) and toks[cm.end].kind == "word" and (
        toks[cm.end].norm in TRAILING_ADVERBS or inside_date(s, toks[cm.end]) or toks[cm.end].norm == "في"
    )
    if sp is None and skippable:
        # never a noun whose genitive names someone else ("محامي ستورمي دانيلز")
        nxt = speaker_at(toks, cm.end + 1, s.mention_at)
        if nxt is not None and toks[cm.end].norm == "في" and nxt.cls not in ("reports", "documents", "media"):
            nxt = None
        if nxt is not None and not nxt.role:
            sp, i_after = nxt, nxt.end
    if sp is None and cm.start > 0 and toks[cm.start - 1].norm in ("ما", "وهو ما", "وهذا ما"):
        # "وهو ما تنبأ به في وقت سابق رئيس مركز … عبدالعزيز العنجري": a relative clause puts the pronoun and
        # an adverbial between the verb and a named subject
        for k in range(cm.end + 1, min(len(toks), cm.end + 6)):
            if toks[k - 1].kind != "word" or unclitic(toks[k - 1].norm) in CONTENT_OPENERS:
                break
            nxt = speaker_at(toks, k, s.mention_at)
            if nxt is not None and nxt.mention is not None and not nxt.anonymous:
                sp, i_after = nxt, nxt.end
                break
    return sp, i_after


def definite_subject(s: Sentence, i: int) -> Speaker | None:
    """"وأعلنت الشركة عن …", "وقالت وزارة التجارة إنها …", "وأكد وزير الخارجية الأردني أن …": a noun phrase
    the recogniser did not know right after the verb — a definite noun, an organisation head or a person
    title, with up to three definite words after it — followed by a preposition or the content, is the
    subject even when it names no entity."""
    from ..entities.lexicon import cues as entity_cues
    from ..text.terms import stopwords
    from .phrases import CUE_WORDS_STOP, strip_clitic, title_at

    toks = s.tokens
    if i + 1 >= len(toks) or toks[i].kind != "word":
        return None
    c = entity_cues()
    first = toks[i].norm
    titled = title_at(toks, i)
    if not (first.startswith("ال") or first in c.org_heads or strip_clitic(first) in c.org_heads or titled > i):
        return None

    def inside_date(t: Token) -> bool:
        return any(d.start <= t.start < d.end for d in s.article.spans("dates"))

    if first in stopwords() or inside_date(toks[i]):
        return None
    k = max(i + 1, titled)
    while (
        k < len(toks)
        and k - i < 5
        and toks[k].kind == "word"
        and toks[k].norm.startswith("ال")
        and toks[k].norm not in stopwords()
        and toks[k].norm not in TRAILING_ADVERBS  # "المرصد الاثنين": the day is not the name
        and not inside_date(toks[k])
        and not CUE_WORDS_STOP(toks[k])
    ):
        k += 1
    headed = first in c.org_heads or first[2:] in c.org_heads  # "الإدارة الصحية", "السلطات المحلية"
    if headed and k < len(toks) - 1 and toks[k - 1].norm in ("التابعه", "التابع", "التابعين"):
        k += 1  # "السلطات الصحية التابعة للمعارضة السورية": the body and whom it answers to
        while k < len(toks) and k - i < 9 and toks[k].kind == "word" and toks[k].norm.startswith("ال") and (
            not CUE_WORDS_STOP(toks[k])
        ):
            k += 1
    j = k
    while j < len(toks) - 1 and toks[j].norm in DAYS:
        j += 1  # "قالت القوات الجوية النيجيرية الأحد إن": the day, then the words
    if j >= len(toks):
        return None
    nxt = toks[j]
    if (
        k - i > 1
        and not first.startswith("ال")
        and nxt.kind == "word"
        and not nxt.norm.startswith("ال")
        and unclitic(nxt.norm) not in SUBJECT_FOLLOWERS
    ):
        # "أعلنت وزارة التجارة توقيع اتفاق …": an organisation or office, then its statement as a verbal
        # noun with no "أن" — the named head keeps this from reading an object as the speaker
        return Speaker(i, k, False, None, None, True)
    if k - i > 1 and first.startswith("ال") and not headed and not (
        nxt.text == ":" or unclitic(nxt.norm) in CONTENT_OPENERS
    ):
        return None  # "كل من توقع الصدود الأميركي في ذلك الوقت": a definite object phrase, not a subject
    if nxt.text in SUBJECT_FOLLOWERS or nxt.norm in SUBJECT_FOLLOWERS or unclitic(nxt.norm) in CONTENT_OPENERS:
        return Speaker(i, k, False, None, None, True)
    if headed and k == j and nxt.kind == "word" and not nxt.norm.startswith("ال") and not CUE_WORDS_STOP(nxt):
        if nxt.norm in ("ذاته", "ذاتها", "نفسه", "نفسها") and k + 1 < len(toks):
            k += 1  # "أعلنت المنظمة ذاتها تسجيل …": the same body
        return Speaker(i, k, False, None, None, True)  # "ونفت السفارة الروسية تورطها": a body, then the object
    if k == j and nxt.norm[:1] == "و" and len(nxt.norm) > 3 and any(
            unclitic(t.norm) in CONTENT_OPENERS or t.text == ":" for t in toks[j + 1 : j + 4]) and all(
            t.kind == "word" for t in toks[j + 1 : j + 2]):
        return Speaker(i, k, False, None, None, True)  # "وقال الاتحاد وأسرة الصياد إن": the first of two subjects
    return None


PLACE_PREPS = frozenset({"في", "لدي", "داخل"})
SUBJECT_OPENERS = frozenset({"لكن", "ولكن", "لكنه", "بينما", "فيما", "وكانت", "وكان", "كانت", "كان", "حين",
                             "وحين", "كما"})


def _subject_then_object(s: Sentence, i: int) -> Speaker | None:
    """"ووصفت وزارة الخارجية التقرير بأنه …": a body the recogniser missed, then the object described — the
    last definite word before "بـ" is the object."""
    from ..entities.lexicon import cues as entity_cues

    toks = s.tokens
    if i >= len(toks):
        return None
    heads = entity_cues().org_heads
    if not any(w in heads or w[2:] in heads for w in (toks[i].norm, unclitic(toks[i].norm))):  # "وزارة" keeps its و
        return None
    k = i + 1
    while k < len(toks) and k - i < 5 and toks[k].kind == "word" and toks[k].norm.startswith("ال"):
        k += 1
    if k - i < 3 or k >= len(toks) or toks[k].norm[:1] != "ب":
        return None
    return Speaker(i, k - 1, False, None, None, True)


def _up_to(toks: list[Token], sp: Speaker | None, verb: int) -> Speaker | None:
    """The subject phrase that ends right before the verb, with the adjectives the phrase left out ("ولكن النائب
    العام البحريني قال": "النائب العام" and "البحريني")."""
    if sp is None or sp.end > verb:
        return None
    if sp.end == verb:
        return sp
    if verb - sp.end <= 2 and all(t.kind == "word" and t.norm.startswith("ال") and t.norm not in RELATIVE_PRONOUNS
                                  for t in toks[sp.end : verb]):
        return replace(sp, end=verb)
    return None


def subject_may_come_first(toks: list[Token], i: int) -> bool:
    """A past verb with no conjunction on it and an opener ("لكن", "كانت") a few words before it."""
    return i > 0 and toks[i].norm[:1] not in "وف" and not participle(toks[i]) and any(
        t.norm in SUBJECT_OPENERS or unclitic(t.norm) in SUBJECT_OPENERS for t in toks[max(0, i - 8) : i])


def _opens_subject(toks: list[Token], start: int) -> bool:
    """A subject placed before its verb starts a clause: "لكن", "بينما", "كانت" right before it, or before the
    title that heads it ("لكن متحدثا باسم وحدات حماية الشعب نفى"), with no punctuation in between."""
    for k in range(start - 1, max(-1, start - 5), -1):
        if toks[k].kind == "punct" and toks[k].text not in "\"«»“”#":
            return False
        if toks[k].norm in SUBJECT_OPENERS or unclitic(toks[k].norm) in SUBJECT_OPENERS:
            return True
    return False


def trailing_subject(s: Sentence, i: int, stop: int) -> Speaker | None:
    """The source named at the end of a sentence, after the statement it vouches for ("…، كما أفادت الشرطة",
    "…، حسبما أفاد المرصد السوري"): a speaker phrase, or definite words up to the sentence's end. A pronoun
    for the speaker before it ("وفق ما نقلته عنه وكالة سبأ") is passed over."""
    if i < stop and s.tokens[i].norm in FROM_HIM:
        i += 1
    while i < stop - 1 and s.tokens[i].kind != "punct" and (
        s.tokens[i].norm in TRAILING_ADVERBS or inside_date(s, s.tokens[i])
    ):
        i += 1  # "…، كما أعلن الأربعاء مكتب المدعي العام": the day, then who announced it
    sp = speaker_at(s.tokens, i, s.mention_at) or definite_subject(s, i)
    if sp is not None:
        return sp
    from ..entities.lexicon import cues as entity_cues

    k = i
    if k < stop and s.tokens[k].norm in entity_cues().org_heads:
        k += 1  # "…، كما أعلن مكتب المدعي العام الليبي": a body's head noun, then its definite words
    while k < stop and k - i < 5 and s.tokens[k].kind == "word" and s.tokens[k].norm.startswith("ال"):
        k += 1
    if k > i and (k >= stop or s.tokens[k].kind == "punct"):
        return Speaker(i, k, False, None, None, True)
    return None


def quoted_name(s: Sentence, i: int) -> Speaker | None:
    """'وقالت "فتح" في بيان': one to three words in quotation marks right after the verb, followed by "في",
    a comma, "إن"/"أن" or "لـ…", name the speaker even when the recogniser does not know them."""
    toks = s.tokens
    if i >= len(toks) or toks[i].text not in QUOTES_OPEN:
        return None
    close = next((k for k in range(i + 1, min(len(toks), i + 5)) if toks[k].text in QUOTES_OPEN | {"»", "”"}), None)
    if close is None or close == i + 1 or close + 1 >= len(toks) or any(t.kind != "word" for t in toks[i + 1 : close]):
        return None
    nxt = toks[close + 1]
    if (nxt.text in "،," or nxt.norm in ("في", "عبر") or unclitic(nxt.norm) in CONTENT_OPENERS
            or nxt.norm.startswith("ل")):
        return Speaker(i + 1, close, False, None, None)  # the name without its quotation marks
    return None


def to_whom(tok: Token) -> bool:
    """A word after the verb that carries the preposition ل before a noun that names an outlet, a body, a
    title or a source ("لصحيفة", "لرجال", "للصحفيين"): the addressee. Names that begin with ل stay names."""
    from ..entities.lexicon import cues as entity_cues
    from .phrases import MEDIA_HEADS, strip_clitic

    w = tok.norm
    if w[:1] != "ل" or w.startswith("ال"):
        return False
    rest = w[2:] if w.startswith("لل") else w[1:]
    bare = rest[2:] if rest.startswith("ال") else rest
    c = entity_cues()
    lex = lexicon()
    return any(x in MEDIA_HEADS or x in c.org_heads or x in lex.sources or x in c.person_titles
               for x in (rest, bare, strip_clitic(w), "ال" + bare))


def bare_name_at(s: Sentence, i: int) -> Speaker | None:
    """"وقال ظريف إن …", "وترى إلسا كانيا، …": a name the recogniser did not know (`phrases.bare_name`)."""
    return bare_name(s.tokens, i)


def participle(tok: Token) -> bool:
    """An active participle used adverbially (مضيفاً، مشيراً، متابعاً، مؤكدةً)."""
    w = unclitic(tok.norm)
    return w.startswith("م") and (w.endswith("ا") or w.endswith("ه")) and len(w) >= 5


def analyst(text: str) -> bool:
    words = [w[2:] if w.startswith("ال") else w for w in key(text).split()]
    titles = {t[2:] if t.startswith("ال") else t for t in lexicon().opinion_titles}
    return any(w in titles for w in words[:3])
