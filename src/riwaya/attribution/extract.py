"""Reported speech: one attribution per statement — cue, speaker, content, relays, stance, framing.

Sentence by sentence:
- a reporting verb takes its speaker after it (verb–subject: "وأكد وزير الإعلام … المصطفى أن") or right
  before it (subject–verb: "السفارة الأميركية … أعلنت"); with none, it continues the last speaker
  ("وأضاف أن …");
- a relaying verb ("نقلت الصحيفة عن X", "استندت … إلى X") and "نقلاً عن X" make a chain. Anonymous
  informants (officials, diplomats, sources) are the basis of the outlet's own report: the outlet speaks,
  the informants are its relay. Anyone else the outlet quotes speaks for themselves, the outlet relays;
- "بحسب X" / "وفق X" / "حسب X" names the speaker of a sentence with no other cue, and otherwise adds X
  as a relay of the sentence's statement ("نفت الرئاسة …، وفق سانا");
- a line "X لـY:" introduces the statement on the next line; "X لـ"Y"" names the outlet an interview was
  given to — a relay when it is not the outlet publishing the article;
- the content is what follows (أن / إن / a quotation / a colon); its wording can turn the stance
  (a denial in the content, "قد" for a hedge, the future for a prediction), and an analyst's
  assertion is an opinion.
"""

from __future__ import annotations

import re

from ..model import Article, Span
from ..text.normalize import key
from ..text.tokens import Token, sentence_tokens
from .lexicon import content_stance, has_phrase, lexicon
from .phrases import (
    CueMatch,
    Speaker,
    anonymous_at,
    apposition,
    bare_name,
    find_cues,
    speaker_at,
    speaker_before,
    unclitic,
)
from .records import Attribution, Party

CONTENT_OPENERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "انما", ":"})
QUOTES_OPEN = frozenset("«“\"„”")
_NO_CUE = __import__("types").SimpleNamespace(type="")
TRAILING = frozenset({"كما", "حسبما", "بحسبما", "مثلما", "وفقما"})  # "…، كما أفادت الشرطة"
TRAILING_ADVERBS = frozenset({"ايضا", "كذلك", "اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
                              "الجمعه", "السبت", "سابقا", "لاحقا"})
CLAUSE_BREAKS = frozenset({"فيما", "بينما", "حين", "وفيما", "وبينما"})
MEDIA_KINDS = frozenset({"newspaper", "agency", "tv", "website", "radio", "magazine"})


class _Sentence:
    def __init__(self, article: Article, unit: Span, mentions: list[Span]):
        self.article = article
        self.since_last = 0  # sentences since the last statement
        self.pending_via: list[Party] = []  # channels named before the statement they belong to
        self.text = article.text
        self.unit = unit
        self.tokens: list[Token] = sentence_tokens(article.text, unit.start, unit.end)
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
        text = self.text[start:end]
        return Party(start, end, text, sp.mention.attrs.get("key") if sp.mention is not None else None,
                     sp.anonymous, sp.cls)


def _content_from(s: _Sentence, i: int, stop: int) -> tuple[int, int, bool] | None:
    """Where the statement begins at or after token i (أن/إن/a quote/a colon), to the sentence end or `stop`."""
    toks = s.tokens
    k = i
    while k < stop and k - i <= 5:
        t = toks[k]
        if t.text in QUOTES_OPEN:
            return t.start, _end_of(s, stop), True
        if unclitic(t.norm) in CONTENT_OPENERS or t.norm in CONTENT_OPENERS or t.text == ":":
            first = k + 1
            if first < stop:
                direct = toks[first].text in QUOTES_OPEN
                return toks[first].start, _end_of(s, stop), direct
            return None
        k += 1
    if i < stop:  # no opener: the rest of the clause ("بحسب الصحيفة، فإن …" is handled by the caller)
        return toks[i].start, _end_of(s, stop), toks[i].text in QUOTES_OPEN
    return None


def _end_of(s: _Sentence, stop: int) -> int:
    end = s.tokens[stop - 1].end if stop > 0 else s.unit.end
    return end


def _clause_stop(s: _Sentence, start: int, cues: list[CueMatch], me: int) -> int:
    """A statement runs to the sentence end, or to "فيما"/"بينما" before the next cue with a speaker."""
    for c in cues[me + 1 :]:
        for k in range(c.start - 1, start, -1):
            if s.tokens[k].norm in CLAUSE_BREAKS or unclitic(s.tokens[k].norm) in CLAUSE_BREAKS:
                if speaker_at(s.tokens, c.end, s.mention_at) is not None or c.cue.type != "verb":
                    return k
                break
    return len(s.tokens)


