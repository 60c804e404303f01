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
from dataclasses import replace
from functools import lru_cache

from ..model import Article, Span
from ..text.normalize import key
from .lexicon import content_stance, has_phrase, lexicon
from .phrases import (
    CueMatch,
    Speaker,
    find_cues,
    speaker_at,
    speaker_before,
    unclitic,
)
from .records import Attribution, Party
from .relays import (
    SAYING,
    add_cited,
    cited_sources,
    interview_relay,
    known_role,
    outlet_after,
    posted_by,
    relays_in_phrase,
    source_head,
)
from .sentence import (
    CONTENT_OPENERS,
    QUOTES_OPEN,
    RELATIVE_PRONOUNS,
    Sentence,
    clause_before,
    clause_stop,
    content_from,
    describes_speaker,
    end_of,
    end_token,
    inside_date,
    opens_content,
    token_of,
)
from .stance_model import learned_stance
from .subjects import (
    FROM_HIM,
    TRAILING_ADVERBS,
    analyst,
    bare_name_at,
    choose_speaker,
    definite_subject,
    participle,
    subject_may_come_first,
    trailing_subject,
)

TRAILING = frozenset({"كما", "حسبما", "بحسبما", "مثلما", "وفقما"})  # "…، كما أفادت الشرطة"


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
        s = Sentence(article, unit, mentions)
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
            goes_on = False
            trim: int | None = None  # where the clause of a subject placed before its verb begins
            rel = _relative_clause(s, cm, cues, n, lex)
            if rel is not None:
                made.append(rel)
                continue
            if cm.start > 0 and s.tokens[cm.start - 1].norm in RELATIVE_PRONOUNS and s.tokens[cm.start].suffix:
                continue  # "المبادرة التي أعلنها بوتين": the clause only refers back to what was said
            if made and participle(s.tokens[cm.start]):
                # "…، مضيفاً أن …", "مشيراً إلى أن": the same speaker goes on in the same statement (the
                # dev stories' annotators split such a clause off in 2 cases of 17)
                continue
            if cm.start < covered_until and cm.cue.type not in ("prep", "relay_prep"):
                # a cue inside a statement already made is part of its content, unless it opens a new clause
                # ("…، وقال المتحدث باسم السفارة") with its own speaker; a quoted word after the verb is its
                # object ("لكنه لم يستبعد “التحالف…”"), not a speaker
                tok = s.tokens[cm.start]
                prev = s.tokens[cm.start - 1].norm if cm.start > 0 else ""
                new_clause = (tok.norm[:1] in "وف" and tok.norm != "في") or prev in ("،", ",", ".", "كما", "ما") or (
                    prev in BUT_HE or prev in ("اذ", "حيث"))  # "…، إذ نقلت وكالة ريا نوفوستي عن …"
                quoted = cm.end < len(s.tokens) and s.tokens[cm.end].text in QUOTES_OPEN
                at = cm.end + 1 if cm.end < len(s.tokens) and s.tokens[cm.end].norm in FROM_HIM else cm.end
                sp = speaker_at(s.tokens, at, s.mention_at) or definite_subject(s, at)  # "وفق ما نقلته عنه X"
                if not new_clause and subject_may_come_first(s.tokens, cm.start):
                    before, _ = choose_speaker(s, cm)  # "…، لكن مديره قال لرويترز": a subject before the verb
                    if before is not None and before.end <= cm.start:
                        sp, new_clause = before, True
                        trim = before.start - 1 if before.start > 0 and s.tokens[before.start - 1].norm in (
                            "لكن", "ولكن") else before.start
                # "…، وأضاف قائلا: …": a verb that goes on from the speaker starts a statement of its own
                # "…، كما حذر من …": so does one after كما
                goes_on = (sp is None and made and made[-1].speaker is not None and (
                    (cm.cue.continues and tok.norm[:1] == "و" and prev in ("،", ",", "."))
                    or (cm.cue.type == "verb" and prev in BUT_HE)  # "…، لكنه أضاف أنه …"
                    or (prev == "كما" and cm.cue.type == "verb" and not participle(tok))))
                if (sp is None and not goes_on) or quoted or not new_clause:
                    continue
            s.co_speakers = []
            a = _from_cue(s, cues, n, made, made[-1].speaker if made and made[-1].speaker else last_speaker, lex)
            if a is None:
                continue
            if a is made[-1] if made else False:
                continue
            if goes_on or trim is not None:
                # the statement before ends where this one begins (at its subject, when that comes first)
                _end_before(made[-1], s, _clause_start(s, cm.start) if trim is None else min(
                    trim, _clause_start(s, cm.start)))
            if goes_on and not a.via and a.speaker == made[-1].speaker:
                a.via = list(made[-1].via)  # "قال X لرويترز إن …، وأضاف أن …": the same interview, the same relay
            _nested(s, a, cues)
            made.append(a)
            if s.pending_via:
                a.via.extend(v for v in s.pending_via if all(v.text != x.text for x in a.via))
                s.pending_via = []
            # "نقلت الصحيفة عن مسؤولين ودبلوماسيين قولهم": each cited source makes the statement
            made.extend(replace(a, speaker=co, via=list(a.via)) for co in s.co_speakers)
            s.co_speakers = []
            covered_until = token_of(s, a.content[1]) if a.content else cm.end
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
                vias = interview_relay(s, sp.end, article)
                pending_colon = (s.party(sp), vias)
        for a in made:
            if a.speaker is not None and a.speaker.anonymous and a.speaker.cls in lex.informants and not a.via:
                intro = introduced.get(source_head(a.speaker.text))
                if intro is not None and (intro.key != a.speaker.key):
                    a.via.append(intro)
            for v in a.via:
                if v.anonymous and a.speaker is not None and not a.speaker.anonymous:
                    introduced[source_head(v.text)] = a.speaker
            if a.speaker is not None and a.speaker.anonymous and a.via:
                introduced.setdefault(source_head(a.speaker.text), a.via[0])
            if a.speaker is not None:
                a.speaker = known_role(a.speaker, roles)
                if not a.speaker.anonymous and a.speaker.key and len(a.speaker.text.split()) > 2:
                    roles.append(a.speaker)
                last_speaker = a.speaker
        since_last = 0 if made else since_last + 1
        out.extend(made)
    posted_by(article, out, mentions)
    for a in out:
        a.framing = _framing(article.text, a, lex)
        a.stance = learned_stance(article.text, a)
    return out


