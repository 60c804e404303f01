"""Grouping statements into claims, finding who supports and who denies each, its independent origins,
and the contradictions between statements. Run story by story (engine/corpus.py).

A statement is an attribution's content (its sentence when the content is short). Two statements say
the same thing when the rare words, entities and years they share weigh enough against the two (an
IDF-weighted Dice overlap, so the words every article of a story repeats count little). A claim is a
proposition, not a report: the statements one source makes in a run of one article ("كشفت الصحيفة…",
"وأفادت الصحيفة…") are as many claims as they say different things. Groups merge when enough of their
statements link; a denial left alone joins the assertion that names the same parties. Every statement
belongs to a claim, a lone report included.

Origins: a statement's root is its speaker — or, for an outlet citing anonymous informants, the
outlet. Relays do not add origins; every distinct root that supports the claim counts once.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..attribution.ids import attribution_id
from ..attribution.records import Attribution, Party
from ..model import Article
from ..text.normalize import key
from ..text.terms import terms_of_key
from .values import YEAR

SAME_CLAIM = 0.2  # Dice-weighted overlap above which two statements say the same thing
MIN_SHARED = 4  # …sharing at least this many terms
MAX_POSTING = 200  # a term (or entity) shared by more statements than this links no pair by itself
LINK_SHARE = 0.2  # two groups merge when this share of the smaller one's statements link to the other
SPLIT_ABOVE = 60  # statements in one claim beyond which it is clustered again with stricter links…
STRICTER = (0.3, 0.4, 0.5)  # …these, one after the other


@dataclass(frozen=True)
class ArticleRef:
    """What claims need of an article: small enough to ship a story's statements to a Spark worker."""

    id: str
    source: str
    outlet: str | None
    published: str | None


@dataclass
class Statement:
    id: str
    article: ArticleRef
    start: int
    end: int
    content: str
    stance: str
    speaker: str  # a key: entity key, or the folded text of an anonymous speaker
    speaker_text: str
    anonymous: bool
    via: list[Party]
    terms: frozenset[str] = frozenset()
    lemma: str = ""

    @property
    def root(self) -> str:
        """The origin of the statement: its speaker — but anonymous informants an outlet introduced
        ("وبحسب المسؤولين الأمريكيين" after "كشفت الصحيفة، نقلاً عن مسؤولين…") are that outlet's report."""
        if self.anonymous and self.via:
            return self.via[0].key or "anon:" + " ".join(key(self.via[0].text).split()[:2])
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
        ref = ArticleRef(a.id, a.source, a.outlet, a.published)
        for span in a.spans("attributions"):
            rec = Attribution.from_span(span)
            content = rec.statement(a.text)
            if len(content.split()) < 6:
                content = a.text[rec.start : rec.end]
            sp = rec.speaker or Party(rec.start, rec.start, "", None, False)
            # a speaker the knowledge base does not know is keyed by its words: "وزارة التجارة" is named,
            # "مصادر مطلعة" anonymous (two words: "مصادر مطلعة في الوزارة" is the same source)
            words = key(sp.text).split()
            speaker = sp.key or ("anon:" + " ".join(words[:2]) if sp.anonymous else "name:" + " ".join(words[:4]))
            st = Statement(attribution_id(ref.id, span), ref, rec.start, rec.end, content, rec.stance, speaker,
                           sp.text, sp.anonymous, rec.via)
            st.terms = frozenset(_statement_terms(a, rec.content, content))
            st.lemma = key(rec.lemma)
            out.append(st)
    return out


def _statement_terms(article: Article, content: tuple[int, int] | None, text: str) -> set[str]:
    loose = key(text)
    out = terms_of_key(loose)
    out |= {m.group(0) for m in YEAR.finditer(loose)}
    c0, c1 = content or (-1, -1)
    for m in article.spans("entities"):
        if c0 <= m.start < c1 and m.attrs.get("key"):
            out.add(m.attrs["key"])
    return out


def _dice(a: Statement, b: Statement, idf: dict[str, float]) -> float:
    # fsum: exact whatever order a set of terms comes in, so every process gets the same value
    wa = math.fsum(idf.get(t, 1.0) for t in a.terms)
    wb = math.fsum(idf.get(t, 1.0) for t in b.terms)
    return 2 * math.fsum(idf.get(t, 1.0) for t in a.terms & b.terms) / max(1e-9, wa + wb)