def extract(article: Article) -> list[Attribution]:
    lex = lexicon()
    mentions = sorted(article.spans("entities"), key=lambda m: m.start)
    units = article.spans("sentences") or [Span(0, len(article.text))]
    out: list[Attribution] = []
    last_speaker: Party | None = None
    introduced: dict[str, Party] = {}  # anonymous head -> the outlet that introduced it (for later "المصادر")
    pending_colon: tuple[Party, list[Party]] | None = None
    since_last = 0
    roles: list[Party] = []  # named speakers with their roles, for later role-only mentions
    for unit in units:
        s = _Sentence(article, unit, mentions)
        if not s.tokens:
            continue
        s.since_last = since_last
        cues = find_cues(s.tokens)
        made: list[Attribution] = []
        if pending_colon is not None and not any(t.kind == "word" for t in s.tokens):
            continue  # "????" before the statement: wait for its words
        if pending_colon is not None:
            speaker, vias = pending_colon
            pending_colon = None
            a = _statement(s, speaker, vias, cues)
            if a is not None:
                made.append(a)
        covered_until = len(s.tokens) if made else -1
        for n, cm in enumerate(cues):
            if made and _participle(s.tokens[cm.start]):
                continue  # "…، مضيفاً أن …", "متابعاً": the same speaker goes on in the same statement
            if cm.start < covered_until and cm.cue.type not in ("prep", "relay_prep"):
                # a cue inside a statement already made is part of its content, unless it opens a new clause
                # ("…، وقال المتحدث باسم السفارة") with its own speaker; a quoted word after the verb is its
                # object ("لكنه لم يستبعد “التحالف…”"), not a speaker
                tok = s.tokens[cm.start]
                prev = s.tokens[cm.start - 1].norm if cm.start > 0 else ""
                new_clause = tok.norm[:1] in "وف" or prev in ("،", ",", ".", "كما", "ما")
                quoted = cm.end < len(s.tokens) and s.tokens[cm.end].text in QUOTES_OPEN
                sp = speaker_at(s.tokens, cm.end, s.mention_at) or _definite_subject(s, cm.end)
                # "…، وأضاف قائلا: …": a verb that goes on from the speaker starts a statement of its own
                goes_on = (sp is None and cm.cue.continues and tok.norm[:1] == "و" and prev in ("،", ",", ".")
                           and made and made[-1].speaker is not None)
                if (sp is None and not goes_on) or quoted or not new_clause:
                    continue
                if goes_on and made[-1].content and made[-1].content[1] > s.tokens[cm.start - 1].start:
                    made[-1].content = (made[-1].content[0], s.tokens[cm.start - 2].end)  # it ends at the comma
            a = _from_cue(s, cues, n, made, made[-1].speaker if made and made[-1].speaker else last_speaker, lex)
            if a is None:
                continue
            if a is made[-1] if made else False:
                continue
            _nested(s, a, cues)
            made.append(a)
            if s.pending_via:
                a.via.extend(v for v in s.pending_via if all(v.text != x.text for x in a.via))
                s.pending_via = []
            covered_until = _token_of(s, a.content[1]) if a.content else cm.end
            if a.content and a.content[1] <= s.tokens[cm.start].start:
                covered_until = len(s.tokens)  # "…، حسبما أفاد المرصد": what follows the cue is its source
        if not made:
            a = _headline(s)
            if a is not None:
                made.append(a)
        # a heading line "X لـY:" or "X:" introducing the next line's statement
        if not made and s.tokens[-1].text in (":", "："):
            sp = speaker_at(s.tokens, 0, s.mention_at)
            if sp is not None and not sp.anonymous:
                vias = _interview_relay(s, sp.end, article)
                pending_colon = (s.party(sp), vias)
        for a in made:
            if a.speaker is not None and a.speaker.anonymous and a.speaker.cls in lex.informants and not a.via:
                intro = introduced.get(_head(a.speaker.text))
                if intro is not None and (intro.key != a.speaker.key):
                    a.via.append(intro)
            for v in a.via:
                if v.anonymous and a.speaker is not None and not a.speaker.anonymous:
                    introduced[_head(v.text)] = a.speaker
            if a.speaker is not None and a.speaker.anonymous and a.via:
                introduced.setdefault(_head(a.speaker.text), a.via[0])
            if a.speaker is not None:
                a.speaker = _known_role(a.speaker, roles)
                if not a.speaker.anonymous and a.speaker.key and len(a.speaker.text.split()) > 2:
                    roles.append(a.speaker)
                last_speaker = a.speaker
        since_last = 0 if made else since_last + 1
        out.extend(made)
    _posted_by(article, out, mentions)
    for a in out:
        a.framing = _framing(article.text, a, lex)
    return out


