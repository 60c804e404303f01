"""Noun phrases of attribution over a sentence's tokens: cues, speakers (named, titled, anonymous).

Every function takes the sentence's tokens and the entity mentions that start at each token, and
returns token index ranges; the extractor turns them into spans of the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..entities.lexicon import cues as entity_cues
from ..entities.lexicon import strip_clitic
from ..model import Span
from ..text.normalize import fold, key
from ..text.tokens import Token
from .lexicon import Cue, lexicon

NAMING = frozenset({"اسم", "باسم", "تدعي", "يدعي", "تسمي", "يسمي", "المعروفه", "المعروف", "المسماه", "المسمي"})
MEDIA_HEADS = frozenset(fold(w) for w in ("صحيفة", "جريدة", "وكالة", "قناة", "موقع", "منصة", "شبكة", "مجلة", "إذاعة"))
CONJUNCTIONS = ("و", "ف")


def unclitic(word: str) -> str:
    """A folded word without a leading و/ف (the conjunctions every cue may carry)."""
    if len(word) > 3 and word[0] in CONJUNCTIONS:
        return word[1:]
    return word


@dataclass
class CueMatch:
    start: int  # token index
    end: int
    cue: Cue


def n_words(c: CueMatch) -> int:
    return c.end - c.start


def _is_given_name(tokens: list[Token], i: int) -> bool:
    from ..entities.lexicon import first_names

    return (tokens[i].norm in first_names() and i + 1 < len(tokens) and tokens[i + 1].kind == "word"
            and not tokens[i + 1].norm.startswith(("ان", "بان", "ال")))


@lru_cache(maxsize=1 << 16)
def _cue_tries(word: str) -> tuple[tuple[int, int, str], ...]:
    """The (−length, form order, first word) a word may start a cue with: the longest cue first, at one length
    the forms in order (the word, without و/ف; a set's order would follow the hash seed); the form without
    its conjunction only for cues of several words ("ولم يستبعد", "وفي حديث إلى")."""
    starts = lexicon().cue_lengths
    plain = [word, unclitic(word)]
    conj = word[1:] if word[:1] in CONJUNCTIONS else ""
    return tuple(sorted((-n, j, first) for j, first in enumerate(dict.fromkeys([*plain, conj] if conj else plain))
                        for n in starts.get(first, ()) if n > 1 or first in plain))


def find_cues(tokens: list[Token]) -> list[CueMatch]:
    lex = lexicon()
    keys = [t.norm for t in tokens]
    out: list[CueMatch] = []
    i = 0
    while i < len(tokens):
        hit = None
        if tokens[i].kind == "word":
            word = keys[i]
            limit = min(lex.max_cue_words, len(tokens) - i)
            for minus_n, _, first in _cue_tries(word):
                if -minus_n > limit:
                    continue
                cue = lex.cues.get((first, *keys[i + 1 : i - minus_n]))
                if cue is not None:
                    hit = CueMatch(i, i - minus_n, cue)
                    break
            if hit is None and tokens[i].suffix:
                # a verb with an object pronoun: "وفق ما أكّده معاذ مصطفى"
                cue = lex.cues.get((unclitic(keys[i][: len(keys[i]) - len(tokens[i].suffix)]),))
                if cue is not None and cue.type == "verb" and not (i > 0 and keys[i - 1] in PREPOSITIONS):
                    hit = CueMatch(i, i + 1, cue)  # (after a preposition, "من كشفه" is a verbal noun)
            if hit is not None and n_words(hit) == 1 and _is_given_name(tokens, i):
                hit = None  # "آري هارو": a given name before a family name, not "أرى"
            if hit is not None and n_words(hit) == 1 and tokens[i].suffix and tokens[i].text.endswith("ه") and (
                unclitic(word)[:1] == "م"
            ):
                hit = None  # "على مضيفه" (its host), not the participle "مضيفة" (adding) that folds the same
            if hit is not None and hit.cue.lemma == "ادعى" and key(tokens[i].text, "strict").endswith("ى"):
                hit = None  # "تُدعى" (is named), not "تدعي" (claims): only the written ى tells them apart
        if hit:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


@dataclass
class Speaker:
    start: int  # token index
    end: int
    anonymous: bool
    cls: str | None = None  # officials, experts… for anonymous sources
    mention: Span | None = None  # the entity mention that names it
    role: bool = False  # a role without a name ("المتحدث باسم السفارة")


@lru_cache(maxsize=1 << 12)
def _anonymity_from(word: str) -> tuple[tuple[str, ...], ...]:
    """The anonymity phrases ("طلب عدم الكشف عن هويته") that start with the word."""
    return tuple(p for p in lexicon().anonymity if p and p[0] == word)


def anonymous_at(tokens: list[Token], i: int) -> Speaker | None:
    """"مسؤولين أمريكيين حاليين وسابقين", "أحد الدبلوماسيين الغربيين", "مصدر في جهاز …", "تقارير إعلامية"."""
    lex = lexicon()
    j = i
    while j < len(tokens) and lex.modifiers.get(unclitic(tokens[j].norm)) == "number":
        j += 1
    if j < len(tokens) and tokens[j].norm == "من" and j > i:
        j += 1  # "عدد من"
    if j >= len(tokens) or tokens[j].kind != "word":
        return None
    head = tokens[j].norm
    cls = lex.sources.get(head) or lex.sources.get(unclitic(head)) or lex.sources.get(strip_clitic(head))
    if cls is None:
        return None
    j += 1
    while j < len(tokens):
        word = unclitic(tokens[j].norm)
        if tokens[j].norm.startswith("و") and word in lex.sources:
            break  # "مسؤولين سوريين ودبلوماسيين غربيين": a second source, coordinated
        if tokens[j].kind == "word" and lex.modifiers.get(word) in ("nationality", "affiliation", "time"):
            j += 1
            continue
        phrase = next((p for p in _anonymity_from(tokens[j].norm)
                       if tuple(t.norm for t in tokens[j : j + len(p)]) == p), None)
        if phrase:
            j += len(phrase)
            continue
        break
    return Speaker(i, j, True, cls)


def extend_with_affiliation(tokens: list[Token], sp: Speaker, mention_at: dict[int, Span]) -> Speaker:
    """"مصدر في جهاز الاستخبارات العامة": the organisation an anonymous source speaks from. A spokesperson
    ("متحدث باسم “أنصار السنة”") speaks for the organisation: the organisation is the speaker."""
    j = sp.end
    if sp.cls == "documents" and j + 2 < len(tokens) and tokens[j].norm in ("صادر", "صادره", "الصادر", "الصادره") and (
        tokens[j + 1].norm == "عن"
    ):
        # "بيان صادر عن الوزارة": the body that issued it
        k = skip_quotes(tokens, j + 2)
        m = mention_at.get(k)
        end = skip_quotes(tokens, _token_end(tokens, m, k)) if m is not None else _unknown_body(tokens, k)
        if end > k:
            return Speaker(sp.start, end, False, None, m)
    if (sp.cls in ("diplomats", "officials") and sp.end - sp.start == 1 and j < len(tokens)
            and not tokens[sp.start].norm.startswith("ال") and (m := mention_at.get(j)) is not None
            and m.label in ("LOC", "GPE", "ORG") and not _addressed(tokens[j], m)):
        # "سفير بريطانيا", "مسؤول الأمم المتحدة": a head in construct with the country or body it serves, then
        # maybe the person's name ("سفير روسيا لدى بريطانيا ألكسندر ياكوفينكو")
        post = extend_with_affiliation(tokens, Speaker(sp.start, _token_end(tokens, m, j), sp.anonymous, sp.cls,
                                                       m, sp.role), mention_at)
        if (person := mention_at.get(post.end)) is not None and person.label == "PER":
            return Speaker(sp.start, _token_end(tokens, person, post.end), False, None, person)
        named = bare_name(tokens, post.end, before_preposition=True)
        if named is not None and named.end - named.start >= 2:
            return Speaker(sp.start, named.end, False, None, None)
        return post
    if j < len(tokens) and tokens[j].norm == "عن" and sp.cls in ("media", "reports"):
        return sp  # "تقارير عن الهجوم", "نقلت وسائل الإعلام عن أردوغان": what they report, or whom they cite
    if j + 1 < len(tokens) and tokens[j].norm in ("في", "من", "لدي", "داخل", "باسم", "عن"):
        k = skip_quotes(tokens, j + 1)
        m = mention_at.get(k)
        if m is not None:
            end = skip_quotes(tokens, _token_end(tokens, m, k))
            if tokens[j].norm == "باسم":
                return Speaker(sp.start, end, False, "spokesperson", m, True)
            return Speaker(sp.start, end, sp.anonymous, sp.cls, m, sp.role)
        if tokens[j].norm == "باسم":
            end = _unknown_body(tokens, k)  # "متحدثة باسم شرطة لندن": a body the recogniser did not know
            if end > k:
                return Speaker(sp.start, end, False, "spokesperson", None, True)
    return sp


def _unknown_body(tokens: list[Token], k: int) -> int:
    """The end of an organisation's name the recogniser did not know, at token k: a head noun ("شرطة",
    "وزارة") with up to three words after it, or up to four definite words ("الجيش", "الخارجية الروسية"); k
    when there is none. It stops at punctuation, "إن"/"أن" and reporting words."""
    from .sentence import CONTENT_OPENERS

    heads = entity_cues().org_heads
    if k >= len(tokens) or tokens[k].kind != "word":
        return k
    headed = tokens[k].norm in heads or strip_clitic(tokens[k].norm) in heads
    if not headed and not tokens[k].norm.startswith("ال"):
        return k
    j = k + 1
    while j < len(tokens) and j - k < 4 and tokens[j].kind == "word" and (
        unclitic(tokens[j].norm) not in CONTENT_OPENERS and not CUE_WORDS_STOP(tokens[j])
        and tokens[j].norm not in PREPOSITIONS and (headed or tokens[j].norm.startswith("ال"))
    ):
        j += 1
    return j


def _token_end(tokens: list[Token], m: Span, start: int) -> int:
    k = start
    while k < len(tokens) and tokens[k].start < m.end:
        k += 1
    return k


def _name_rest(tokens: list[Token], m: Span, end: int) -> int:
    """A person's name the recogniser cut one word short ("بدران جيا" of "بدران جيا كورد، …"): one more word
    that is no function word, day, adverb, title or reporting word, right before a comma or the words' أن/إن
    (before a quotation mark such a word was wrong in 3 of 3 on a sample of articles)."""
    if m.label != "PER" or end + 1 >= len(tokens):
        return end
    from ..text.terms import stopwords
    from .sentence import CIRCUMSTANCE

    t, nxt = tokens[end], tokens[end + 1]
    if t.kind != "word" or t.norm.startswith(("ال", "ل", "ب")) or t.norm.endswith("ا") or t.norm in stopwords() or (
        t.norm in CIRCUMSTANCE) or (
        t.norm,) in lexicon().cues or (unclitic(t.norm),) in lexicon().cues or title_at(tokens, end) > end or (
            strip_clitic(t.norm) in entity_cues().person_titles):
        return end
    return end + 1 if nxt.text in ("،", ",") or unclitic(nxt.norm) in OPENERS else end


@lru_cache(maxsize=1)
def _not_titles() -> frozenset[str]:
    """Words that read as a title with ال but are function words without it ("أمام": before, not the imam)."""
    from ..text.terms import stopwords

    return stopwords() | entity_cues().not_bare_titles


def title_at(tokens: list[Token], i: int) -> int:
    """The token index after a person title starting at i ("وزير", "المتحدث باسم"), or i."""
    titles = entity_cues().person_titles
    for n in (3, 2, 1):
        if i + n <= len(tokens):
            rest = [t.norm for t in tokens[i + 1 : i + n]]
            # the word as written first: "وزير" must not lose its و to a clitic reading
            for first in (tokens[i].norm, strip_clitic(tokens[i].norm)):
                if " ".join([first, *rest]) in titles or (
                        not first.startswith("ال") and " ".join(["ال" + first, *rest]) in titles
                        and first not in _not_titles()):
                    return i + n  # ("خبيرة الطب النفسي", "سفير روسيا": the title without its article)
    return i


QUOTE_MARKS = frozenset("«»“”\"„'#")  # and the # of a hashtag name ("#دوتيرتي")
OPENERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم"})  # where the words begin


def skip_quotes(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text in QUOTE_MARKS:
        i += 1
    return i


def speaker_at(tokens: list[Token], i: int, mention_at: dict[int, Span], limit: int = 10,
               lam_governed: bool = False) -> Speaker | None:
    """A speaker noun phrase starting at token i: a named entity (with its title or head), a titled person,
    a role, or an anonymous source. Quotation marks around a name are passed over; a mark that does not close
    within a few words opens a quotation ("وأضاف "كمصدر (للمعلومات) كان …""), not a name."""
    opened = i < len(tokens) and tokens[i].text in QUOTE_MARKS and tokens[i].text != "#"
    i = skip_quotes(tokens, i)
    if i >= len(tokens):
        return None
    named = mention_at.get(i)
    if opened and named is not None and _token_end(tokens, named, i) < len(tokens) and (
        tokens[_token_end(tokens, named, i)].text in QUOTE_MARKS
    ):
        opened = False  # '“نيويورك تايمز” عن': a known name in quotation marks
    if opened:
        close = next((k for k in range(i + 1, min(len(tokens), i + 6)) if tokens[k].text in QUOTE_MARKS), None)
        after = tokens[close + 1] if close is not None and close + 1 < len(tokens) else None
        if after is None or not (after.kind == "punct" or after.norm in ("في", "عبر") or after.norm[:1] == "ل"
                                 or unclitic(after.norm) in OPENERS):
            return None  # a name in quotation marks is followed by "،", "في", "لـ…" or "إن", not by more words
    m = mention_at.get(i)
    if m is not None:
        if not lam_governed and _addressed(tokens[i], m):
            return None  # "لفرانس برس", "للمرصد": who the words were said to, never who said them (but
            # "وفقا للمرصد": the ل of the cue)
        end = _token_end(tokens, m, i)
        if strip_clitic(tokens[i].norm) in MEDIA_HEADS and end + 1 < len(tokens) and tokens[end].text in (
                QUOTE_MARKS | {"("}) and (q := mention_at.get(end + 1)) is not None:
            # 'وكالة الأنباء الروسية الرسمية "ريا نوفوستي"', "(الأناضول)": the outlet's own name after it
            q_end = _token_end(tokens, q, end + 1)
            if q_end < len(tokens) and tokens[q_end].text in (QUOTE_MARKS | {")"}):
                return Speaker(i, q_end + 1, False, None, q)
        return Speaker(i, _name_rest(tokens, m, end), False, None, m)
    head = strip_clitic(tokens[i].norm)
    if head in MEDIA_HEADS or tokens[i].norm in MEDIA_HEADS:
        if (m := mention_at.get(skip_quotes(tokens, i + 1))) is not None:
            return Speaker(i, _token_end(tokens, m, skip_quotes(tokens, i + 1)), False, None, m)
        # "وكالة الأخبار السورية (سانا)": the name the knowledge base knows in brackets
        for k in range(i + 1, min(len(tokens), i + 7)):
            if tokens[k].text == "(" and (m := mention_at.get(k + 1)) is not None:
                end = _token_end(tokens, m, k + 1)
                return Speaker(i, end + 1 if end < len(tokens) and tokens[end].text == ")" else end, False, None, m)
            if tokens[k].text in QUOTE_MARKS and k > i + 1 and (m := mention_at.get(k + 1)) is not None:
                end = _token_end(tokens, m, k + 1)  # 'وكالة الأنباء الروسية الرسمية "ريا نوفوستي"'
                return Speaker(i, end + 1 if end < len(tokens) and tokens[end].text in QUOTE_MARKS else end, False,
                               None, m)
            if tokens[k].kind == "punct" and tokens[k].text not in QUOTE_MARKS:
                break
    if tokens[i].suffix and title_at(tokens, i) == i and (
        tokens[i].base in entity_cues().person_titles or "ال" + tokens[i].base in entity_cues().person_titles
    ):
        return Speaker(i, i + 1, True, "officials", None, True)  # "وأصر محاميه", "لكن مديره قال": his lawyer
    end = title_at(tokens, i)
    if end > i:
        # "وزير الإعلام السوري حمزة المصطفى", "قائد القيادة المركزية الأميركية الأدميرال براد كوبر"
        k = end
        while k < len(tokens) and k - i <= limit + 4:
            m = mention_at.get(k)
            if m is not None and m.label == "PER":
                m_end = _token_end(tokens, m, k)
                other = apposition(tokens, m_end, mention_at)
                if other is not None:  # "محامي ستورمي دانيلز، مايكل آفينياتي،": the lawyer, not the client
                    return Speaker(i, other.end, False, None, other.mention)
                return Speaker(i, _name_rest(tokens, m, m_end), False, None, m)
            if tokens[k].text in "،," and k + 1 < len(tokens):
                after = title_at(tokens, k + 1)  # "مدير مستشفى عفرين، الدكتور جوان محمد"
                if (nm := mention_at.get(after)) is not None and nm.label == "PER":
                    return Speaker(i, _token_end(tokens, nm, after), False, None, nm)  # "وزير الإعلام، حمزة المصطفى"
                if (named := bare_name(tokens, after)) is not None and (after > k + 1 or named.end - after >= 2):
                    return Speaker(i, named.end, False, None, None)  # "مدير نادي "سولد غولدن"، كريج كورك،"
                # "القيادي البارز في "جيش الإسلام"، الفصيل الأقوى في الغوطة الشرقية، محمد علوش": a description of
                # the body between commas, then the person
                close = next((j for j in range(k + 2, min(len(tokens) - 1, k + 9)) if tokens[j].text in "،,"), None)
                if close is not None and not any(unclitic(t.norm) in OPENERS or t.text in QUOTE_MARKS or t.text == ":"
                                                 for t in tokens[k + 1 : close]) and (
                    (pm := mention_at.get(close + 1)) is not None and pm.label == "PER"
                ):
                    return Speaker(i, _token_end(tokens, pm, close + 1), False, None, pm)
            if tokens[k].text in QUOTE_MARKS:
                k += 1  # 'رئيس مركز "ريكونسنس" عبدالعزيز العنجري'
                continue
            if tokens[k].kind == "punct" or unclitic(tokens[k].norm) in OPENERS or tokens[k].norm in (
                    "قد", "لقد", "وقد", "فقد", "الذي", "التي", "الذين"):  # (a relative clause describes it)
                break  # ("وكان الرئيس الأميركي قد أقال تيلرسون": a verb follows قد — the name after it is its object)
            if m is not None:
                k = _token_end(tokens, m, k)
                continue
            if CUE_WORDS_STOP(tokens[k]):
                break  # another verb: the role ended without a name
            if k > end and (tokens[k - 1].norm.startswith("ال") or tokens[k - 1].norm.startswith("لل")):
                # "المفوضة الأوروبية للتجارة سيسيليا مالستروم أنه": a name the recogniser missed after the field
                named = bare_name(tokens, k)
                if named is not None and named.end - named.start >= 2:
                    return Speaker(i, named.end, False, None, None)
            k += 1
        if tokens[end - 1].norm == "باسم" and (m := mention_at.get(skip_quotes(tokens, end))) is not None:
            # "الناطقة باسم وزارة الخارجية الأمريكية هيذر نويرت": the named spokesperson speaks; unnamed, the
            # organisation does
            org_end = skip_quotes(tokens, _token_end(tokens, m, skip_quotes(tokens, end)))
            told = org_end < len(tokens) and tokens[org_end].norm[:1] == "ل" and org_end in mention_at  # "لرويترز"
            named = None if told else bare_name(tokens, org_end, before_preposition=True)
            if named is not None:
                return Speaker(i, named.end, False, None, None)
            return Speaker(i, org_end, False, "spokesperson", m, True)
        if tokens[end - 1].norm == "باسم":
            # "المتحدث باسم الجيش", "باسم وزارة الخارجية": an organisation the recogniser missed (a head noun
            # and definite words), then maybe the spokesperson's name
            k = _unknown_body(tokens, end)
            if k > end:
                named = bare_name(tokens, k, before_preposition=True)
                return Speaker(i, named.end if named is not None else k, False, "spokesperson", None, True)
        role = Speaker(i, end, True, "officials", None, True)
        return extend_with_affiliation(tokens, _with_modifiers(tokens, role), mention_at)
    if head in entity_cues().org_heads or tokens[i].norm in entity_cues().org_heads:
        # "جماعة تُطلق على نفسها اسم “أنصار السنة”", "حركة تدعى …": the name the phrase gives
        for k in range(i + 1, min(len(tokens), i + 7)):
            if tokens[k].norm in NAMING and (m := mention_at.get(skip_quotes(tokens, k + 1))) is not None:
                return Speaker(i, _token_end(tokens, m, skip_quotes(tokens, k + 1)), False, None, m)
    anon = anonymous_at(tokens, i)
    if anon is not None:
        named = mention_at.get(skip_quotes(tokens, anon.end))
        if anon.cls in ("reports", "documents", "media") and named is not None and (
            anon.end - anon.start == 1 and not tokens[anon.start].norm.startswith("ال")
        ):
            # "تقارير نيويورك تايمز", "بيان القيادة المركزية": the named source's reports (a head in construct;
            # "اتهم التلفزيون الروسي الرسمي بريطانيا": after a complete phrase the name is the object)
            k = skip_quotes(tokens, anon.end)
            return Speaker(i, _token_end(tokens, named, k), False, None, named)
        if anon.cls in ("reports", "documents") and anon.end < len(tokens) and tokens[anon.end].kind == "word":
            # "بحسب تصريحات المبعوث الأمريكي الخاص توم براك": the titled person whose remarks they are
            owner = speaker_at(tokens, anon.end, mention_at, limit)
            if owner is not None and not owner.anonymous and owner.mention is not None:
                return Speaker(i, owner.end, False, None, owner.mention)
            if owner is not None and owner.anonymous and owner.cls not in ("reports", "documents"):
                return Speaker(i, owner.end, True, owner.cls, owner.mention, owner.role)  # "تصريحات مسؤولين"
        if anon.cls in ("reports", "documents") and anon.end - anon.start == 1 and named is None and (
            not tokens[anon.start].norm.startswith("ال")
        ):
            # "بيان نيابة أمن الدولة العليا": the statement of a body the recogniser does not know
            body_end = _unknown_body(tokens, anon.end)
            if body_end > anon.end and not tokens[anon.end].norm.startswith("ال"):
                return Speaker(i, body_end, False, None, None)
        if anon.cls == "media" and anon.end - anon.start <= 2 and anon.end < len(tokens) and (
            tokens[anon.end].text in QUOTE_MARKS
        ):
            # 'تلفزيون "أقيت"': a broadcaster or paper named in quotation marks the recogniser does not know
            close = next((k for k in range(anon.end + 2, min(len(tokens), anon.end + 5))
                          if tokens[k].text in QUOTE_MARKS), None)
            if close is not None and all(t.kind == "word" for t in tokens[anon.end + 1 : close]):
                return Speaker(i, close + 1, False, None, None)
        return extend_with_affiliation(tokens, anon, mention_at)
    return None


def apposition(tokens: list[Token], i: int, mention_at: dict[int, Span]) -> Speaker | None:
    """A person named between commas right after token i ("…، مايكل آفينياتي، إنه …"), or None."""
    if i + 1 >= len(tokens) or tokens[i].text not in "،,":
        return None
    m = mention_at.get(i + 1)
    if m is not None and m.label == "PER":
        end = _token_end(tokens, m, i + 1)
        return Speaker(i + 1, end, False, None, m) if end < len(tokens) and tokens[end].text in "،," else None
    named = bare_name(tokens, i + 1)
    if named is not None and named.end - named.start >= 2 and tokens[named.end].text in "،,":
        return named
    return None


def _addressed(tok: Token, m: Span) -> bool:
    """The mention's first word carries the preposition ل ("لفرانس برس", "للمرصد", "لـCNN"): who the words
    were said to. A known name that itself begins with ل ("لوموند") is not."""
    if tok.text[:1] != "ل":
        return False
    if m.start > tok.start:
        return tok.text[: m.start - tok.start].strip("ـ ") in ("ل", "لل")
    if tok.norm.startswith("لل"):
        return True  # ل + ال
    from ..entities.kb import knowledge_base

    kb = knowledge_base()
    known = [kb.entities[e] for e in m.attrs.get("kb", []) if e in kb.entities]
    names = [n for ent in known for n in [ent.name, *ent.aliases]]
    return bool(names) and not any(key(n).startswith("ل") for n in names)


def CUE_WORDS_STOP(tok: Token) -> bool:
    """A token that ends a role phrase: a reporting verb or a conjunction-led verb."""
    lex = lexicon()
    return (tok.norm,) in lex.cues or ((unclitic(tok.norm),) in lex.cues and lex.cues[(unclitic(tok.norm),)].type in (
        "verb", "relay_verb"))


def _modifier(tok: Token) -> bool:
    k = strip_clitic(tok.norm)
    c = entity_cues()
    return k in c.not_names or k.startswith("ال") or k in c.org_heads


def _with_modifiers(tokens: list[Token], sp: Speaker) -> Speaker:
    """A role runs over its field and nationality: "المتحدث باسم …", "مسؤول أمريكي سابق"."""
    lex = lexicon()
    j = sp.end
    while j < len(tokens) and tokens[j].kind == "word" and (
        lex.modifiers.get(unclitic(tokens[j].norm)) in ("nationality", "affiliation", "time")
    ):
        j += 1
    return Speaker(sp.start, j, sp.anonymous, sp.cls, sp.mention, sp.role)


def speaker_before(tokens: list[Token], i: int, mention_at_end: dict[int, Span], mention_start: dict[int, int]
                   ) -> Speaker | None:
    """Subject–verb order: a named entity ending right before the cue at token i ("السفارة … أعلنت")."""
    k = i - 1
    if k >= 0 and tokens[k].norm in ("الذي", "التي", "الذين"):
        return None  # "اقتراحات فرنسا التي تدعو": a relative clause (read on its own), not subject–verb
    if k >= 0 and tokens[k].text in "،,":
        k -= 1  # "…، توم براك، أعلن": the apposition's closing comma
    while k >= 0 and (tokens[k].norm in PARTICLES or tokens[k].text in ")»”\""):
        k -= 1  # "أما القيادة المركزية (سنتكوم) فقد أكدت"
    if k >= 0 and tokens[k].text in "،," and k + 1 < i and tokens[k + 1].norm in PARTICLES:
        k -= 1  # "وكان وزير الخارجية، ريكس تيلرسون، قد دعا"
    for back in (0, 1):
        j = k - back
        if j < 0:
            break
        m = mention_at_end.get(j)
        if m is not None:
            start = mention_start[id(m)]
            before = tokens[start - 1].norm if start > 0 else ""
            if before in PREPOSITIONS or (before[:1] in "وف" and before[1:] in PREPOSITIONS) or (
                tokens[start].norm[:1] in "بلك" and tokens[start].prefixes
            ):
                return None  # "في الجيش السوري الجديد، أجاب": the object of a preposition, not the subject
            return Speaker(start, j + 1, False, None, m)
        if tokens[j].kind == "punct" and tokens[j].text not in QUOTE_MARKS and tokens[j].text not in "()":
            break
    # an anonymous subject: "محللون يرجحون أن"
    for start in range(max(0, i - 6), i):
        anon = anonymous_at(tokens, start)
        if anon is not None and anon.end == i:
            return anon
    return None


def bare_name(tokens: list[Token], i: int, before_preposition: bool = False) -> Speaker | None:
    """"ظريف إن …", "هيذر نويرت، …": one to three words the recogniser did not know that look like a name (no
    article, no function word, no reporting word), ended by "إن"/"أن"/":"/a comma/"لـ…" — or, right after a
    role that calls for a name (`before_preposition`), two or three such words before "في"/"خلال"/"عبر"
    ("المتحدث باسم وزارة الخارجية لو كانغ في إفادة صحفية")."""
    from ..text.terms import stopwords
    from .sentence import CONTENT_OPENERS

    lex = lexicon()
    k = i
    while k < len(tokens) and k - i < 3 and tokens[k].kind == "word" and not tokens[k].norm.startswith("ال") and (
        not tokens[k].norm.endswith(("ها", "هم", "هما")) or len(tokens[k].norm) <= 3  # "واعتقدت وقتها أنه"
    ) and (
        k == i or not tokens[k].norm.startswith("ل")  # "علوش لفرانس برس": who it was said to ends the name
    ) and (
        tokens[k].norm not in stopwords() and unclitic(tokens[k].norm) not in CONTENT_OPENERS
        and (tokens[k].norm,) not in lex.cues and (unclitic(tokens[k].norm),) not in lex.cues
    ):
        k += 1
    if k == i or k >= len(tokens):
        return None
    nxt = tokens[k]
    if nxt.text in ("،", ",", ":") or unclitic(nxt.norm) in CONTENT_OPENERS or nxt.norm.startswith("ل"):
        return Speaker(i, k, False, None, None)
    if k - i >= 2 and nxt.norm in ("ايضا", "كذلك", "بدوره", "بدورها"):  # "ونفى بورتر أيضا"
        return Speaker(i, k, False, None, None)
    if before_preposition and k - i >= 2 and nxt.norm in ("في", "خلال", "عبر", "امام"):
        return Speaker(i, k, False, None, None)
    if k - i == 1 and nxt.norm in ("في", "خلال", "عبر", "امام") and not tokens[i].norm.endswith("ا") and any(
        t.text in (":", "،", ",") or unclitic(t.norm) in CONTENT_OPENERS for t in tokens[k + 1 : k + 12]
    ) and not any(t.kind == "word" and (t.norm,) in lex.cues for t in tokens[k + 1 : k + 12]):
        return Speaker(i, k, False, None, None)  # "وقال غلين خلال المؤتمر الصحفي …، إن": where he spoke, then the words
    return None


PARTICLES = frozenset({"قد", "فقد", "لقد", "وقد", "ف", "فانه", "فانها", "بدوره", "بدورها", "ايضا", "كذلك"})
PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "لدي", "حول", "بين", "ضد", "عبر", "داخل", "خلال"})
