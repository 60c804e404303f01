"""Through whom: cited sources ("نقلت X عن Y"), the outlet a statement was given to, the account that
posted it, and a role that names a person met before."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Span
from ..text.normalize import key
from .lexicon import lexicon
from .phrases import (
    CueMatch,
    Speaker,
    anonymous_at,
    speaker_at,
    unclitic,
)
from .records import Attribution, Party
from .sentence import CONTENT_OPENERS, QUOTES_OPEN, RELATIVE_PRONOUNS, Sentence, end_token

MEDIA_KINDS = frozenset({"newspaper", "agency", "tv", "website", "radio", "magazine"})


NO_CUE = __import__("types").SimpleNamespace(type="")


# an embedded post, as pages render it: "… pic.twitter.com/… — الإخبارية السورية (@AlekhbariahSY) November 14, 2025"
POST_SIGNATURE = re.compile(
    r"[—–-]\s*([^—–()\n]{2,80}?)\s*\(@\w{1,30}\)\s*[A-Za-z\u0600-\u06ff]+\s+\d{1,2},?\s+\d{4}\s*$"
)


def posted_by(article: Article, found: list[Attribution], mentions: list[Span]) -> None:
    """A statement inside an embedded post reached the article through the account that posted it."""
    pos = 0
    for line in article.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = POST_SIGNATURE.search(line)
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


def known_role(sp: Party, roles: list[Party]) -> Party:
    """"وتابع مسؤول الإدارة الذاتية في دمشق" after "مسؤول مكتب الإدارة الذاتية … في دمشق عبدالكريم عمر":
    a role with no name is the person the article named with that role — also when the role names an
    organisation ("رئيس مركز ريكونسنس" after "… رئيس مركز ريكونسنس للبحوث عبدالعزيز العنجري")."""
    from ..entities.lexicon import cues as entity_cues
    from ..text.terms import terms

    words = key(sp.text.replace("_", " ").lstrip("#")).split()
    titled = bool(words) and (words[0] in entity_cues().person_titles or " ".join(words[:2]) in (
        entity_cues().person_titles))
    if sp.key is not None and not titled:
        return sp
    mine = terms(sp.text.replace("_", " "))  # "#وزير_الخارجية_اليمني"
    if len(mine) < 2:
        return sp
    for named in reversed(roles):
        theirs = terms(named.text)
        if named.key != sp.key and mine <= theirs and len(theirs) > len(mine):
            return Party(sp.start, sp.end, sp.text, named.key, False, None)
    return sp


def source_head(text: str) -> str:
    """The noun that names an anonymous source, reduced so that "ودبلوماسيين غربيين" (a second source after
    "و") and "أحد الدبلوماسيين الغربيين" meet."""
    words = [w for w in key(text).split() if w not in ("احد", "احدي", "بعض", "عدد", "من")]
    w = words[0] if words else ""
    w = w[1:] if w[:1] in "وف" and len(w) > 5 else w
    w = w[2:] if w.startswith("ال") else w
    return w[:4]


def outlet_after(s: Sentence, i: int) -> list[Party]:
    """An outlet named right after a channel phrase ("في اتصال مع نيويورك تايمز"), if not the article's own."""
    from .phrases import skip_quotes

    for k in (i, i + 1):
        k = skip_quotes(s.tokens, k)
        m = s.mention_at.get(k)
        if m is not None and m.attrs.get("kind") in MEDIA_KINDS:
            party = s.party(Speaker(k, end_token(s, m, k), False, None, m))
            return [] if own_outlet(s.article, party, m) else [party]
    return []


def interview_relay(s: Sentence, i: int, article: Article) -> list[Party]:
    """"قال علوان لـ"إرم نيوز"", "X لوكالة رويترز:", "للإخبارية:": the outlet a statement was given to —
    a relay when it is not the article's own outlet."""
    from .phrases import MEDIA_HEADS, skip_quotes

    toks = s.tokens
    if i >= len(toks):
        return []
    k = i
    given_to = False
    if toks[k].norm in ("ل", "لـ") or (toks[k].norm[:1] == "ل" and toks[k].norm[1:] in MEDIA_HEADS
                                       and k not in s.mention_at):
        k, given_to = k + 1, True  # "لـ" alone, or "لوكالة"/"لصحيفة" before the name
        if given_to and k + 1 < len(toks) and k not in s.mention_at and toks[k].norm in ("انباء", "الانباء"):
            k += 1  # "لوكالة أنباء رويترز"
    k = skip_quotes(toks, k)
    m = s.mention_at.get(k)
    if m is None or (m.attrs.get("kind") not in MEDIA_KINDS and not (
            toks[k].norm[:1] == "ل" and toks[k].norm[1:] in MEDIA_HEADS)  # "لوكالة الأنباء الرسمية": an agency
            and not str(m.attrs.get("key", "")).startswith("kb:media:")):  # "للوكالة": the agency named before
        return []
    if not given_to and not toks[k].norm.startswith("ل"):
        return []
    party = s.party(Speaker(k, end_token(s, m, k), False, None, m))
    if not given_to and party.text.startswith("لل") and key(party.text[2:]) in MEDIA_HEADS:
        party = replace(party, start=party.start + 1, text="ال" + party.text[2:])  # "للوكالة": الوكالة
    elif not given_to and party.text.startswith("ل") and (key(party.text[1:]).split()[:1] in (
            [w] for w in MEDIA_HEADS) or (_names_outlet(party.text[1:]) and not _names_outlet(party.text))):
        party = replace(party, start=party.start + 1, text=party.text[1:])  # "لرويترز" is Reuters ("لوموند" stays)
    return [] if own_outlet(article, party, m) else [party]