def _nested(s: _Sentence, a: Attribution, cues: list[CueMatch]) -> None:
    """Nested speech ("قال المرصد إن مصادر طبية أكدت مقتل…"): the inner source speaks, the outer one relays.
    The inner cue must open the content — its subject then its verb, or its verb then its subject — and be
    a reporting verb with a named, titled or anonymous subject; the outer speaker goes first among the relays."""
    if a.content is None or a.speaker is None or a.direct:
        return
    toks = s.tokens
    first = next((i for i, t in enumerate(toks) if t.start >= a.content[0]), None)
    if first is None or (first > 0 and unclitic(toks[first - 1].norm) in ("انه", "انها", "انهم", "بانه", "بانها")):
        return  # "إنه أبلغ الرئيس التركي": the inner verb's subject is the speaker himself
    for cm in cues:
        if not (first <= cm.start <= first + 4) or fold_lemma(cm.cue.lemma) not in lexicon().nested:
            continue
        if any(t.text in "،,:" or t.text in QUOTES_OPEN for t in toks[first : cm.start]):
            return  # a clause or a quotation in between: not the subject of the inner verb
        inner = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start) if cm.start > first else None
        if inner is not None and inner.start != first:
            inner = None
        if inner is None and 0 < cm.start - first <= 3 and all(
            t.kind == "word" and t.norm.startswith("ال") for t in toks[first : cm.start]
        ):
            inner = Speaker(first, cm.start, False, None, None, True)  # "إن الحكومة أعلنت"
        if inner is None and cm.start == first:
            inner = speaker_at(toks, cm.end, s.mention_at) or _definite_subject(s, cm.end)
        if inner is None:
            return
        after = inner.end if inner.end > cm.end else cm.end

        found = _content_from(s, after, len(toks))
        if found is None:
            return
        outer = a.speaker
        a.speaker = s.party(inner)
        a.via = [outer, *a.via]
        a.content, a.direct = (found[0], found[1]), found[2]
        a.stance = content_stance(key(s.text[found[0] : found[1]]), cm.cue.stance)
        return


def _framing(text: str, a: Attribution, lex) -> str:  # type: ignore[no-untyped-def]
    """The cue's framing, unless the outlet's own words around the statement keep their distance from it
    ("ما وصفها بـ"الخدعة"", "على حد تعبيره", "مزاعم كيسليوف")."""
    if a.framing == "distance":
        return a.framing
    words = " ".join(re.findall(r"\w+", key(text[a.start : a.end])))
    if has_phrase(words, lex.distance_anywhere):
        return "distance"
    if a.content is not None:
        outside = text[a.start : a.content[0]] + " " + text[a.content[1] : a.end]
        words = " ".join(re.findall(r"\w+", key(outside)))
    if has_phrase(words, lex.distance_outside):
        return "distance"
    return a.framing


# an embedded post, as pages render it: "… pic.twitter.com/… — الإخبارية السورية (@AlekhbariahSY) November 14, 2025"
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*([^—–()\n]{2,80}?)\s*\(@\w{1,30}\)\s*[A-Za-z\u0600-\u06ff]+\s+\d{1,2},?\s+\d{4}\s*$"
)


def _posted_by(article: Article, found: list[Attribution], mentions: list[Span]) -> None:
    """A statement inside an embedded post reached the article through the account that posted it."""
    pos = 0
    for line in article.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = _POST_SIGNATURE.search(line)
        if m is None:
            continue
        a0, a1 = start + m.start(1), start + m.end(1)
        mention = next((x for x in mentions if a0 <= x.start < a1), None)
        account = Party(a0, a1, article.text[a0:a1], mention.attrs.get("key") if mention is not None else None, False)
        for a in found:
            if start <= a.start < end and a.speaker is not None and key(a.speaker.text) != key(account.text) and (
                account.key is None or account.key != a.speaker.key
            ) and all(key(v.text) != key(account.text) for v in a.via):
                a.via.append(account)


def _known_role(sp: Party, roles: list[Party]) -> Party:
    """"وتابع مسؤول الإدارة الذاتية في دمشق" after "مسؤول مكتب الإدارة الذاتية … في دمشق عبدالكريم عمر":
    a role with no name is the person the article named with that role — also when the role names an
    organisation ("رئيس مركز ريكونسنس" after "… رئيس مركز ريكونسنس للبحوث عبدالعزيز العنجري")."""
    from ..entities.lexicon import cues as entity_cues
    from ..text.terms import terms

    words = key(sp.text).split()
    titled = bool(words) and (words[0] in entity_cues().person_titles or " ".join(words[:2]) in (
        entity_cues().person_titles))
    if sp.key is not None and not titled:
        return sp
    mine = terms(sp.text)
    if len(mine) < 2:
        return sp
    for named in reversed(roles):
        theirs = terms(named.text)
        if named.key != sp.key and mine <= theirs and len(theirs) > len(mine):
            return Party(sp.start, sp.end, sp.text, named.key, False, None)
    return sp


