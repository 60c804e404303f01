"""`riwaya check "CLAIM"`: the statements in the store that support, deny or discuss a claim."""

from __future__ import annotations

from dataclasses import dataclass

from ..attribution.records import attributions
from ..store import Store
from ..text.terms import terms
from ..text.tokens import stem
from .relation import relation


@dataclass
class Finding:
    role: str  # supports | denies | contradicts | discusses
    score: float
    outlet: str | None
    published: str | None
    speaker: str
    chain: list[str]
    cue: str
    quote: str
    source: str
    informants: bool = False  # the chain lists the speaker's anonymous informants, not relays


def check(store: Store, claim: str, limit: int = 50) -> list[Finding]:
    want = {stem(t) for t in terms(claim)}
    if not want:
        return []
    found: list[Finding] = []
    for art in store.articles():
        for s in attributions(art):
            content = s.statement(art.text)
            have = {stem(t) for t in terms(content)}
            shared = len(want & have)
            if shared < 2 or shared / len(want) < 0.34:
                continue
            rel, p = relation(claim, content)
            if s.stance == "deny":
                role = "denies"
            elif rel == "contradict" and p >= 0.85 and len(content.split()) <= 40:
                # the model knows headline-length pairs; on long passages only a sure call counts
                role = "contradicts"
            elif rel == "agree" or shared / len(want) >= 0.6:
                role = "supports"
            else:
                role = "discusses"
            found.append(Finding(role, round(shared / len(want), 2), art.outlet, art.published,
                                 s.speaker.text if s.speaker else "?", [v.text for v in s.via], s.cue,
                                 art.text[s.start : s.end], art.source,
                                 bool(s.via) and all(v.anonymous for v in s.via)))
    order = {"supports": 0, "denies": 1, "contradicts": 2, "discusses": 3}
    found.sort(key=lambda f: (order[f.role], -f.score))
    return found[:limit]
