"""Line-level cleaning of page text: furniture out, body in, a second whole article split off.

Works on already-scraped plain text (one paragraph a line, as scrapers and `trafilatura` give it).
The words live in the rules file; this module holds only the mechanism:
- furniture lines are dropped and kept aside with their kind (credits and copyright lines name the
  outlet, date lines give the publication date);
- a related-articles header starts a list of headlines that is dropped until the body resumes;
- after the end of an article (credit, tags, copyright) a related header followed by a headline and
  several long paragraphs is a second whole article: a new part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.normalize import fold
from ..time.dateline import parse_date_line
from .line_model import Page, is_candidate, links, outlet_link_rate
from .rules import RuleSet, default_rules

SENTENCE_END = (".", "!", "؟", "?", "…", '."', ".”", ".»", '".', "”.", "».", ":")


@dataclass
class Furniture:
    kind: str
    text: str
    name: str | None = None  # outlet named by a credit line


@dataclass
class Part:
    lines: list[str] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)  # ISO dates of date lines at the head
    title: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _is_long(line: str, rules: RuleSet) -> bool:
    n = len(line)
    if n >= rules.threshold("long_paragraph_chars"):
        return True
    return n >= rules.threshold("sentence_paragraph_chars") and line.rstrip().endswith(SENTENCE_END)


def _words(line: str) -> int:
    return len(line.split())


def clean_lines(text: str, rules: RuleSet | None = None, outlet: str | None = None) -> list[Part]:
    """Split page text into parts (the page's own article first), each with body lines and furniture.
    `outlet`: the knowledge base's id of the publishing outlet, when the page's metadata names it."""
    rules = rules or default_rules()
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    classes = [rules.classify(ln) for ln in raw]
    nonblank = [i for i, c in enumerate(classes) if c.kind != "blank"]
    page = Page([raw[i] for i in nonblank], raw[nonblank[0]] if nonblank else None, outlet_link_rate(outlet))
    # lines the link model is asked about: short, ending no sentence, after the lede, left to the body by
    # the rules, with body text after them (or the page's last line)
    asked = [pos for pos, i in enumerate(nonblank) if pos >= 2 and classes[i].kind == "text" and is_candidate(raw[i])
             and (pos == len(nonblank) - 1 or _long_run(raw, classes, nonblank[pos + 1 :], rules) > 0)]
    linked = links(page, asked)
    parts = [Part()]
    mode = "body"  # body | related | comments
    ended = False  # the current part has shown an end-of-article marker
    pending: list[int] = []  # headline lines seen in a related list, not yet known to be dropped
    seen_title_keys: set[str] = set()

    def drop(kind: str, i: int, name: str | None = None) -> None:
        parts[-1].furniture.append(Furniture(kind, raw[i], name))

    for pos, i in enumerate(nonblank):
        line, cls = raw[i], classes[i]
        part = parts[-1]
        if mode == "comments":
            drop("comments", i)
            continue
        if cls.kind == "comments":
            mode = "comments"
            drop("comments", i)
            continue
        if cls.kind in ("credit", "copyright", "tags"):
            drop(cls.kind, i, cls.name)
            ended = True
            continue
        if cls.kind == "related_header":
            drop("related", i)
            if not cls.inline:
                mode, pending = "related", []
            continue
        if cls.kind in ("drop", "caption"):
            drop(cls.kind, i)
            continue
        # an ordinary line
        if not part.lines:
            date = parse_date_line(line)
            if date:
                part.datelines.append(date)
                drop("dateline", i)
                continue
            short = rules.threshold("section_label_max_words")
            # section names and breadcrumbs above the headline
            if _words(line) <= short and any(_words(raw[j]) > short for j in nonblank[pos + 1 :][:6]):
                drop("section", i)
                continue
        elif part.title and len(part.lines) <= 3:
            date = parse_date_line(line)
            if date:
                part.datelines.append(date)
                drop("dateline", i)
                continue
            if fold(line) in seen_title_keys:
                drop("repeated_title", i)
                continue
        if (
            mode == "body"
            and len(part.lines) >= 2
            and pos in linked
        ):
            drop("related", i)  # a headline of another page set into the body
            continue
        if mode == "related":
            if not _is_long(line, rules):
                pending.append(i)
                continue
            headline = pending[-1] if pending else None
            if (
                ended
                and headline is not None
                and _long_run(raw, classes, nonblank[pos:], rules) >= rules.threshold("embedded_min_paragraphs")
            ):
                for j in pending[:-1]:
                    drop("related", j)
                parts.append(Part())
                ended = False
                part = parts[-1]
                _add_line(part, raw[headline], rules, seen_title_keys)
            else:
                for j in pending:
                    drop("related", j)
            mode, pending = "body", []
        _add_line(part, line, rules, seen_title_keys)
    for j in pending:  # a related list that ran to the end of the page
        parts[-1].furniture.append(Furniture("related", raw[j]))
    return [p for p in parts if p.lines]


def _add_line(part: Part, line: str, rules: RuleSet, seen: set[str]) -> None:
    if not part.lines and not _is_long(line, rules) and not line.endswith((".", "…")):
        part.title = line
        seen.add(fold(line))
    part.lines.append(line)


def _long_run(raw: list[str], classes: list, ahead: list[int], rules: RuleSet) -> int:
    """How many long paragraphs follow, before the next furniture line."""
    n = 0
    for j in ahead:
        if classes[j].kind != "text":
            break
        if _is_long(raw[j], rules):
            n += 1
    return n
