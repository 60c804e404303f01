"""A sentence as the attribution steps see it: its tokens, the entity mentions at each, and where a
statement's content begins and ends."""

from __future__ import annotations

from ..model import Article, Span
from ..text.tokens import Token, sentence_tokens
from .phrases import (
    CueMatch,
    Speaker,
    speaker_at,
    title_at,
    unclitic,
)
from .records import Party

CONTENT_OPENERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "انما", ":"})


QUOTES_OPEN = frozenset("«“\"„”")
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"})


HASHTAG_MARKS = frozenset({"#", "_"})
CLAUSE_BREAKS = frozenset({"فيما", "بينما", "حين", "وفيما", "وبينما"})


class Sentence:
    def __init__(self, article: Article, unit: Span, mentions: list[Span]):
        self.article = article
        self.since_last = 0  # sentences since the last statement
        self.pending_via: list[Party] = []  # channels named before the statement they belong to
        self.co_speakers: list[Party] = []  # further sources of the cue just read ("عن مسؤولين ودبلوماسيين")
        self.text = article.text
        self.unit = unit
        # a hashtag's marks are decoration: "#وزير_الخارجية_اليمني" reads as the three words it joins
        self.tokens: list[Token] = [t for t in sentence_tokens(article.text, unit.start, unit.end)
                                    if t.text not in HASHTAG_MARKS]
        self.mention_at: dict[int, Span] = {}
        self.mention_at_end: dict[int, Span] = {}
        self.mention_start: dict[int, int] = {}
        starts = {t.start: i for i, t in enumerate(self.tokens)}
        for m in mentions:
            if not (unit.start <= m.start < unit.end):
                continue
            i = next((starts[p] for p in range(m.start, max(m.start - 4, unit.start - 1), -1) if p in starts), None)
            if i is None:
                continue
            if m.start > self.tokens[i].start and self.tokens[i].end < m.start:
                continue
            self.mention_at.setdefault(i, m)
            j = i
            while j + 1 < len(self.tokens) and self.tokens[j + 1].start < m.end:
                j += 1
            self.mention_at_end[j] = m
            self.mention_start[id(m)] = i

    def party(self, sp: Speaker) -> Party:
        start, end = self.tokens[sp.start].start, self.tokens[sp.end - 1].end
        if sp.mention is not None and not sp.anonymous:
            start = min(start, sp.mention.start) if sp.start < len(self.tokens) else sp.mention.start
        while end > start and self.text[end - 1] in "«»“”\"'# ":
            end -= 1  # 'صحيفة “نيويورك تايمز' keeps no stray quotation mark
        text = self.text[start:end].replace("_", " ").replace("#", "")  # "#وحدات_حماية_الشعب": وحدات حماية الشعب
        return Party(start, end, text, sp.mention.attrs.get("key") if sp.mention is not None else None,
                     sp.anonymous, sp.cls)


