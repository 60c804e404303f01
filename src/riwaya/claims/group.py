"""Grouping statements into claims across articles, finding who supports and who denies each, its
independent origins, and the contradictions between statements.

A statement is an attribution's content (its sentence when the content is short). Two statements say
the same thing when the rare words, entities and years they share weigh enough against the smaller
of the two (an IDF-weighted overlap, so the words every article of a story repeats count little).
Groups are the connected statements (single link), kept only when their members come from at least
two articles or two speakers.

Origins: a statement's root is its speaker — or, for an outlet citing anonymous informants, the
outlet. Relays do not add origins; every distinct root that supports the claim counts once.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..attribution.ids import attribution_id
from ..model import Article
from ..text.normalize import key
from ..text.terms import terms

SAME_CLAIM = 0.2  # Dice-weighted overlap above which two statements say the same thing
MIN_SHARED = 4  # …sharing at least this many terms
MAX_POSTING = 200  # a term (or entity) shared by more statements than this links no pair by itself
UNIT_SIM = 0.0  # consecutive statements of one source stay one report while this similar (0: always;
# splitting a report by topic lowered grouping on the seeds)
LINK_SHARE = 0.2  # two groups merge when this share of the smaller one's statements link to the other
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


@dataclass
class Statement:
    id: str
    article: Article
    start: int
    end: int
    content: str
    stance: str
    speaker: str  # a key: entity key, or the folded text of an anonymous speaker
    speaker_text: str
    anonymous: bool
    via: list[dict]
    terms: frozenset[str] = frozenset()
    lemma: str = ""

    @property
    def root(self) -> str:
        """The origin of the statement: its speaker — but anonymous informants an outlet introduced
        ("وبحسب المسؤولين الأمريكيين" after "كشفت الصحيفة، نقلاً عن مسؤولين…") are that outlet's report."""
        if self.anonymous and self.via:
            return self.via[0].get("key") or "anon:" + " ".join(key(self.via[0].get("text", "")).split()[:2])
        return self.speaker


@dataclass
class Claim:
    id: str
    text: str
    members: list[tuple[Statement, str]] = field(default_factory=list)  # (statement, role)
    origins: list[dict] = field(default_factory=list)

    @property
    def independent_origins(self) -> int:
        return len({o["root"] for o in self.origins if o["role"] == "supports"})


@dataclass
class Contradiction:
    id: str
    kind: str
    a: Statement
    b: Statement
    explanation: str


def statements(articles: list[Article]) -> list[Statement]:
    out = []
    for a in articles:
        for s in a.spans("attributions"):
            content = (s.attrs.get("content") or {}).get("text") or a.text[s.start : s.end]
            if len(content.split()) < 6:
                content = a.text[s.start : s.end]
            sp = s.attrs.get("speaker") or {}
            speaker = sp.get("key") or "anon:" + " ".join(key(sp.get("text", "")).split()[:2])
            st = Statement(
                attribution_id(a.id, s),
                a,
                s.start,
                s.end,
                content,
                s.label,
                speaker,
                sp.get("text", ""),
                bool(sp.get("anonymous")),
                s.attrs.get("via", []),
            )
            st.terms = frozenset(_statement_terms(a, s.attrs.get("content") or {}, content))
            st.lemma = key(s.attrs.get("cue", {}).get("lemma", ""))
            out.append(st)
    return out


def _statement_terms(article: Article, content: dict, text: str) -> set[str]:
    out = set(terms(text))
    out |= {m.group(0) for m in _YEAR.finditer(key(text))}
    c0, c1 = content.get("start", -1), content.get("end", -1)
    for m in article.spans("entities"):
        if c0 <= m.start < c1 and m.attrs.get("key"):
            out.add(m.attrs["key"])
    return out


def _dice(a: Statement, b: Statement, idf: dict[str, float]) -> float:
    wa = sum(idf.get(t, 1.0) for t in a.terms)
    wb = sum(idf.get(t, 1.0) for t in b.terms)
    return 2 * sum(idf.get(t, 1.0) for t in a.terms & b.terms) / max(1e-9, wa + wb)


def _similarity(a: Statement, b: Statement, idf: dict[str, float]) -> float:
    shared = a.terms & b.terms
    if len(shared) < MIN_SHARED:
        return 0.0
    wa = sum(idf[t] for t in a.terms)
    wb = sum(idf[t] for t in b.terms)
    return 2 * sum(idf[t] for t in shared) / max(1e-9, wa + wb)  # Dice: a long statement absorbs nothing


