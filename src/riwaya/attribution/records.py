"""The attribution layer's records: what one reported statement is, and its one way to and from a span.

An attribution is stored as a `Span` of the "attributions" layer (label: the stance; attrs: cue, speaker,
content, via, framing, direct). Every reader — claims, `riwaya check`, the export, the web pages — reads
it back through `Attribution.from_span`, never by the attrs' string keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Span


@dataclass
class Party:
    """A speaker or a relay: its span in the text, its words, the entity key it names, whether anonymous,
    and for an anonymous source its class (officials, sources, experts…)."""

    start: int
    end: int
    text: str
    key: str | None
    anonymous: bool
    cls: str | None = None

    def to_attrs(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "key": self.key,
                "anonymous": self.anonymous, "class": self.cls}

    @classmethod
    def from_attrs(cls, d: dict[str, Any]) -> Party:
        return cls(int(d.get("start", 0)), int(d.get("end", 0)), d.get("text", ""), d.get("key"),
                   bool(d.get("anonymous")), d.get("class"))


@dataclass
class Attribution:
    """One reported statement: the sentence (start, end), the cue as written and its lemma, the stance, the
    outlet's framing, the speaker, the content span, the relays (nearest first) and whether it is quoted."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    cue: str
    lemma: str
    stance: str
    framing: str
    speaker: Party | None
    content: tuple[int, int] | None
    via: list[Party] = field(default_factory=list)
    direct: bool = False
    content_text: str | None = None  # as stored with the span (read back by `from_span`)

    def to_span(self, text: str) -> Span:
        attrs: dict[str, Any] = {
            "cue": {"start": self.cue_start, "end": self.cue_end, "text": self.cue, "lemma": self.lemma},
            "framing": self.framing,
            "speaker": self.speaker.to_attrs() if self.speaker else None,
            "content": {"start": self.content[0], "end": self.content[1],
                        "text": text[self.content[0] : self.content[1]]} if self.content else None,
            "via": [v.to_attrs() for v in self.via],
            "direct": self.direct,
        }
        return Span(self.start, self.end, self.stance, attrs)

    @classmethod
    def from_span(cls, span: Span) -> Attribution:
        a = span.attrs
        cue = a.get("cue") or {}
        content = a.get("content") or None
        return cls(
            span.start, span.end, int(cue.get("start", span.start)), int(cue.get("end", span.start)),
            cue.get("text", ""), cue.get("lemma", ""), span.label, a.get("framing") or "neutral",
            Party.from_attrs(a["speaker"]) if a.get("speaker") else None,
            (int(content["start"]), int(content["end"])) if content else None,
            [Party.from_attrs(v) for v in a.get("via", [])], bool(a.get("direct")),
            content.get("text") if content else None,
        )

    def statement(self, text: str) -> str:
        """What is attributed: the content, or the whole sentence when the content is missing."""
        return self.content_text or text[self.start : self.end]


def attributions(article: Any) -> list[Attribution]:
    """The article's attribution layer as records."""
    return [Attribution.from_span(s) for s in article.spans("attributions")]
