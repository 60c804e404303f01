"""The knowledge base: entities with type, canonical name, aliases, English name, Wikidata id, relations.

Data files, not code: every `*.tsv` in resources/kb (media, places, people, organizations) and in the
user's folder (`riwaya kb add FILE` copies a file there), with the columns

    id  type  kind  name  aliases  en  wikidata  domains  country

(`aliases` and `domains` are `|`-separated), and `relations.tsv` with

    subject  relation  object  since  until  note

Names are matched on their loose normalised form, so one spelling per variant of letters is enough.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..resources import path, read_tsv
from ..text.normalize import fold, lengths_by_first_word

COLUMNS = ("id", "type", "kind", "name", "aliases", "en", "wikidata", "domains", "country")
TYPES = ("PER", "ORG", "LOC", "MISC")
RELATIONS = ("renamed_from", "part_of", "split_from", "merged_into", "affiliated_with", "successor_of", "speaks_for")


@dataclass
class KBEntity:
    id: str
    type: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    en: str = ""
    wikidata: str = ""
    country: str = ""
    domains: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases, *([self.en] if self.en else [])]


@dataclass(frozen=True)
class Relation:
    subject: str
    relation: str
    object: str
    since: str = ""
    until: str = ""


@dataclass(eq=False)  # hashed by identity: caches key on the loaded KB
class KnowledgeBase:
    entities: dict[str, KBEntity]
    by_alias: dict[str, list[str]]  # folded surface form -> entity ids (several when ambiguous)
    relations: list[Relation]
    # first word of an alias -> the alias lengths (in words) that start with it, longest first: most words
    # start no alias, and need no look-up at all
    alias_lengths: dict[str, tuple[int, ...]]

    def lookup(self, surface: str) -> list[KBEntity]:
        return [self.entities[i] for i in self.by_alias.get(fold(surface), [])]

    def related(self, entity_id: str, relation: str) -> list[str]:
        return [r.object for r in self.relations if r.subject == entity_id and r.relation == relation]

    def lineage(self, entity_id: str) -> list[str]:
        """The entity and every earlier name it was renamed from (هيئة تحرير الشام ← فتح الشام ← النصرة)."""
        out, todo = [], [entity_id]
        while todo:
            cur = todo.pop()
            if cur in out:
                continue
            out.append(cur)
            todo.extend(self.related(cur, "renamed_from"))
        return out


def user_kb_dir() -> Path:
    """Where `riwaya kb add` keeps the user's own files (RIWAYA_HOME, else ~/.local/share/riwaya)."""
    home = os.environ.get("RIWAYA_HOME") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "riwaya"
    )
    return Path(home) / "kb"


def kb_files() -> list[Path]:
    shipped = sorted(p for p in path("kb").glob("*.tsv") if p.name != "relations.tsv")
    user_dir = user_kb_dir()
    user = sorted(p for p in user_dir.glob("*.tsv") if p.name != "relations.tsv") if user_dir.is_dir() else []
    return shipped + user


def validate_row(row: dict[str, str], where: str) -> KBEntity:
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        raise ValueError(f"{where}: missing column(s) {', '.join(missing)}")
    if not row["id"] or not row["name"]:
        raise ValueError(f"{where}: id and name are required")
    if row["type"] not in TYPES:
        raise ValueError(f"{where}: type {row['type']!r} is not one of {', '.join(TYPES)}")
    split = lambda s: [x.strip() for x in s.split("|") if x.strip()]  # noqa: E731
    return KBEntity(
        row["id"],
        row["type"],
        row["kind"],
        row["name"],
        split(row["aliases"]),
        row["en"],
        row["wikidata"],
        row["country"],
        split(row["domains"]),
    )


def build(files: list[Path], relation_files: list[Path]) -> KnowledgeBase:
    entities: dict[str, KBEntity] = {}
    for file in files:
        for n, row in enumerate(read_tsv(file), 1):
            ent = validate_row(row, f"{file} row {n}")
            entities[ent.id] = ent  # a user's row replaces a shipped one with the same id
    by_alias: dict[str, list[str]] = defaultdict(list)
    for ent in entities.values():
        for name in ent.names:
            key = fold(name)
            if len(key) >= 2 and ent.id not in by_alias[key]:
                by_alias[key].append(ent.id)
    relations = [
        Relation(r["subject"], r["relation"], r["object"], r.get("since", ""), r.get("until", ""))
        for file in relation_files
        for r in read_tsv(file)
    ]
    alias_lengths = lengths_by_first_word(key.split() for key in by_alias)
    return KnowledgeBase(entities, dict(by_alias), relations, alias_lengths)


@cache
def knowledge_base() -> KnowledgeBase:
    rel = [p for p in [path("kb", "relations.tsv"), user_kb_dir() / "relations.tsv"] if p.is_file()]
    return build(kb_files(), rel)