def _units(items: list[Statement], idf: dict[str, float]) -> list[list[Statement]]:
    """A report told in a run of statements: consecutive statements of one article with the same root
    ("كشفت الصحيفة…", "وأفادت الصحيفة…", "وأشارت الصحيفة…") that still speak of the same things are one
    unit; a new topic from the same source starts a new one."""
    units: list[list[Statement]] = []
    for s in items:
        last = units[-1][-1] if units else None
        if (
            last is not None
            and last.article.id == s.article.id
            and last.root == s.root
            and s.stance != "deny"
            and (last.stance != "deny")
            and _dice(last, s, idf) >= UNIT_SIM
        ):
            units[-1].append(s)
        else:
            units.append([s])
    return units


def group(items: list[Statement], reused: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = ()) -> list[Claim]:
    """Claims: statements linked by similarity; the statements of one report unit, and statements whose
    sentences retell each other (reuse: "the same report in different words"), kept together."""
    df = Counter(t for s in items for t in s.terms)
    units = _units(items, {t: math.log(1 + len(items) / c) for t, c in df.items()})
    together = [(u[0], x) for u in units for x in u[1:]]
    by_place: dict[str, list[Statement]] = defaultdict(list)
    for s in items:
        by_place[s.article.id].append(s)

    def at(place: tuple[str, int, int]) -> Statement | None:
        art, start, end = place
        return next((s for s in by_place.get(art, []) if s.start < end and start < s.end), None)

    for pa, pb in reused:
        a, b = at(pa), at(pb)
        if a is not None and b is not None and a is not b:
            together.append((a, b))
    return sorted(_cluster(items, together), key=lambda c: c.id)