def _similarity(a: Statement, b: Statement, idf: dict[str, float]) -> float:
    shared = a.terms & b.terms
    if len(shared) < MIN_SHARED:
        return 0.0
    # fsum: exact, so the value cannot follow the (hash-seeded) order of the sets
    wa = math.fsum(idf[t] for t in a.terms)
    wb = math.fsum(idf[t] for t in b.terms)
    return 2 * math.fsum(idf[t] for t in shared) / max(1e-9, wa + wb)  # Dice: a long statement absorbs nothing


def group(items: list[Statement], reused: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = ()) -> list[Claim]:
    """Claims: statements linked by similarity; statements whose sentences retell each other (reuse: "the
    same report in different words") kept together."""
    n = len(items)
    df = Counter(t for s in items for t in s.terms)
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    links = _links(items, df, idf)
    together: list[tuple[Statement, Statement]] = []
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
    clusters = _cluster(items, together, sorted(links), idf)
    # a cluster far bigger than one claim is a chain of resemblances across a long story (on ant_sample:
    # 865 statements about the Ghouta): cluster it again with stricter links until it breaks up
    position = {st.id: i for i, st in enumerate(items)}
    done: list[list[Statement]] = []
    work = [(c, 0) for c in clusters]
    while work:
        members, level = work.pop()
        if len(members) <= SPLIT_ABOVE or level >= len(STRICTER):
            done.append(members)
            continue
        inside = {position[m.id] for m in members}
        local = {position[m.id]: k for k, m in enumerate(sorted(members, key=lambda m: position[m.id]))}
        sub = sorted(members, key=lambda m: position[m.id])
        sub_links = sorted((local[i], local[j]) for (i, j), sim in links.items()
                           if i in inside and j in inside and sim >= STRICTER[level])
        sub_together = [(a, b) for a, b in together if position[a.id] in inside and position[b.id] in inside]
        work += [(c, level + 1) for c in _cluster(sub, sub_together, sub_links, idf)]
    return sorted((_claim(members) for members in done), key=lambda c: c.id)