def _participle(tok: Token) -> bool:
    """An active participle used adverbially (مضيفاً، مشيراً، متابعاً، مؤكدةً)."""
    w = unclitic(tok.norm)
    return w.startswith("م") and (w.endswith("ا") or w.endswith("ه")) and len(w) >= 5


def _head(text: str) -> str:
    """The noun that names an anonymous source, reduced so that "ودبلوماسيين غربيين" (a second source after
    "و") and "أحد الدبلوماسيين الغربيين" meet."""
    words = [w for w in key(text).split() if w not in ("احد", "احدي", "بعض", "عدد", "من")]
    w = words[0] if words else ""
    w = w[1:] if w[:1] in "وف" and len(w) > 5 else w
    w = w[2:] if w.startswith("ال") else w
    return w[:4]


def _token_of(s: _Sentence, offset: int) -> int:
    for i, t in enumerate(s.tokens):
        if t.end >= offset:
            return i + 1
    return len(s.tokens)


def _end_token(s: _Sentence, m: Span, k: int) -> int:
    while k < len(s.tokens) and s.tokens[k].start < m.end:
        k += 1
    return k


def _outlet_after(s: _Sentence, i: int) -> list[Party]:
    """An outlet named right after a channel phrase ("في اتصال مع نيويورك تايمز"), if not the article's own."""
    from .phrases import skip_quotes

    for k in (i, i + 1):
        k = skip_quotes(s.tokens, k)
        m = s.mention_at.get(k)
        if m is not None and m.attrs.get("kind") in MEDIA_KINDS:
            party = s.party(Speaker(k, _end_token(s, m, k), False, None, m))
            return [] if _own_outlet(s.article, party, m) else [party]
    return []


def _interview_relay(s: _Sentence, i: int, article: Article) -> list[Party]:
    """"قال علوان لـ"إرم نيوز"", "X لوكالة رويترز:", "للإخبارية:": the outlet a statement was given to —
    a relay when it is not the article's own outlet."""
    from .phrases import MEDIA_HEADS, skip_quotes

    toks = s.tokens
    if i >= len(toks):
        return []
    k = i
    given_to = False
    if toks[k].norm in ("ل", "لـ") or (toks[k].norm[:1] == "ل" and toks[k].norm[1:] in MEDIA_HEADS):
        k, given_to = k + 1, True  # "لـ" alone, or "لوكالة"/"لصحيفة" before the name
    k = skip_quotes(toks, k)
    m = s.mention_at.get(k)
    if m is None or m.attrs.get("kind") not in MEDIA_KINDS:
        return []
    if not given_to and not toks[k].norm.startswith("ل"):
        return []
    party = s.party(Speaker(k, _end_token(s, m, k), False, None, m))
    return [] if _own_outlet(article, party, m) else [party]


def _own_outlet(article: Article, party: Party, mention: Span) -> bool:
    """The outlet named is the one publishing the article ("لـ CNN" in an article of سي إن إن): by the
    knowledge base's id when both are known, else by name."""
    own = article.outlet
    if not own:
        return False
    if key(own) in key(party.text) or key(party.text) in key(own):
        return True
    from ..clean.outlets import media_index

    outlet = media_index().lookup(own)
    return outlet is not None and outlet.id in mention.attrs.get("kb", [])


def _headline(s: _Sentence) -> Attribution | None:
    """"نيويورك تايمز: أحمد الشرع تعاون سرًا مع …", "جونسون: نجاح …": a source, a colon, its statement."""
    toks = s.tokens
    colon = next((i for i, t in enumerate(toks[:8]) if t.text in (":", "：")), None)
    if colon is None or colon == 0 or colon >= len(toks) - 2:
        return None
    sp = speaker_at(toks, 0, s.mention_at)
    if sp is None or sp.end != colon:
        sp = _bare_name(s, 0) if colon <= 3 else None
        if sp is None or sp.end != colon or any(find_cues(toks[sp.start : sp.end])):
            return None  # "وواصل: …" is a verb with its quotation, not a name
    content = (toks[colon + 1].start, toks[-1].end)
    stance = content_stance(key(s.text[content[0] : content[1]]), "assert")
    cs = toks[colon].start
    return Attribution(s.unit.start, s.unit.end, cs, cs + 1, ":", ":", stance, "neutral", s.party(sp), content, [],
                       toks[colon + 1].text in QUOTES_OPEN)