def _cluster(items: list[Statement], together: list[tuple[Statement, Statement]]) -> list[Claim]:
    n = len(items)
    df = Counter(t for s in items for t in s.terms)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # candidate pairs share a rare term (an inverted index keeps this far from n²)
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        for t in sorted(s.terms):  # sorted: the same corpus gives the same claims in every process
            if df[t] <= max(3, min(n // 5, MAX_POSTING)):
                index[t].append(i)
    links: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for members in index.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                if _similarity(items[i], items[j], idf) >= SAME_CLAIM:
                    links.append((i, j))
    # report units first; then two groups merge only when enough of their statements are linked — one
    # passing resemblance between two long reports does not make them one claim
    position = {s.id: i for i, s in enumerate(items)}
    for a, b in together:
        parent[find(position[a.id])] = find(position[b.id])
    size = Counter(find(i) for i in range(n))
    between: Counter[tuple[int, int]] = Counter()
    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            between[(min(ri, rj), max(ri, rj))] += 1
    for (ri, rj), count in sorted(between.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = find(ri), find(rj)
        if a == b:
            continue
        if count >= max(1, round(LINK_SHARE * min(size[ri], size[rj]))):
            parent[a] = b
            size[b] += size[a]
    clusters: dict[int, list[Statement]] = defaultdict(list)
    for i, s in enumerate(items):
        clusters[find(i)].append(s)
    claims = []
    for members in clusters.values():
        articles = {m.article.id for m in members}
        speakers = {m.speaker for m in members}
        if len(articles) < 2 and len(speakers) < 2:
            continue
        claims.append(_claim(members))
    return claims


def _claim(members: list[Statement]) -> Claim:
    # the canonical wording: the shortest asserting content of the most common speaker, else any
    asserting = [m for m in members if m.stance != "deny"] or members
    common = Counter(m.speaker for m in asserting).most_common(1)[0][0]
    text = min((m.content for m in asserting if m.speaker == common), key=len).strip()
    cid = "c:" + hashlib.sha256("|".join(sorted(m.id for m in members)).encode()).hexdigest()[:12]
    claim = Claim(cid, text)
    roots: dict[str, dict] = {}
    for m in members:
        role = "denies" if m.stance == "deny" else "supports"
        claim.members.append((m, role))
        origin = roots.setdefault(
            m.root, {"root": m.root, "speaker": m.speaker_text, "role": role, "relayed_by": set()}
        )
        if role == "supports":
            origin["role"] = "supports"
        if m.article.outlet:
            origin["relayed_by"].add(m.article.outlet)
        for v in m.via:
            origin["relayed_by"].add(v.get("text", ""))
    claim.origins = [{**o, "relayed_by": sorted(x for x in o["relayed_by"] if x)} for o in roots.values()]
    return claim


def contradictions(claims: list[Claim], items: list[Statement] | None = None) -> list[Contradiction]:
    """Denials of a claim against its assertions; denials of what another statement says about the same
    entities; and competing claims of responsibility for one event."""
    out: list[Contradiction] = []
    if items is not None:
        out += _entity_denials(items, claims)
        out += _competing_responsibility(items)
    for c in claims:
        deny = [m for m, role in c.members if role == "denies"]
        assert_ = [m for m, role in c.members if role == "supports"]
        for d in deny[:10]:
            for a in assert_[:20]:
                if a.speaker == d.speaker:
                    continue
                out.append(_denial(a, d, f"states: {c.text[:120]}"))
    seen: set[str] = set()
    return [x for x in out if not (x.id in seen or seen.add(x.id))]  # type: ignore[func-returns-value]


def _denial(a: Statement, d: Statement, what: str) -> Contradiction:
    cid = "x:" + hashlib.sha256(f"{a.id}|{d.id}".encode()).hexdigest()[:12]
    return Contradiction(cid, "denial", a, d,
                         f"{d.speaker_text or 'a source'} denies what {a.speaker_text or 'a source'} {what}")


def _entities_of(s: Statement) -> set[str]:
    return {t for t in s.terms if t.startswith("kb:") or t.startswith("name:")}


def _entity_denials(items: list[Statement], claims: list[Claim]) -> list[Contradiction]:
    """A denial ("نفى متحدث باسم الجماعة ارتباطها بداعش") against the assertions of other speakers about
    the same two entities ("الجماعة قد تكون فصيلاً منشقاً عن داعش"), when no claim joined them."""
    claim_of = {m.id: c.id for c in claims for m, _ in c.members}
    by_entity: dict[str, list[Statement]] = defaultdict(list)
    for a in items:
        if a.stance != "deny":
            for e in _entities_of(a) | {a.speaker}:
                by_entity[e].append(a)
    out = []
    for d in items:
        if d.stance != "deny":
            continue
        ents = _entities_of(d) | ({d.speaker} if d.speaker.startswith(("kb:", "name:")) else set())
        counts: Counter[str] = Counter()
        for e in sorted(ents):
            for a in by_entity.get(e, ())[:MAX_POSTING]:
                counts[a.id] += 1
        candidates = {a.id: a for e in sorted(ents) for a in by_entity.get(e, ())[:MAX_POSTING]}
        for aid, shared_n in sorted(counts.items()):
            a = candidates[aid]
            if a.speaker == d.speaker or (claim_of.get(a.id) is not None and claim_of.get(a.id) == claim_of.get(d.id)):
                continue
            if shared_n >= 2:
                out.append(_denial(a, d, "says about the same parties"))
    return out


def _responsibility(s: Statement) -> tuple[str, frozenset[str]] | None:
    """(agent, event words) when a statement claims or assigns responsibility for an event."""
    from ..attribution.lexicon import lexicon as _  # noqa: F401  (the stance file is part of that lexicon)
    from ..resources import load_toml

    spec = load_toml("attribution", "stance.toml")["responsibility"]
    text = key(s.content)
    words = set(re.findall(r"\w+", text))
    words |= {w[1:] for w in words if w[:1] in "وبلف"}
    events = frozenset(w for w in (key(x) for x in spec["event_words"]) if w in words)
    if not events:
        return None
    accuse = {key(x) for x in spec["accuse_lemmas"]}
    if s.lemma in accuse:
        agents = [t for t in sorted(_entities_of(s)) if t != s.speaker]
        if agents:
            return agents[0], events
    if any(key(p) in text for p in spec["claim_phrases"]) and s.speaker.startswith(("kb:", "name:")):
        return s.speaker, events
    return None


def _competing_responsibility(items: list[Statement]) -> list[Contradiction]:
    """Two agents named responsible for the same event ("اتهمت الحكومة التنظيم بتنفيذ الهجوم" / "أعلنت جماعة
    … مسؤوليتها عن التفجير"), in one article or sharing the event's other terms."""
    claims = [(s, r) for s in items if (r := _responsibility(s)) is not None]
    out = []
    for i, (a, (agent_a, _)) in enumerate(claims):
        for b, (agent_b, _) in claims[i + 1 :]:
            if agent_a == agent_b:
                continue
            near = a.article.id == b.article.id or len(a.terms & b.terms) >= 4
            if near:
                cid = "x:" + hashlib.sha256(f"{a.id}|{b.id}|resp".encode()).hexdigest()[:12]
                out.append(
                    Contradiction(
                        cid,
                        "competing_responsibility",
                        a,
                        b,
                        f"{a.speaker_text or 'one source'} and {b.speaker_text or 'another'} name "
                        "different perpetrators of the same attack",
                    )
                )
    return out
