"""The data model: one `Article` with its text exactly as published and annotations as spans into it.

Stages are small callables with declared `requires` / `assigns` (layer names). A layer is either an
article field (``text``, ``outlet``, ``published``…) or a list of `Span` in `Article.layers`.
Nothing downstream rewrites `Article.text`; normalised views keep an offset map back to it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

# Fields every freshly made Article carries; stages may require them without anyone assigning them.
BASE_FIELDS: frozenset[str] = frozenset({"text", "source", "part", "title", "url", "meta"})


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled piece of an article: `text[start:end]`, with optional attributes."""

    start: int
    end: int
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_of(self, article: Article) -> str:
        return article.text[self.start : self.end]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.label:
            out["label"] = self.label
        if self.attrs:
            out["attrs"] = self.attrs
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), d.get("label", ""), dict(d.get("attrs") or {}))


@dataclass(slots=True)
class Article:
    """One news article. `text` is the body as published (boilerplate removed, one paragraph a line)."""

    text: str
    source: str
    part: int = 0
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_basis: str | None = None
    published: str | None = None  # ISO date, as precise as known (YYYY-MM-DD)
    published_basis: str | None = None  # metadata | dateline | inferred
    meta: dict[str, Any] = field(default_factory=dict)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)  # names assigned by the stages run so far
    # (part, outlet, text, id) when the id was last computed: hashing the text on every `.id` cost seconds
    # in the corpus stages (millions of calls); a change of part, outlet or text computes it again
    _id_memo: tuple[int, str | None, str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """Stable id: the same page read again gives the same id, wherever the file was read from.

        Keyed by content (text, part and the outlet the page names) rather than by path, so that a
        corpus moved to another folder or fetched again does not double; two outlets printing the
        same wire copy stay two articles because their outlet differs.
        """
        memo = self._id_memo
        if memo is not None and memo[2] is self.text and memo[0] == self.part and memo[1] == self.outlet:
            return memo[3]
        key = "\x1f".join([str(self.part), self.outlet or "", self.text])
        value = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
        self._id_memo = (self.part, self.outlet, self.text, value)
        return value

    def add(self, layer: str, span: Span) -> None:
        if span.end > len(self.text):
            raise ValueError(f"span [{span.start}, {span.end}) beyond text of length {len(self.text)}")
        self.layers.setdefault(layer, []).append(span)

    def spans(self, layer: str) -> list[Span]:
        return self.layers.get(layer, [])

    def has(self, name: str) -> bool:
        if name in BASE_FIELDS:
            return True
        return name in self.layers or name in self.done


@runtime_checkable
class Stage(Protocol):
    """A per-article step. It reads the layers it `requires` and writes those it `assigns`. A stage may
    also offer `pipe(articles) -> articles` to take a batch at once (see `Pipeline.pipe`)."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...