def _statement(s: _Sentence, speaker: Party, vias: list[Party], cues: list[CueMatch]) -> Attribution | None:
    """The line after "X لـY:": X's statement, with the first cue in it (or the colon) as its cue."""
    toks = s.tokens
    cue_tok = next((c for c in cues if c.cue.type == "verb"), None)
    text = s.text
    content = (toks[0].start, toks[-1].end)
    stance = content_stance(key(text[content[0] : content[1]]), cue_tok.cue.stance if cue_tok else "assert")
    if cue_tok is not None:
        cs, ce = toks[cue_tok.start].start, toks[cue_tok.end - 1].end
        return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue_tok.cue.lemma, stance,
                           cue_tok.cue.framing, speaker, content, list(vias), toks[0].text in QUOTES_OPEN)
    return Attribution(s.unit.start, s.unit.end, content[0], content[0], ":", ":", stance, "neutral", speaker,
                       content, list(vias), toks[0].text in QUOTES_OPEN)


def _from_cue(s: _Sentence, cues: list[CueMatch], n: int, made: list[Attribution], last: Party | None,
              lex) -> Attribution | None:  # type: ignore[no-untyped-def]
    """The statement a cue makes, in small steps: cues that only add to the statement before them (a
    channel, a publisher, cited sources) or name their source after a preposition; a source named after its
    statement; else the speaker, the relays, the content and the stance."""
    cm = cues[n]
    stop = _clause_stop(s, cm.start, cues, n)
    if cm.cue.type == "noun":
        return None
    for step in (_channel_phrase, _publisher_phrase, _relay_prep, _prep_cue):
        done = step(s, cm, stop, made, lex)
        if done is not _NOT_MINE:
            return done  # type: ignore[return-value]
    trailing = _trailing(s, cm, stop, made)
    if trailing is not None:
        return trailing
    sp, i_after = _choose_speaker(s, cm)
    speaker = s.party(sp) if sp else None
    via: list[Party] = []
    if cm.cue.type == "relay_verb" or (cm.cue.type == "phrase" and _relays(s, cm)):
        speaker, via, i_after, made_here = _cited_relays(s, cm, stop, speaker, i_after, lex)
        if made_here is not None:
            return made_here
    if speaker is None:
        speaker = _continuing_speaker(s, cm, last)
        if speaker is None:
            return None
    via += _interview_relay(s, i_after, s.article)
    if fold_lemma(cm.cue.lemma) in lex.needs_content and not _opens_content(s, i_after, stop):
        return None  # "تحدث ترامب هاتفيا مع …": no statement follows
    found = _content_from(s, i_after, stop)
    content, direct = ((found[0], found[1]), found[2]) if found is not None else (None, False)
    return _made(s, cm, speaker, content, via, direct)


_NOT_MINE = object()  # a step that does not handle the cue: the next one is tried


def _made(s: _Sentence, cm: CueMatch, speaker: Party | None, content: tuple[int, int] | None, via: list[Party],
          direct: bool) -> Attribution:
    """The attribution of a cue, its stance read from the content (an analyst's assertion is a view)."""
    toks, text, cue = s.tokens, s.text, cm.cue
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    stance = content_stance(key(text[content[0] : content[1]]) if content else "", cue.stance)
    if stance == "assert" and speaker is not None and _analyst(speaker.text):
        stance = "opinion"
    return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing, speaker,
                       content, via, direct)