def _relative_clause(s: Sentence, cm: CueMatch, cues: list[CueMatch], n: int, lex) -> Attribution | None:  # type: ignore[no-untyped-def]
    """"ردا على أردوغان الذي قال إن قواته …", "مدير مستشفى عفرين، الذي أشار إلى …": a reporting verb right
    after a relative pronoun says what the antecedent, a named party, said. One that only refers back ("التي
    أعلنها بوتين": an object pronoun on the verb) or whose clause says no more is no statement."""
    toks = s.tokens
    pron = cm.start - 1
    if pron < 1 or toks[pron].norm not in RELATIVE_PRONOUNS or cm.cue.type != "verb" or toks[cm.start].suffix:
        return None
    if toks[cm.start].norm[:1] in "يتن" and key(cm.cue.lemma)[:1] != toks[cm.start].norm[:1]:
        return None  # "اقتراحات فرنسا التي تدعو إلى": a present verb describes (and may describe the head noun)
    end = pron - 1 if toks[pron - 1].text in ("،", ",") else pron
    # the antecedent: the longest speaker phrase that ends at the pronoun ("مدير عام مستشفى عفرين، الذي أشار")
    antecedent = next((sp for j in range(max(0, end - 8), end)
                       if (sp := speaker_at(toks, j, s.mention_at)) is not None and sp.end == end), None)
    m = s.mention_at_end.get(end - 1)
    if antecedent is None and (m is None or m.label not in ("PER", "ORG", "LOC", "GPE")):
        return None
    place = antecedent.mention if antecedent is not None and antecedent.start == s.mention_start.get(
        id(antecedent.mention), -1) else (m if antecedent is None else None)
    if place is not None and place.label in ("LOC", "GPE"):
        first = s.mention_start[id(place)]
        if first > 0 and toks[first - 1].kind == "word" and not any(c.end == first for c in cues):
            return None  # "مستشفى عفرين في شمال سوريا، الذي …": a place in a phrase, not who spoke
    stop = clause_stop(s, cm.start, cues, n)
    if toks[pron - 1].text in ("،", ","):  # "تركيا، التي قالت إن العملية ستستمر، أنها …": the clause ends at a comma
        stop = next((k for k in range(cm.end, stop) if toks[k].text in ("،", ",")), stop)
    opener = next((t for t in toks[cm.end : min(stop, cm.end + 3)] if t.kind == "word" or t.text in QUOTES_OPEN
                   or t.text == ":"), None)
    said = opener is not None and (opener.text in QUOTES_OPEN or opener.text == ":" or unclitic(opener.norm) in (
        "ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "الي"))
    if not said and cm.cue.stance != "deny":
        return None  # "الذي نفى من قبل اتهامات بـ…": a denial's object is what it denies
    found = content_from(s, cm.end, stop)
    if found is None:
        return None
    if antecedent is not None:
        speaker = s.party(antecedent)
    else:
        speaker = s.party(Speaker(s.mention_start[id(m)], end, False, None, m))
    return _made(s, cm, speaker, (found[0], found[1]), [], found[2])


def _after_conjunction(s: Sentence, m: Span) -> int | None:
    """Where a name joined by "و" begins ("والمرصد", "وسوريا"), or None when the و may be its own first letter
    ("وليد"): the article, or a known name that does not begin with و, tells."""
    text = s.text[m.start : m.end]
    if not text.startswith("و"):
        return m.start if s.text[m.start - 1 : m.start] == "و" else None
    from ..entities.kb import knowledge_base

    kb = knowledge_base()
    known = [kb.entities[e] for e in m.attrs.get("kb", []) if e in kb.entities]
    names = [n for e in known for n in [e.name, *e.aliases]]
    if text.startswith("وال") or (names and not any(key(n).startswith("و") for n in names)):
        return m.start + 1
    return None


def _body_head(word: str) -> bool:
    """"الحكومة", "الوزارة", "السلطات": a definite word that can head a body that speaks (not "التنبؤات")."""
    from ..entities.lexicon import cues as entity_cues

    heads = entity_cues().org_heads
    return word in heads or word[2:] in heads or word in ("الحكومه", "السلطات", "الشرطه", "الجيش", "الرئاسه")


def _quote_next(s: Sentence, i: int) -> bool:
    """A quotation, a colon, قائلا, بالقول or أن/إن at token i or a few words on, past where the speaker spoke
    ("وتابع القحطاني في نقله عن ولي العهد بالقول إن …")."""
    for k, t in enumerate(s.tokens[i : i + 9]):
        if t.text in QUOTES_OPEN:
            return k == 0 or (k == 1 and s.tokens[i].text in "،,")  # later, a term in quotation marks
        if (t.text == ":" or unclitic(t.norm) in CONTENT_OPENERS or unclitic(t.norm).startswith("قايل")
                or unclitic(t.norm) in ("بالقول", "القول")):
            return True
        if t.text == ".":
            return False
    return False


def _clause_start(s: Sentence, i: int) -> int:
    """The first token of the clause a cue at token i is in: after the comma before it ("…، لكن مديره قال")."""
    for k in range(i, max(0, i - 8), -1):
        if s.tokens[k - 1].text in ("،", ","):
            return k
    return i


def _end_before(a: Attribution, s: Sentence, start: int) -> None:
    """The statement before a new cue in the same sentence ends at the comma before it."""
    toks = s.tokens
    if a.content and start >= 2 and a.content[1] > toks[start - 1].start:
        end = start - 1 if toks[start - 1].text in ("،", ",", "كما") else start
        while end > 0 and toks[end - 1].text in ("،", ","):
            end -= 1
        if end > 0 and toks[end - 1].end > a.content[0]:
            before = s.text[a.content[0] : a.content[1]]
            a.content = (a.content[0], toks[end - 1].end)
            _restance(a, before, s.text[a.content[0] : a.content[1]])


def _restance(a: Attribution, before: str, now: str) -> None:
    """A stance read from words that turned out to be the next statement's ("قواته تحاصر عفرين، لكن متحدثا
    … نفى") is read again from the words left."""
    words = tuple(key(a.cue).split())
    cue = lexicon().cues.get(words) or lexicon().cues.get((unclitic(words[0]), *words[1:])) if words else None
    if cue is not None and a.stance == content_stance(key(before), cue.stance) and not _refuses_a_claim(a.lemma, now):
        a.stance = content_stance(key(now), cue.stance)


def _nested(s: Sentence, a: Attribution, cues: list[CueMatch]) -> None:
    """Nested speech ("قال المرصد إن مصادر طبية أكدت مقتل…"): the inner source speaks, the outer one relays.
    The inner cue must open the content — its subject then its verb, or its verb then its subject — and be
    a reporting verb with a named, titled or anonymous subject; the outer speaker goes first among the relays."""
    if a.content is None or a.speaker is None or a.direct:
        return
    toks = s.tokens
    first = next((i for i, t in enumerate(toks) if t.start >= a.content[0]), None)
    if first is None or (first > 0 and unclitic(toks[first - 1].norm) in ("انه", "انها", "انهم", "بانه", "بانها")):
        return  # "إنه أبلغ الرئيس التركي": the inner verb's subject is the speaker himself
    head = speaker_at(toks, first, s.mention_at)  # "إن ممثل المملكة المتحدة في منظمة حظر الأسلحة رأى"
    for cm in cues:
        long_subject = head is not None and head.end == cm.start and cm.cue.type == "verb" and not toks[
            cm.start].suffix
        if not (first <= cm.start <= first + 4 or long_subject) or fold_lemma(cm.cue.lemma) not in lexicon().nested:
            continue
        if fold_lemma(cm.cue.lemma) in lexicon().quote_only and not _quote_next(s, cm.end):
            continue  # "أن بورما تواصل التطهير العرقي": goes on doing, says nothing
        verb_at = cm.start - 1 if cm.start - 1 > first and toks[cm.start - 1].text in QUOTES_OPEN else cm.start
        if any(t.text in "،,:" or t.text in QUOTES_OPEN for t in toks[first:verb_at]):
            return  # a clause or a quotation in between: not the subject of the inner verb ('ترمب وماي "يعتبران' is)
        inner = speaker_before(toks, verb_at, s.mention_at_end, s.mention_start) if verb_at > first else None
        if inner is not None and inner.start != first and toks[inner.start].norm[:1] == "و" and (
                m0 := s.mention_at.get(first)) is not None and end_token(s, m0, first) == inner.start:
            inner = Speaker(first, inner.start, False, None, m0)  # "إن ترمب وماي "يعتبران": the first of the two
        if inner is not None and inner.start != first:
            inner = None
        if inner is None and long_subject:
            inner = head
        if inner is None and 0 < cm.start - first <= 3 and _body_head(toks[first].norm) and all(
            t.kind == "word" and t.norm.startswith("ال") and t.norm not in RELATIVE_PRONOUNS
            for t in toks[first : cm.start]
        ):
            inner = Speaker(first, cm.start, False, None, None, True)  # "إن الحكومة أعلنت"
        if inner is None and cm.start == first:
            inner = speaker_at(toks, cm.end, s.mention_at) or definite_subject(s, cm.end)
        if inner is None:
            return
        after = inner.end if inner.end > cm.end else cm.end

        found = content_from(s, after, len(toks))
        if found is None or not re.search(r"\w", s.text[found[0] : found[1]]):
            return  # "إن الحكومة تؤكد.": the inner verb says nothing of its own
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
    # words told before their source ("اعتقلت تركيا جنديين بزعم …، وفق ما ذكرت الوكالة") are the outlet's own
    told_first = a.content is not None and a.content[1] <= a.cue_start and not a.direct
    if a.content is not None and not told_first:
        outside = text[a.start : a.content[0]] + " " + text[a.content[1] : a.end]
        words = " ".join(re.findall(r"\w+", key(outside)))
    if has_phrase(words, lex.distance_outside):
        return "distance"
    return a.framing


# an embedded post, as pages render it: "… pic.twitter.com/… — الإخبارية السورية (@AlekhbariahSY) November 14, 2025"


def _headline(s: Sentence) -> Attribution | None:
    """"نيويورك تايمز: أحمد الشرع تعاون سرًا مع …", "جونسون: نجاح …": a source, a colon, its statement."""
    toks = s.tokens
    colon = next((i for i, t in enumerate(toks[:8]) if t.text in (":", "：")), None)
    if colon is None or colon == 0 or colon >= len(toks) - 2:
        return None
    sp = speaker_at(toks, 0, s.mention_at)
    if sp is None or sp.end != colon:
        sp = bare_name_at(s, 0) if colon <= 3 else None
        if sp is None or sp.end != colon or any(find_cues(toks[sp.start : sp.end])):
            return None  # "وواصل: …" is a verb with its quotation, not a name
    content = (toks[colon + 1].start, toks[-1].end)
    stance = content_stance(key(s.text[content[0] : content[1]]), "assert")
    cs = toks[colon].start
    return Attribution(s.unit.start, s.unit.end, cs, cs + 1, ":", ":", stance, "neutral", s.party(sp), content, [],
                       toks[colon + 1].text in QUOTES_OPEN)


def _statement(s: Sentence, speaker: Party, vias: list[Party], cues: list[CueMatch]) -> Attribution | None:
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


def _from_cue(s: Sentence, cues: list[CueMatch], n: int, made: list[Attribution], last: Party | None,
              lex) -> Attribution | None:  # type: ignore[no-untyped-def]
    """The statement a cue makes, in small steps: cues that only add to the statement before them (a
    channel, a publisher, cited sources) or name their source after a preposition; a source named after its
    statement; else the speaker, the relays, the content and the stance."""
    cm = cues[n]
    stop = clause_stop(s, cm.start, cues, n)
    if cm.cue.type == "noun":
        return None
    for step in (_channel_phrase, _publisher_phrase, _relay_prep, _prep_cue, _source_phrase):
        done = step(s, cm, stop, made, lex)
        if done is not _NOT_MINE:
            return done  # type: ignore[return-value]
    trailing = _trailing(s, cm, stop, made)
    if trailing is not None:
        return trailing
    sp, i_after = choose_speaker(s, cm)
    if sp is not None and fold_lemma(cm.cue.lemma) == "رفض" and sp.start >= cm.end and (
        (sp.anonymous and sp.cls in ("documents", "reports"))
        or lex.sources.get(unclitic(s.tokens[sp.start].norm)) in ("documents", "reports")
    ):
        sp, i_after = None, cm.end  # "ورفضت تصريحات ماي": the refused statements (named or not) are the object
    speaker = s.party(sp) if sp else None
    if sp is not None and sp.start >= cm.end and sp.mention is not None:
        # "قالت الوحدات والمرصد السوري إن …": each subject after the verb makes the statement
        j = sp.end
        while j < min(len(s.tokens), sp.end + 2) and s.tokens[j].norm.startswith("ال") and j not in s.mention_at:
            j += 1  # "#وحدات_حماية_الشعب_الكردية_السورية والمرصد": an adjective the name did not take
        other = s.mention_at.get(j)
        start = _after_conjunction(s, other) if other is not None and s.tokens[j].norm[:1] == "و" else None
        if other is not None and start is not None:
            end = next((k for k in range(j, len(s.tokens)) if s.tokens[k].end >= other.end), j) + 1
            s.co_speakers = [Party(start, other.end, s.text[start : other.end].replace("_", " "),
                                   other.attrs.get("key"), False, None)]
            i_after = max(i_after, end)
    via: list[Party] = []
    if cm.cue.type == "relay_verb" or (cm.cue.type == "phrase" and relays_in_phrase(s, cm)):
        speaker, via, i_after, made_here = _cited_relays(s, cm, stop, speaker, i_after, last, lex)
        if made_here is not None:
            return made_here
    if speaker is None:
        speaker = _continuing_speaker(s, cm, last)
        if speaker is None:
            return None
    via += interview_relay(s, i_after, s.article)
    if fold_lemma(cm.cue.lemma) in lex.quote_only and (not _quote_next(s, i_after) or (
            sp is not None and sp.end <= cm.start)):
        return None  # "وواصل الجيش قصف …", "أن بورما تواصل "التطهير العرقي"": went on doing, not saying
    prep = lex.content_after.get(fold_lemma(cm.cue.lemma))
    at = next((k for k in range(i_after, min(stop - 1, i_after + 15)) if s.tokens[k].norm == prep), None)
    if fold_lemma(cm.cue.lemma) in lex.needs_content_or_ba and not opens_content(s, i_after, stop) and not (
            i_after < len(s.tokens) and s.tokens[i_after].norm[:1] == "ب"
            and s.tokens[i_after].norm not in lex.not_ba_objects):
        return None  # "أقر مجلس الوزراء الاستراتيجية": approved, not admitted
    if fold_lemma(cm.cue.lemma) in lex.needs_content and at is None and not opens_content(s, i_after, stop):
        return None  # "تحدث ترامب هاتفيا مع …": no statement follows ("تحدث المرصد عن مقتل …" is one)
    found = content_from(s, i_after, stop)
    if not via and found is not None:  # "قال بدران جيا كورد، أحد كبار المسؤولين، لوكالة رويترز إن": past a description
        via = next((v for k in range(i_after + 1, token_of(s, found[0])) if s.tokens[k].norm[:1] == "ل"
                    and (v := interview_relay(s, k, s.article)) and v[0].end <= found[0]
                    and not any(i_after <= c.start < k for c in cues)), [])  # "…، لكن مديره قال لرويترز": another's
    if at is not None:  # "أعرب …، وهو من …، عن خشيته من أن …": the words from the preposition's object
        found = (s.tokens[at + 1].start, end_of(s, stop), s.tokens[at + 1].text in QUOTES_OPEN)
    if found is not None and cm.start > 1 and not any(
        t.kind in ("word", "latin") and t.norm not in TRAILING_ADVERBS and not inside_date(s, t)
        for t in s.tokens[token_of(s, found[0]) - 1 : stop]
    ):
        # "…، وفق ما أعلنت النيابة العامة الاثنين.": only a day after the source: the words came before it
        before = clause_before(s, cm.start)
        found = (before[0], before[1], False) if before is not None else found
    content, direct = ((found[0], found[1]), found[2]) if found is not None else (None, False)
    if content is not None:
        via += _carried_by(s, i_after, token_of(s, content[0]) - 1)
    made_here = _made(s, cm, speaker, content, via, direct)
    if _refuses_a_claim(made_here.lemma, s.text[content[0] : content[1]] if content else ""):
        made_here.stance = "deny"
    return made_here


def _refuses_a_claim(lemma: str, content: str) -> bool:
    """"رفضت موسكو تصريحات ماي": a refused claim is denied; "رفضت روسيا المهلة": a refused demand, a view."""
    first = re.findall(r"\w+", key(content))[:2]
    return fold_lemma(lemma) == "رفض" and any(w in lexicon().rejected_claims for w in first)


CARRIED = frozenset({"نشرته", "نشرتها", "نقلته", "نقلتها", "اوردته", "اوردتها", "بثته", "بثتها", "اذاعته",
                     "اذاعتها"})


def _carried_by(s: Sentence, i: int, j: int) -> list[Party]:
    """"قالت الوزارة في بيان، نشرته وكالة الأنباء الرسمية: …", "في تصريحات نقلتها رويترز": whoever carried
    the statement, named between the speaker and the words, relays it."""
    for k in range(i, min(j, len(s.tokens) - 1)):
        if unclitic(s.tokens[k].norm) in CARRIED:
            sp = speaker_at(s.tokens, k + 1, s.mention_at) or definite_subject(s, k + 1)
            # a named carrier relays ("نقلته وكالة ريا نوفوستي"); "نقلتها وكالات الأنباء" names none
            return [s.party(sp)] if sp is not None and not sp.anonymous else []
    return []


_NOT_MINE = object()  # a step that does not handle the cue: the next one is tried


def _made(s: Sentence, cm: CueMatch, speaker: Party | None, content: tuple[int, int] | None, via: list[Party],
          direct: bool) -> Attribution:
    """The attribution of a cue, its stance read from the content (an analyst's assertion is a view)."""
    toks, text, cue = s.tokens, s.text, cm.cue
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    stance = content_stance(key(text[content[0] : content[1]]) if content else "", cue.stance)
    if stance == "assert" and speaker is not None and analyst(speaker.text):
        stance = "opinion"
    return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing, speaker,
                       content, via, direct)


def _channel_phrase(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"في اتصال مع نيويورك تايمز، نفى …", "في تصريح لـ…": the channel, a relay when it is an outlet."""
    if not (cm.cue.type == "phrase" and cm.cue.lemma.startswith("في ")):
        return _NOT_MINE
    channel = interview_relay(s, cm.end, s.article) or outlet_after(s, cm.end)
    if made and channel:
        made[-1].via.extend(channel)
    elif channel:
        s.pending_via.extend(channel)
    return None


def _publisher_phrase(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"…، حسب ما نشرت وزارة الداخلية في بيان" after a statement: the publisher relays it."""
    toks = s.tokens
    if not (cm.cue.type == "phrase" and made and _source_word(toks[cm.start].norm, PUBLISHER_PHRASES)):
        return _NOT_MINE
    at = cm.end + 1 if cm.end < len(toks) and toks[cm.end].norm in FROM_HIM else cm.end  # "نقلته عنه X"
    publisher = speaker_at(toks, at, s.mention_at) or definite_subject(s, at)
    if publisher is None or publisher.anonymous:
        return _NOT_MINE
    return _relayed_by(s, cm, made[-1], s.party(publisher))


def _relayed_by(s: Sentence, cm: CueMatch, last: Attribution, party: Party) -> Attribution:
    """The statement before a trailing source phrase ("…، وفقا لوكالة سانا") reached us through that source;
    its words stop before the phrase."""
    toks = s.tokens
    if unclitic(toks[cm.start].norm) in ("كما", "مثلما") and any(
            t.norm in NEGATIONS for t in toks[max(0, cm.start - 8) : cm.start]):
        return last  # "لم تكن بغاز الكلور كما جاء في تقرير أولي": not as the report said — it relays nothing
    _add_relay(last, party)
    k = cm.start - 1
    while k > 0 and toks[k].kind == "punct":
        k -= 1
    if last.content and last.content[0] < toks[k].end < last.content[1]:
        before = s.text[last.content[0] : last.content[1]]
        last.content = (last.content[0], toks[k].end)
        _restance(last, before, s.text[last.content[0] : last.content[1]])
    return last


def _add_relay(a: Attribution, party: Party) -> None:
    """A relay of the statement, unless it names the speaker or a relay already there ("ونقلت الأناضول على
    لسان أردوغان قوله": the phrase names the speaker the relaying verb found)."""
    same = [p for p in (a.speaker, *a.via) if p is not None
            and (p.text == party.text or (p.key is not None and p.key == party.key))]
    if not same:
        a.via.append(party)


def _relay_prep(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"كشفت الصحيفة، نقلاً عن مسؤولين …، أن": the cited sources of the statement before."""
    if cm.cue.type != "relay_prep":
        return _NOT_MINE
    cited = cited_sources(s, cm.end, find_prep=False)
    if made and cited:
        add_cited(made[-1], cited, s, lex)
    elif cited and cm.start <= 1:  # "ونقلاً عن رويترز فإن مسؤولاً كردياً أشار إلى …": the relay of what follows
        s.pending_via.extend(party for party, _ in cited if not party.anonymous)
    return None


def _prep_cue(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
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
        publisher = trailing_subject(s, verb_at + 1, stop) if verb_at < len(toks) else None
        if made and publisher is not None and not publisher.anonymous:
            return _relayed_by(s, cm, made[-1], s.party(publisher))
        content = clause_before(s, cm.start) if publisher is not None and cm.start > 1 else None
        if not made and content is not None:
            stance = content_stance(key(text[content[0] : content[1]]), cue.stance)
            return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing,
                               s.party(publisher), content, [], False)
        return None
    sp = speaker_at(toks, cm.end, s.mention_at, lam_governed=True)  # "وفقاً للمرصد": the cue's own ل
    if sp is None and cm.end < len(toks) and toks[cm.end].norm.startswith("لل") and _body_head(
        "ال" + toks[cm.end].norm[2:]
    ):
        k = cm.end + 1  # "ووفقاً للمرصد، أطلقت …": a body the recogniser does not know by its head alone
        while k < len(toks) and k - cm.end < 4 and toks[k].kind == "word" and toks[k].norm.startswith("ال"):
            k += 1
        sp = Speaker(cm.end, k, False, None, None, True)
    if sp is None:
        return None
    if sp.anonymous and sp.cls in ("documents", "reports") and sp.end < len(toks) and (
            sp.end in s.mention_at or (toks[sp.end].kind == "word" and toks[sp.end].norm.startswith("ال"))):
        # "بحسب بيانات الخزانة": the papers of a named body (its name after them) are its own
        body = speaker_at(toks, sp.end, s.mention_at)  # 'بحسب معلومات وكالة الأنباء الألمانية "د.ب.أ"'
        sp = replace(sp, end=body.end if body is not None else sp.end + 1)
    party = s.party(sp)
    if party.text.startswith("لل") and len(party.text) > 3:  # "للمرصد السوري" is "المرصد السوري"
        party = replace(party, start=party.start + 1, text="ال" + party.text[2:])
    elif cue.lemma.endswith(" ل") and party.text.startswith("ل") and len(party.text) > 3:
        party = replace(party, start=party.start + 1, text=party.text[1:])  # "وفقاً لديلا روزا"
    if made:  # "نفت الرئاسة …، وفق سانا": a relay of the sentence's statement
        return _relayed_by(s, cm, made[-1], party)
    after = sp.end
    if after < len(toks) and toks[after].text in QUOTES_OPEN:  # 'وكالة الأنباء الألمانية "د.ب.أ"': its name
        close = next((j for j in range(after + 1, min(len(toks), after + 9)) if toks[j].text in QUOTES_OPEN), None)
        if close is not None and sum(t.kind == "word" for t in toks[after + 1 : close]) <= 3:
            after = close + 1
    while after < len(toks) and (toks[after].text in "،,:" or toks[after].norm in ("فان", "فانه", "فانها")):
        after += 1
    words_after = any(t.kind == "word" for t in toks[after:stop])
    content = (toks[after].start, end_of(s, stop)) if after < stop and words_after else None
    if content is None:  # "…، بالتنسيق حسب نيويورك تايمز": the statement is what came before the cue
        content = clause_before(s, cm.start)
    stance = content_stance(key(text[content[0] : content[1]]) if content else "", cue.stance)
    return Attribution(s.unit.start, s.unit.end, cs, ce, text[cs:ce], cue.lemma, stance, cue.framing,
                       party, content, [], False)


NEGATIONS = frozenset({"لم", "لا", "ليس", "ليست", "لن", "غير", "لسنا"})
BUT_HE = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم"})
SOURCE_PHRASES = frozenset({"وفق", "حسب", "بحسب", "وفقا", "طبقا", "حسبما", "بحسبما", "وفقما"})
PUBLISHER_PHRASES = SOURCE_PHRASES | {"كما"}


def _source_word(norm: str, words: frozenset[str]) -> bool:
    """"وفقا" as it stands (its و is its own: stripped, it reads "فقا") or with a clitic ("ووفقا", "وحسب")."""
    return norm in words or unclitic(norm) in words


def _source_phrase(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution], lex) -> object:  # type: ignore[no-untyped-def]
    """"…، وفق ما أعلنت النيابة العامة في بروكسل السبت": the source named after what it said — the speaker of
    the clause before, or the relay of the statement before in the sentence."""
    toks = s.tokens
    if cm.cue.type != "phrase" or cm.start < 2 or not _source_word(toks[cm.start].norm, SOURCE_PHRASES):
        return _NOT_MINE
    publisher = trailing_subject(s, cm.end, stop)
    if publisher is None:
        return _NOT_MINE
    if made:
        return _relayed_by(s, cm, made[-1], s.party(publisher))
    content = clause_before(s, cm.start)
    if content is None:
        return _NOT_MINE
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    stance = content_stance(key(s.text[content[0] : content[1]]), cm.cue.stance)
    return Attribution(s.unit.start, s.unit.end, cs, ce, s.text[cs:ce], cm.cue.lemma, stance, cm.cue.framing,
                       s.party(publisher), content, [], False)


def _cited_relays(s: Sentence, cm: CueMatch, stop: int, speaker: Party | None, i_after: int, last: Party | None,
                  lex) -> tuple[Party | None, list[Party], int, Attribution | None]:  # type: ignore[no-untyped-def]
    """"نقلت الصحيفة عن X": X speaks and the subject relays it, X named or not ("نقلت الوطن عن مصادر": the
    sources speak) — unless the outlet granted X anonymity ("عن مسؤولين رفضوا الكشف عن أسمائهم"): they are
    its informants and the report is its own. Returns the speaker, the relays, the token after them, and the
    attribution when the statement follows with no opener ("نقلت الوكالة عن مسؤول قوله")."""
    toks = s.tokens
    cited = cited_sources(s, i_after)
    if not cited:
        return _relayed_from_last(s, cm, speaker, i_after, last)
    outer = speaker
    informants = all(c[0].anonymous and c[0].cls in lex.informants for c in cited) and granted_anonymity(
        s, token_of(s, cited[0][0].start), stop, lex)
    if informants:
        via = [c[0] for c in cited]
    else:  # "ونقل عن مصادر …" with no subject of its own: the sources speak, the relay unnamed
        speaker, via = cited[0][0], [outer] if outer is not None else []
        s.co_speakers = [c[0] for c in cited[1:]]
    i_after = cited[-1][1]
    i_after = _after_saying(s, i_after)
    if i_after < len(toks) and toks[i_after].kind == "word" and unclitic(toks[i_after].norm) not in CONTENT_OPENERS:
        content = (toks[i_after].start, end_of(s, stop))
        cue = cm.cue
        cs, ce = toks[cm.start].start, toks[cm.end - 1].end
        stance = content_stance(key(s.text[content[0] : content[1]]), cue.stance)
        return speaker, via, i_after, Attribution(s.unit.start, s.unit.end, cs, ce, s.text[cs:ce], cue.lemma, stance,
                                                  cue.framing, speaker, content, via, False)
    return speaker, via, i_after, None


def _relayed_from_last(s: Sentence, cm: CueMatch, speaker: Party | None, i_after: int,
                       last: Party | None) -> tuple[Party | None, list[Party], int, Attribution | None]:
    """"ونقلت عنه وكالة الأنباء قوله", "ونقل مكتب الرئيس عنه قوله": "عنه" stands for the speaker just quoted,
    who speaks; the verb's subject relays."""
    toks = s.tokens
    at = next((k for k in range(cm.end, min(max(i_after, cm.end) + 6, len(toks)))
               if toks[k].norm in FROM_HIM and not any(unclitic(t.norm) in CONTENT_OPENERS for t in toks[cm.end : k])),
              None)
    if at is None or last is None:
        return speaker, [], i_after, None
    relay = speaker
    if at == cm.end:  # the pronoun first, the relay after it
        sp = speaker_at(toks, at + 1, s.mention_at) or definite_subject(s, at + 1)
        relay, i_after = (s.party(sp), sp.end) if sp is not None else (None, at + 1)
    else:
        if relay is None or token_of(s, relay.end) < at - 1:  # "ونقل مكتب رئيس كوريا الجنوبية عنه": all of it
            relay = s.party(Speaker(cm.end, at, False, None, None, True))
        i_after = at + 1
    return last, [relay] if relay is not None else [], _after_saying(s, i_after), None


def _after_saying(s: Sentence, i: int) -> int:
    """The token where the words start after a relayed source: past "قوله" a few words on ("عن مستشار أمني
    للرئاسة قوله إن…", "عنه وكالة الأنباء "انا" قوله") and whom it was said to ("قوله لبوتين إن")."""
    toks = s.tokens
    reach = 12 if i < len(toks) and describes_speaker(toks, i) else 4  # "عن ماريا زخاروفا المتحدثة باسم … قولها"
    for k in range(i, min(i + reach, len(toks))):
        word = unclitic(toks[k].norm)
        if word in CONTENT_OPENERS or (toks[k].text in QUOTES_OPEN and k + 1 < len(toks)
                                       and unclitic(toks[k + 1].norm) not in SAYING and k > i + 1):
            return i
        if word in SAYING:
            i = k + 1
            told = s.mention_at.get(i) if i < len(toks) and toks[i].norm[:1] == "ل" else None
            if told is not None:
                i = end_token(s, told, i)
            if i < len(toks) and toks[i].text in "،,":
                i += 1
            return i
    return i


def granted_anonymity(s: Sentence, start: int, stop: int, lex) -> bool:  # type: ignore[no-untyped-def]
    """The sources cited from token `start` are said to speak on condition of anonymity before the statement
    opens ("مسؤولين سوريين رفضوا الكشف عن أسمائهم أن…")."""
    toks = s.tokens
    for i in range(start, min(stop, len(toks))):
        if unclitic(toks[i].norm) in CONTENT_OPENERS or toks[i].text in QUOTES_OPEN:
            return False
        if any(tuple(t.norm for t in toks[i : i + len(p)]) == p for p in lex.anonymity):
            return True
    return False


def _continuing_speaker(s: Sentence, cm: CueMatch, last: Party | None) -> Party | None:
    """"وأضاف أن …": a verb with no subject of its own, opening a clause near the last statement, goes on
    from the last speaker; far from any statement ("كل من توقع…") it speaks for nobody."""
    toks = s.tokens
    if cm.cue.type not in ("verb", "phrase"):
        return None
    if toks[cm.start].norm[:1] == "ي" and fold_lemma(cm.cue.lemma) in IMPERSONAL:
        return None  # "يعتبر هذا الخبر السار", "، يعتقد أنها وصلت": the passive speaks for nobody
    prev = toks[cm.start - 1].text if cm.start > 0 else ""
    clause_start = cm.start == 0 or toks[cm.start].norm[:1] in "وف" or prev in ("،", ",", ":", "؛", "كما") or (
        cm.start > 0 and toks[cm.start - 1].norm in BUT_HE)  # "…، لكنه أضاف": he goes on
    if cm.start >= 2 and toks[cm.start].norm[:1] == "و" and toks[0].kind == "word" and not find_cues(toks[:1]):
        # "وعادت موسكو ورفضت …", "وخرج الرئيس وقال": the subject of the sentence's first verb goes on
        before = speaker_before(toks, cm.start, s.mention_at_end, s.mention_start)
        if before is not None and before.start == 1 and before.end == cm.start and before.mention is not None:
            return s.party(before)
    if last is None or not clause_start or s.since_last > 2:
        return None
    if cm.start > 2 and len(toks) > 1 and toks[0].norm in ("لكن", "ولكن") and toks[1].kind == "word" and not any(
        c.start == 1 for c in find_cues(toks[:3])
    ):
        # "لكن برنامجا إخباريا أسبوعيا … ذهب … وأشار": a new subject opened the sentence — the noun after لكنّ
        # (accusative, its ا) and the words that agree with it speak
        k = 1
        while k < min(cm.start, 6) and toks[k].kind == "word" and toks[k].norm.endswith("ا") and len(toks[k].norm) > 2:
            k += 1
        if k > 2:
            return s.party(Speaker(1, k, False, None, None))
        return None
    return last


IMPERSONAL = frozenset({"اعتبر", "اعتقد", "توقع", "رجح"})  # يُعتبر، يُعتقد، يُتوقع، يُرجّح: written as "he …"


@lru_cache(maxsize=1024)
def fold_lemma(lemma: str) -> str:
    return key(lemma)


def _trailing(s: Sentence, cm: CueMatch, stop: int, made: list[Attribution]) -> Attribution | None:
    """"…، كما أفادت الشرطة": a source named after its statement, with nothing after it, vouches for the
    clause before it."""
    toks = s.tokens
    if made or cm.start < 2 or toks[cm.start - 1].norm not in TRAILING:
        return None
    sp = trailing_subject(s, cm.end, stop)
    if sp is None or any(t.kind == "word" and t.norm not in TRAILING_ADVERBS for t in toks[sp.end : stop]):
        return None
    content = clause_before(s, cm.start - 1)
    if content is None:
        return None
    cue = cm.cue
    cs, ce = toks[cm.start].start, toks[cm.end - 1].end
    stance = content_stance(key(s.text[content[0] : content[1]]), cue.stance)
    return Attribution(s.unit.start, s.unit.end, cs, ce, s.text[cs:ce], cue.lemma, stance, cue.framing,
                       s.party(sp), content, [], False)