def content_from(s: Sentence, i: int, stop: int) -> tuple[int, int, bool] | None:
    """Where the statement begins at or after token i (أن/إن/a quote/a colon), to the sentence end or `stop`."""
    toks = s.tokens
    while i < stop and (toks[i].text in ("،", ",") or (
            toks[i].norm in DAYS and i + 1 < stop and toks[i + 1].text in "،,")):
        i += 1  # "أعرب …، فلاديمير تيتوف، عن الاحتجاج", "رفضت روسيا، الثلاثاء، المهلة": not the words
    # "قالت جينا هاسبل، التي أعلن ترامب تعيينها …: "…"": the words come after the speaker's relative clause
    reach = 5
    if i < stop and (toks[i].norm in RELATIVE_PRONOUNS or toks[i].norm in ("وهو", "وهي", "وهم")):
        reach = 25
        colon = next((j for j in range(i, min(stop, i + reach)) if toks[j].text == ":"), None)
        comma = next((j for j in range(i, min(stop, i + reach)) if toks[j].text in ("،", ",")), None)
        if colon is not None:
            i = colon  # a quotation inside the relative clause ("ما يعرف بـ"CIA"") is not the statement
        elif comma is not None:
            i = comma + 1  # "تركيا، التي قالت إن …، أنها …": what the relative clause says is not the statement
    elif i + 2 < stop and toks[i + 1].text in ("،", ",") and toks[i].kind == "word" and describes_speaker(
            toks, i + 2) and not _circumstance(toks[i]) and toks[i].norm[-1:] != "ا":
        reach, i = 20, i + 2  # "بدران جيا كورد، أحد كبار المسؤولين": the last word of a name the recogniser cut
    elif i < stop and describes_speaker(toks, i):
        reach = 20  # "قال ستيفان دجوريك، المتحدث باسم …، لوكالة فرانس برس "…"": past the speaker's description
    elif i < stop and _circumstance(toks[i]):
        reach = 20  # "أعلن في 28 شباط/فبراير الماضي أنه …", "قال مازحا، في تصريح: "…"": past where and when
    k = i
    while k < stop and k - i <= reach:
        t = toks[k]
        if t.text in QUOTES_OPEN:
            close = next((j for j in range(k + 1, min(stop, k + 5)) if toks[j].text in QUOTES_OPEN | {"»"}), None)
            if close is not None and close + 1 < stop and (
                unclitic(toks[close + 1].norm) in CONTENT_OPENERS or toks[close + 1].norm in ("علي", "في")
            ):
                k = close + 1  # 'نقلته وكالة أنباء "ريا نوفوستي" إن', '"إرنا" على هامش …، "…"': a quoted name
                continue
            return t.start, end_of(s, stop), True
        if k > i and _reporting_verb(t) and any(x.norm in CONTRAST for x in toks[max(i, k - 3) : k]):
            break  # "مقتل طفل … لكن مديره قال لرويترز، إنه …": the words after it are another statement's
        if k > 0 and toks[k - 1].norm in AFTER_WHICH:
            k += 1  # "بعد أن ترأست اجتماعاً": a time clause, not the words
            continue
        if reach > 5 and k > i and toks[k - 1].text in "،," and t.norm[:1] == "م" and t.norm[-1:] == "ا" and (
            len(t.norm) >= 5
        ):
            break  # "دعا في تصريح إلى ضرورة …، مشيراً إلى أن …": the participle's clause is another proposition
        if unclitic(t.norm) in CONTENT_OPENERS or t.norm in CONTENT_OPENERS or t.text == ":":
            first = k + 1
            if first < stop:
                direct = toks[first].text in QUOTES_OPEN
                return toks[first].start, end_of(s, stop), direct
            return None
        k += 1
    # "قالت الإدارة الصحية في منطقة خاضعة لسيطرة المعارضة في بيان، إن …": a comma then إن opens the words
    # further on, past where and how the speaker spoke
    inna = next((j for j in range(k, min(stop - 1, i + 16)) if toks[j].text in ("،", ",")
                 and toks[j + 1].norm in ("ان", "انه", "انها", "انهم")), None)
    if inna is None:  # "قال نزار عياش أمين نقابة الصيادين في غزة في بيان إن …", "قالت الهيئة المنظمة لوسائل
        # الإعلام المرئية والمسموعة البريطانية الاثنين إنها …": who and how he spoke, then إن (written with its hamza)
        inna = next((j - 1 for j in range(k, min(stop - 1, i + 13)) if toks[j].text in ("إن", "إنه", "إنها", "إنهم")
                     and not any(t.text == ":" or unclitic(t.norm) in CONTENT_OPENERS or t.text in QUOTES_OPEN
                                 or _reporting_verb(t) for t in toks[i:j])), None)
    if inna is not None and inna + 2 < stop and not any(
            t.text in QUOTES_OPEN or _reporting_verb(t) for t in toks[i:inna]):
        return toks[inna + 2].start, end_of(s, stop), toks[inna + 2].text in QUOTES_OPEN
    if i < stop:  # no opener: the rest of the clause ("بحسب الصحيفة، فإن …" is handled by the caller)
        return toks[i].start, end_of(s, stop), toks[i].text in QUOTES_OPEN
    return None