def _channel_phrase(s: _Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"في اتصال مع نيويورك تايمز، نفى …", "في تصريح لـ…": the channel, a relay when it is an outlet."""
    if not (cm.cue.type == "phrase" and cm.cue.lemma.startswith("في ")):
        return _NOT_MINE
    channel = _interview_relay(s, cm.end, s.article) or _outlet_after(s, cm.end)
    if made and channel:
        made[-1].via.extend(channel)
    elif channel:
        s.pending_via.extend(channel)
    return None


def _publisher_phrase(s: _Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"…، حسب ما نشرت وزارة الداخلية في بيان" after a statement: the publisher relays it."""
    toks = s.tokens
    if not (cm.cue.type == "phrase" and made and unclitic(toks[cm.start].norm) in (
        "حسب", "بحسب", "وفق", "وفقا", "طبقا", "حسبما", "بحسبما", "وفقما", "كما"
    )):
        return _NOT_MINE
    publisher = speaker_at(toks, cm.end, s.mention_at) or _definite_subject(s, cm.end)
    if publisher is None or publisher.anonymous:
        return _NOT_MINE
    last = made[-1]
    last.via.append(s.party(publisher))
    k = cm.start - 1
    while k > 0 and toks[k].kind == "punct":
        k -= 1
    if last.content and last.content[0] < toks[k].end < last.content[1]:
        last.content = (last.content[0], toks[k].end)  # the statement stops before its relay
    return last


def _relay_prep(s: _Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"كشفت الصحيفة، نقلاً عن مسؤولين …، أن": the cited sources of the statement before."""
    if cm.cue.type != "relay_prep":
        return _NOT_MINE
    cited = _cited(s, cm.end, find_prep=False)
    if made and cited:
        _add_cited(made[-1], cited, s, lex)
    return None


def _prep_cue(s: _Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"بحسب X، فإن …", "نفت الرئاسة …، وفق سانا" (a relay of the statement before), "…، حسبما أفاد
    المرصد" (the source of the clause before)."""
    if cm.cue.type != "prep":
        return _NOT_MINE
    toks, text, cue = s.tokens, s.text, cm.cue
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    fused = toks[cm.end - 1].norm.endswith("ما") and toks[cm.end - 1].norm != "ما"  # "حسبما", "وفقما"
    verb_at = cm.end + 1 if cm.end < len(toks) and toks[cm.end].norm == "ما" else (cm.end if fused else None)
    if verb_at is not None:
        # after a statement, the publisher relays it; with no statement before in the sentence, the publisher
        # vouches for the clause before the phrase; else ("وفق ما أكده X") the verb after "ما" is the cue
        publisher = _trailing_subject(s, verb_at + 1, stop) if verb_at < len(toks) else None
        if made and publisher is not None and not publisher.anonymous:
            made[-1].via.append(s.party(publisher))
            return made[-1]
        content = _clause_before(s, cm.start) if publisher is not None and cm.start > 1 else None
        if not made and content is not None:
            stance = content_stance(key(text[content[0] : content[1]]), cue.stance)
            return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing,
                               s.party(publisher), content, [], False)
        return None
    sp = speaker_at(toks, cm.end, s.mention_at)
    if sp is None:
        return None
    party = s.party(sp)
    if made:  # "نفت الرئاسة …، وفق سانا": a relay of the sentence's statement
        made[-1].via.append(party)
        return made[-1]
    after = sp.end
    while after < len(toks) and (toks[after].text in "،,:" or toks[after].norm in ("فان", "فانه", "فانها")):
        after += 1
    words_after = any(t.kind == "word" for t in toks[after:stop])
    content = (toks[after].start, _end_of(s, stop)) if after < stop and words_after else None
    if content is None:  # "…، بالتنسيق حسب نيويورك تايمز": the statement is what came before the cue
        content = _clause_before(s, cm.start)
    stance = content_stance(key(text[content[0] : content[1]]) if content else "", cue.stance)
    return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing,
                       party, content, [], False)


def _choose_speaker(s: _Sentence, cm: CueMatch) -> tuple[Speaker | None, int]:
    """The speaker of a verb or phrase cue, and the token after it. A present-tense verb with its subject
    before it is a headline ("تركيا تحذر سوريا"); else the subject after the verb (a name, a title, a role
    with its field, a quoted name, an apposition), past a time or place, or the subject of a participle."""
    toks, cue = s.tokens, cm.cue
    sp = None
    if toks[cm.start].norm[:1] in "يت" and cue.type == "verb" and cm.start > 0:
        sp = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start)
    sp = sp or speaker_at(toks, cm.end, s.mention_at)
    if sp is None and not cue.object_first:
        sp = _quoted_name(s, cm.end)
    if sp is not None and sp.role and sp.mention is None and sp.start == cm.end:
        # "وزير التجارة", not "وزير": a role with the field it holds names one office
        longer = _definite_subject(s, sp.start)
        if longer is not None and longer.end > sp.end:
            sp = longer
    if cue.object_first and sp is not None and sp.start == cm.end and sp.end < len(toks) and (
        toks[sp.end].norm.startswith("ب")
    ):
        sp = None  # "ووصفت التقرير بأنه …": what is described, not who describes it
    i_after = sp.end if sp else cm.end
    if sp is not None and sp.start > 0 and toks[sp.start - 1].text in QUOTES_OPEN and i_after < len(toks) and (
        toks[i_after].text in QUOTES_OPEN | {"»", "”"}
    ):
        i_after += 1  # the closing mark of a quoted name, not a quotation opening
    if sp is None:
        sp, i_after = _subject_further(s, cm, i_after)
    if sp is None and _participle(toks[cm.start]):
        # "…، قائلاً إن …": the participle's subject is the sentence's subject
        sp = next((x for k in range(0, cm.start) if not _to_whom(toks[k])
                   and (x := speaker_at(toks, k, s.mention_at)) is not None), None)
    if sp is None:
        sp = _bare_name(s, cm.end) or (None if cue.object_first else _definite_subject(s, cm.end))
        if sp is not None:
            i_after = sp.end
    if sp is not None and sp.start == cm.end and _to_whom(toks[sp.start]):
        sp, i_after = None, cm.end  # "صرح لصحيفة بلجيكية", "قال لرجال الشرطة": who it was said to
    if sp is not None and not sp.anonymous:
        app = apposition(toks, sp.end, s.mention_at)
        if app is not None:  # "محامي ستورمي دانيلز، مايكل آفينياتي، إنه": the person named in apposition
            sp, i_after = Speaker(sp.start, app.end, False, None, app.mention), app.end + 1
    return sp, i_after