def _names_outlet(text: str) -> bool:
    from ..clean.outlets import media_index

    return media_index().lookup(text) is not None


def own_outlet(article: Article, party: Party, mention: Span) -> bool:
    """The outlet named is the one publishing the article ("لـ CNN" in an article of سي إن إن): by the
    knowledge base's id when both are known, else by name."""
    own = article.outlet
    if not own:
        return False
    if key(own) in key(party.text) or key(party.text) in key(own):
        return True
    from ..clean.outlets import media_index

    outlet = media_index().lookup(own)
    return outlet is not None and (
        outlet.id in mention.attrs.get("kb", []) or mention.attrs.get("key") == "kb:" + outlet.id)  # "للشبكة" in CNN


def cited_sources(s: Sentence, i: int, find_prep: bool = True) -> list[tuple[Party, int]]:
    """The sources after "عن"/"إلى" at or after token i (right at i after "نقلاً عن"), coordinated with و:
    [(party, end token)]."""
    toks = s.tokens
    k = i
    cites = ("عن", "الي", "علي")
    if find_prep:
        # the preposition may follow a short description of the relay between commas or a relative clause
        # ("نقلت صحيفة الوطن، القريبة من الحكومة، عن مصادر", "نقل المرصد الذي مقره في بريطانيا عن مصادر");
        # it is never sought past the start of the content
        while (k < len(toks) and k - i <= CITE_REACH and unclitic(toks[k].norm) not in cites
               and unclitic(toks[k].norm) not in CONTENT_OPENERS and toks[k].text not in QUOTES_OPEN):
            if k - i > 3 and not _described(toks, i, k):
                return []
            k += 1
        if k < len(toks) and unclitic(toks[k].norm) in cites:
            k += 1
        else:
            return []
        if k < len(toks) and toks[k].norm == "لسان":
            k += 1  # "على لسان X": in X's words
    out: list[tuple[Party, int]] = []
    while k < len(toks):
        sp = speaker_at(toks, k, s.mention_at)
        if sp is None and toks[k].norm.startswith("و"):
            # "ودبلوماسيين غربيين": the conjunction is glued to the next source
            sp = glued(s, k)
        if sp is None and not out:
            sp = _name_before_saying(toks, k)
        if sp is None:
            break
        if sp.role and sp.mention is None:
            # "عن وزير الخارجية القطري": a role with the field it holds names one office
            from .subjects import definite_subject

            longer = definite_subject(s, sp.start)
            if longer is not None and longer.end > sp.end:
                sp = Speaker(sp.start, longer.end, sp.anonymous, sp.cls, None, True)
        out.append((s.party(sp), sp.end))
        k = sp.end
        while k < len(toks) and toks[k].text in "،,—-":
            k += 1
        if k < len(toks) and toks[k].norm == "و":
            k += 1
        elif not (k < len(toks) and toks[k].norm.startswith("و") and toks[k].kind == "word"):
            break
    return out


SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما", "قولهن"})  # "عن X قوله": the words said


def _name_before_saying(toks: list, k: int) -> Speaker | None:
    """"إلى ويتيكر قوله", "على لسان صفوي قوله": one to three words the recogniser did not know, right
    before "قوله", name the one quoted."""
    for n in (1, 2, 3):
        j = k + n
        if j < len(toks) and unclitic(toks[j].norm) in SAYING:
            if all(t.kind == "word" and unclitic(t.norm) not in CONTENT_OPENERS for t in toks[k:j]):
                return Speaker(k, j, False, None, None, False)
            return None
    return None


CITE_REACH = 10  # tokens between the relay and its preposition at most


def _described(toks: list, i: int, k: int) -> bool:
    """Tokens i..k after the relay are a description of it: an apposition opened by a comma or a relative
    clause ("الذي مقره…"), not the statement's own words."""
    return any(t.text in "،," or t.norm in RELATIVE_PRONOUNS for t in toks[i : k + 1])


def glued(s: Sentence, k: int) -> Speaker | None:
    return anonymous_at(s.tokens, k)


def add_cited(a: Attribution, cited: list[tuple[Party, int]], s: Sentence, lex) -> None:  # type: ignore[no-untyped-def]
    informants = all(c[0].anonymous and c[0].cls in lex.informants for c in cited)
    if informants or a.speaker is None:
        a.via.extend(c[0] for c in cited)
    else:
        outer = a.speaker
        a.speaker = cited[0][0]
        a.via = [outer, *a.via]


def relays_in_phrase(s: Sentence, cm: CueMatch) -> bool:
    """A phrase cue that contains a relaying verb ("فيما نقلت")."""
    lex = lexicon()
    return any((lex.cues.get((unclitic(t.norm),)) or lex.cues.get((t.norm,)) or NO_CUE).type == "relay_verb"
               for t in s.tokens[cm.start : cm.end])