DAYS = frozenset({"اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"})  # folded
AFTER_WHICH = frozenset({"بعد", "قبل", "منذ", "حتي", "دون", "بدون", "لدرجه"})  # "بعد أن": not the words' أن
CIRCUMSTANCE = DAYS | {"في", "خلال", "بعد", "لدي", "عبر", "امام", "يوم", "مساء", "صباح", "مازحا", "ضاحكا", "مبتسما",
                       "مضيفا", "متابعا", "ردا", "تعليقا", "حسب", "بحسب", "وفق", "ايضا"}


def _circumstance(t: Token) -> bool:
    """A word that starts where, when or how the speaker spoke, not what was said: a preposition, a day, a
    number, a ل-word naming whom it was said to ("للصحافيين")."""
    return t.kind == "number" or t.norm in CIRCUMSTANCE or t.norm.startswith("لل")


CONTRAST = frozenset({"لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما"})  # a new subject's clause begins


def _reporting_verb(t: Token) -> bool:
    """"…مقتل طفل لكن مديره قال لرويترز، إنه …": the إن after another reporting verb opens that verb's words."""
    from .lexicon import lexicon

    cues = lexicon().cues
    cue = cues.get((t.norm,)) or cues.get((unclitic(t.norm),)) if t.kind == "word" else None
    return cue is not None and cue.type in ("verb", "relay_verb") and not cue.continues


def describes_speaker(toks: list[Token], i: int) -> bool:
    """A title after the speaker's name ("سفير روسيا السابق", "المتحدث باسم …", "أحد كبار …") describes the
    speaker; the words come after the description."""
    from ..entities.lexicon import cues as entity_cues

    return title_at(toks, i) > i or "ال" + toks[i].norm in entity_cues().person_titles or toks[i].norm in (
        "احد", "احدي")


def end_of(s: Sentence, stop: int) -> int:
    end = s.tokens[stop - 1].end if stop > 0 else s.unit.end
    return end


def clause_stop(s: Sentence, start: int, cues: list[CueMatch], me: int) -> int:
    """A statement runs to the sentence end, or to "فيما"/"بينما" before the next cue with a speaker."""
    for c in cues[me + 1 :]:
        for k in range(c.start - 1, start, -1):
            if s.tokens[k].norm in CLAUSE_BREAKS or unclitic(s.tokens[k].norm) in CLAUSE_BREAKS:
                if speaker_at(s.tokens, c.end, s.mention_at) is not None or c.cue.type != "verb":
                    return k
                break
    return len(s.tokens)


def opens_content(s: Sentence, i: int, stop: int) -> bool:
    for t in s.tokens[i : min(stop, i + 12)]:
        if t.text in QUOTES_OPEN or t.text == ":" or unclitic(t.norm) in CONTENT_OPENERS or t.norm in CONTENT_OPENERS:
            return True
    return False


def clause_before(s: Sentence, i: int) -> tuple[int, int] | None:
    """The clause a trailing source phrase vouches for: "…، وأصبحت سوريا العضو التسعين في التحالف، وذلك
    بحسب تصريحات المبعوث" → "وأصبحت سوريا العضو التسعين في التحالف" (back to the last "، و…")."""
    toks = s.tokens
    end = i - 1
    while end >= 0 and (toks[end].norm in ("وذلك", "ذلك", "وهذا") or toks[end].kind == "punct"):
        end -= 1
    if end < 0:
        return None
    start = 0
    for k in range(end, 0, -1):
        if toks[k - 1].text in ("،", ",") and toks[k].norm[:1] == "و" and k < end:
            start = k
            break
    return toks[start].start, toks[end].end


def token_of(s: Sentence, offset: int) -> int:
    for i, t in enumerate(s.tokens):
        if t.end >= offset:
            return i + 1
    return len(s.tokens)


def end_token(s: Sentence, m: Span, k: int) -> int:
    while k < len(s.tokens) and s.tokens[k].start < m.end:
        k += 1
    return k


def inside_date(s: Sentence, t: Token) -> bool:
    return any(d.start <= t.start < d.end for d in s.article.spans("dates"))