def _subject_further(s: _Sentence, cm: CueMatch, i_after: int) -> tuple[Speaker | None, int]:
    """A subject not right after the verb: before it (subject–verb), past a time or the place it was written
    ("أعلن الخميس الجيش", "وردت في بعض التقارير"), or after a relative "ما" and an adverbial."""
    toks = s.tokens
    sp = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start)
    skippable = cm.end < len(toks) and toks[cm.end].kind == "word" and (
        toks[cm.end].norm in TRAILING_ADVERBS or _inside_date(s, toks[cm.end]) or toks[cm.end].norm == "في"
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


def _cited_relays(s: _Sentence, cm: CueMatch, stop: int, speaker: Party | None, i_after: int,
                  lex) -> tuple[Party | None, list[Party], int, Attribution | None]:  # type: ignore[no-untyped-def]
    """"نقلت الصحيفة عن X": X speaks and the subject relays it — unless X are anonymous informants, who are
    the subject's report. Returns the speaker, the relays, the token after them, and the attribution when
    the statement follows with no opener ("نقلت الوكالة عن مسؤول قوله")."""
    toks = s.tokens
    cited = _cited(s, i_after)
    if not cited:
        return speaker, [], i_after, None
    outer = speaker
    anon_informants = all(c[0].anonymous and c[0].cls in lex.informants for c in cited)
    if anon_informants or outer is None:
        via = [c[0] for c in cited]
    else:
        speaker, via = cited[0][0], [outer] if outer else []
    i_after = cited[-1][1]
    if i_after < len(toks) and toks[i_after].kind == "word" and unclitic(toks[i_after].norm) not in CONTENT_OPENERS:
        content = (toks[i_after].start, _end_of(s, stop))
        cue = cm.cue
        cs, ce = toks[cm.start].start, toks[cm.end - 1].end
        stance = content_stance(key(s.text[content[0] : content[1]]), cue.stance)
        return speaker, via, i_after, Attribution(s.unit.start, s.unit.end, cs, ce, s.text[cs:ce], cue.lemma, stance,
                                                  cue.framing, speaker, content, via, False)
    return speaker, via, i_after, None


def _continuing_speaker(s: _Sentence, cm: CueMatch, last: Party | None) -> Party | None:
    """"وأضاف أن …": a verb with no subject of its own, opening a clause near the last statement, goes on
    from the last speaker; far from any statement ("كل من توقع…") it speaks for nobody."""
    toks = s.tokens
    if cm.cue.type not in ("verb", "phrase"):
        return None
    prev = toks[cm.start - 1].text if cm.start > 0 else ""
    clause_start = cm.start == 0 or toks[cm.start].norm[:1] in "وف" or prev in ("،", ",", ":", "؛")
    if last is None or not clause_start or s.since_last > 2:
        return None
    return last


def fold_lemma(lemma: str) -> str:
    return key(lemma)


def _opens_content(s: _Sentence, i: int, stop: int) -> bool:
    for t in s.tokens[i : min(stop, i + 12)]:
        if t.text in QUOTES_OPEN or t.text == ":" or unclitic(t.norm) in CONTENT_OPENERS or t.norm in CONTENT_OPENERS:
            return True
    return False


def _bare_name(s: _Sentence, i: int) -> Speaker | None:
    """"وقال ظريف إن …", "وترى إلسا كانيا، …": a name the recogniser did not know (`phrases.bare_name`)."""
    return bare_name(s.tokens, i)


SUBJECT_FOLLOWERS = frozenset({"علي", "عن", "ان", "بان", "انه", "انها", "ب", "في", "،", ",", ":"})


def _clause_before(s: _Sentence, i: int) -> tuple[int, int] | None:
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


def _to_whom(tok: Token) -> bool:
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


def _quoted_name(s: _Sentence, i: int) -> Speaker | None:
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


def _inside_date(s: _Sentence, t: Token) -> bool:
    return any(d.start <= t.start < d.end for d in s.article.spans("dates"))


def _trailing(s: _Sentence, cm: CueMatch, stop: int, made: list[Attribution]) -> Attribution | None:
    """"…، كما أفادت الشرطة": a source named after its statement, with nothing after it, vouches for the
    clause before it."""
    toks = s.tokens
    if made or cm.start < 2 or toks[cm.start - 1].norm not in TRAILING:
        return None
    sp = _trailing_subject(s, cm.end, stop)
    if sp is None or any(t.kind == "word" and t.norm not in TRAILING_ADVERBS for t in toks[sp.end : stop]):
        return None
    content = _clause_before(s, cm.start - 1)
    if content is None:
        return None
    cue = cm.cue
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    stance = content_stance(key(s.text[content[0] : content[1]]), cue.stance)
    return Attribution(s.unit.start, s.unit.end, cs, ce, s.text[cs:ce], cue.lemma, stance, cue.framing,
                       s.party(sp), content, [], False)


def _trailing_subject(s: _Sentence, i: int, stop: int) -> Speaker | None:
    """The source named at the end of a sentence, after the statement it vouches for ("…، كما أفادت الشرطة",
    "…، حسبما أفاد المرصد السوري"): a speaker phrase, or definite words up to the sentence's end."""
    sp = speaker_at(s.tokens, i, s.mention_at) or _definite_subject(s, i)
    if sp is not None:
        return sp
    k = i
    while k < stop and k - i < 4 and s.tokens[k].kind == "word" and s.tokens[k].norm.startswith("ال"):
        k += 1
    if k > i and (k >= stop or s.tokens[k].kind == "punct"):
        return Speaker(i, k, False, None, None, True)
    return None


def _definite_subject(s: _Sentence, i: int) -> Speaker | None:
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
        and not inside_date(toks[k])
        and not CUE_WORDS_STOP(toks[k])
    ):
        k += 1
    if k >= len(toks):
        return None
    nxt = toks[k]
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
    if k - i > 1 and first.startswith("ال") and not (nxt.text == ":" or unclitic(nxt.norm) in CONTENT_OPENERS):
        return None  # "كل من توقع الصدود الأميركي في ذلك الوقت": a definite object phrase, not a subject
    if nxt.text in SUBJECT_FOLLOWERS or nxt.norm in SUBJECT_FOLLOWERS or unclitic(nxt.norm) in CONTENT_OPENERS:
        return Speaker(i, k, False, None, None, True)
    return None