def _links(items: list[Statement], df: Counter[str], idf: dict[str, float]) -> dict[tuple[int, int], float]:
    """Pairs of statements that say the same thing, with their similarity. Candidate pairs share a rare
    term (an inverted index keeps this far from n²); they are gathered statement by statement, so memory
    holds the links found, not every pair compared (a story of 10,000 statements compares millions)."""
    n = len(items)
    cap = max(3, min(n // 5, MAX_POSTING))
    index: dict[str, list[int]] = defaultdict(list)
    indexed: list[list[str]] = []
    for i, s in enumerate(items):
        kept = [t for t in sorted(s.terms) if df[t] <= cap]  # sorted: the same claims in every process
        for t in kept:
            index[t].append(i)
        indexed.append(kept)
    links: dict[tuple[int, int], float] = {}
    for i in range(n):
        later = {j for t in indexed[i] for j in index[t] if j > i}
        for j in sorted(later):
            sim = _similarity(items[i], items[j], idf)
            if sim >= SAME_CLAIM:
                links[(i, j)] = sim
    return links


def _cluster(
    items: list[Statement],
    together: list[tuple[Statement, Statement]],
    links: list[tuple[int, int]],
    idf: dict[str, float],
) -> list[list[Statement]]:
    n = len(items)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # retellings first; then two groups merge only when enough of their statements are linked — one
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
    _attach_denials(items, idf, find, parent)
    clusters: dict[int, list[Statement]] = defaultdict(list)
    for i, s in enumerate(items):
        clusters[find(i)].append(s)
    # every statement is part of a claim: one outlet's lone report is still a claim a checker looks up
    return list(clusters.values())


def _attach_denials(
    items: list[Statement], idf: dict[str, float], find: Callable[[int], int], parent: list[int]
) -> None:
    """A denial that joined no assertion is about the assertion it rejects: "نفى متحدث باسم الجماعة
    ارتباطها بداعش" against "الجماعة قد تكون فصيلاً منشقاً عن داعش". It joins the other speaker's
    assertion that names the same parties (the denier counts as one; at least two), the rarest parties
    weighing most — a story's ubiquitous actors ("داعش", "التحالف") tie everything to everything."""
    asserting_roots = {find(i) for i, s in enumerate(items) if s.stance != "deny"}
    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        if s.stance != "deny":
            for e in sorted(_entities_of(s) | {s.speaker}):
                by_entity[e].append(i)
    for i, d in enumerate(items):
        if d.stance != "deny" or find(i) in asserting_roots:
            continue
        ents = _entities_of(d) | ({d.speaker} if d.speaker.startswith(("kb:", "name:")) else set())
        shared: Counter[int] = Counter()
        for e in sorted(ents):
            for j in by_entity.get(e, ())[:MAX_POSTING]:
                if items[j].speaker != d.speaker:
                    shared[j] += 1
        best = [
            (math.fsum(idf.get(e, 1.0) for e in ents & (_entities_of(items[j]) | {items[j].speaker})),
             len(d.terms & items[j].terms), -j)
            for j, count in shared.items() if count >= 2
        ]
        if best:
            j = -max(best)[2]
            parent[find(i)] = find(j)


def _claim(members: list[Statement]) -> Claim:
    # the canonical wording: of the main origin's statements, the one the other members repeat most,
    # preferring one that stands alone — not "هذه الخطوة…", which points back to a sentence before it
    asserting = [m for m in members if m.stance != "deny"] or members
    spread = Counter(t for m in members for t in m.terms)
    main_root = Counter(m.root for m in asserting).most_common(1)[0][0]  # whose report the claim mostly is
    best = max(
        (m for m in asserting if m.root == main_root),
        key=lambda m: (_standalone(m.content), _centrality(m, spread), -len(m.content)),
    )
    text = best.content.strip()
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
            origin["relayed_by"].add(v.text)
    claim.origins = [{**o, "relayed_by": sorted(x for x in o["relayed_by"] if x)} for o in roots.values()]
    return claim


_ANAPHORA = re.compile(r"^\W*(?:و|ف)?(?:هذا|هذه|ذلك|تلك|هؤلاء|هذان|هاتان|ذلكم)\b")


def _standalone(text: str) -> bool:
    return len(text.split()) >= 5 and not _ANAPHORA.match(key(text))


def _centrality(m: Statement, spread: Counter[str]) -> float:
    """How much of a statement the other members repeat (linear in the claim's size, unlike a medoid)."""
    return math.fsum(spread[t] - 1 for t in m.terms) / max(1, len(m.terms))


def contradictions(claims: list[Claim], items: list[Statement] | None = None) -> list[Contradiction]:
    """Denials of a claim against its assertions; competing claims of responsibility for one event; and
    conflicting figures and dates inside a claim."""
    out: list[Contradiction] = []
    members = [m for c in claims for m, _ in c.members] if items is None else items
    df = Counter(t for s in members for t in s.terms)
    idf = {t: math.log(1 + len(members) / n) for t, n in df.items()}
    if items is not None:
        out += _competing_responsibility(items)
    for c in claims:
        deny = [m for m, role in c.members if role == "denies"]
        assert_ = [m for m, role in c.members if role == "supports"]
        for d in deny:
            out += [_denial(a, d, f"states: {c.text[:120]}") for a in _denied(d, assert_, idf)]
    from .conflicts import figure_conflicts  # it builds on this module's types

    out += figure_conflicts(claims)
    seen: set[str] = set()
    return [x for x in out if not (x.id in seen or seen.add(x.id))]  # type: ignore[func-returns-value]


def _denied(d: Statement, assertions: list[Statement], idf: dict[str, float]) -> list[Statement]:
    """What a denial rejects inside its claim: for each origin, its statement closest to the denial's
    words, kept when at least half as close as the closest of all — a claim gathers a report's side
    remarks too, and "the presidency denies what the minister of defence says about troops" is noise."""
    closest: dict[str, tuple[float, Statement]] = {}
    for a in assertions:
        if a.speaker == d.speaker or a.terms.isdisjoint(d.terms):
            continue
        sim = _dice(a, d, idf)
        if sim > 0 and (a.root not in closest or sim > closest[a.root][0]):
            closest[a.root] = (sim, a)
    top = max((sim for sim, _ in closest.values()), default=0.0)
    return [a for sim, a in closest.values() if sim >= top / 2]


def _denial(a: Statement, d: Statement, what: str) -> Contradiction:
    cid = "x:" + hashlib.sha256(f"{a.id}|{d.id}".encode()).hexdigest()[:12]
    return Contradiction(cid, "denial", a, d,
                         f"{d.speaker_text or 'a source'} denies what {a.speaker_text or 'a source'} {what}")


def _entities_of(s: Statement) -> set[str]:
    return {t for t in s.terms if t.startswith("kb:") or t.startswith("name:")}


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