def _relays(s: _Sentence, cm: CueMatch) -> bool:
    """A phrase cue that contains a relaying verb ("فيما نقلت")."""
    lex = lexicon()
    return any((lex.cues.get((unclitic(t.norm),)) or lex.cues.get((t.norm,)) or _NO_CUE).type == "relay_verb"
               for t in s.tokens[cm.start : cm.end])


def _analyst(text: str) -> bool:
    words = [w[2:] if w.startswith("ال") else w for w in key(text).split()]
    titles = {t[2:] if t.startswith("ال") else t for t in lexicon().opinion_titles}
    return any(w in titles for w in words[:3])


def _cited(s: _Sentence, i: int, find_prep: bool = True) -> list[tuple[Party, int]]:
    """The sources after "عن"/"إلى" at or after token i (right at i after "نقلاً عن"), coordinated with و:
    [(party, end token)]."""
    toks = s.tokens
    k = i
    cites = ("عن", "الي", "علي")
    if find_prep:
        while k < len(toks) and k - i <= 3 and unclitic(toks[k].norm) not in cites and toks[k].text not in "،,":
            k += 1
        if k < len(toks) and unclitic(toks[k].norm) in cites:
            k += 1
        else:
            return []
    out: list[tuple[Party, int]] = []
    while k < len(toks):
        sp = speaker_at(toks, k, s.mention_at)
        if sp is None and toks[k].norm.startswith("و"):
            # "ودبلوماسيين غربيين": the conjunction is glued to the next source
            sp = _glued(s, k)
        if sp is None:
            break
        out.append((s.party(sp), sp.end))
        k = sp.end
        while k < len(toks) and toks[k].text in "،,—-":
            k += 1
        if k < len(toks) and toks[k].norm == "و":
            k += 1
        elif not (k < len(toks) and toks[k].norm.startswith("و") and toks[k].kind == "word"):
            break
    return out


def _glued(s: _Sentence, k: int) -> Speaker | None:
    return anonymous_at(s.tokens, k)


def _add_cited(a: Attribution, cited: list[tuple[Party, int]], s: _Sentence, lex) -> None:  # type: ignore[no-untyped-def]
    informants = all(c[0].anonymous and c[0].cls in lex.informants for c in cited)
    if informants or a.speaker is None:
        a.via.extend(c[0] for c in cited)
    else:
        outer = a.speaker
        a.speaker = cited[0][0]
        a.via = [outer, *a.via]
