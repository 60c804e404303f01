"""The attribution lexicons as lookup tables: reporting cues, anonymous sources, stance phrases.

Data files in resources/attribution (cues.tsv, sources.tsv, stance.toml; see their README). Forms are
matched on loose keys with a leading conjunction (و ف) taken off, so one spelling per form is enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..resources import load_toml, path
from ..text.normalize import fold, lengths_by_first_word

CUE_TYPES = ("verb", "relay_verb", "prep", "relay_prep", "noun", "phrase")
STANCES = ("assert", "deny", "opinion", "predict", "hedge")
FRAMINGS = ("endorse", "neutral", "distance")


@dataclass(frozen=True)
class Cue:
    lemma: str
    type: str
    stance: str
    framing: str
    continues: bool
    object_first: bool = False  # "وصفت التقرير بأنه …": the definite noun after the verb is its object


@dataclass(frozen=True)
class Lexicon:
    cues: dict[tuple[str, ...], Cue]  # folded word sequence -> cue
    max_cue_words: int
    cue_lengths: dict[str, tuple[int, ...]]  # first word of a cue -> the cue lengths it starts, longest first
    sources: dict[str, str]  # folded form of an anonymous head -> class
    modifiers: dict[str, str]  # folded form -> kind (nationality, affiliation, time, number, anonymity)
    anonymity: tuple[tuple[str, ...], ...]  # phrases of anonymity, as folded word sequences
    deny: tuple[str, ...]
    hedge: tuple[str, ...]
    predict: tuple[str, ...]
    opinion: tuple[str, ...]
    nested: frozenset[str]  # lemmas that open nested speech
    distance_anywhere: tuple[str, ...]  # the outlet's distancing words around a statement
    distance_outside: tuple[str, ...]  # …that count only outside the statement's content
    opinion_titles: frozenset[str]
    informants: frozenset[str]
    not_future: frozenset[str]
    needs_content: frozenset[str]
    needs_content_or_ba: frozenset[str]  # "أقر بوجود فساد" reports; "أقر الاستراتيجية" approves
    not_ba_objects: frozenset[str]  # "أقر المجلس برئاسة …": a بـ of how, not what was admitted
    quote_only: frozenset[str]  # "وواصل: …" reports; "وواصل الجيش قصف …" does not
    content_after: dict[str, str]  # lemma -> the preposition its content follows ("أعرب … عن قلقه")
    duty_not_before: frozenset[str]  # "على الرغم": على that does not lay a duty
    rejected_claims: frozenset[str]  # "رفضت موسكو تصريحات ماي": the refusal of a claim is a denial


def _rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, header first; `#` lines are comments."""
    out = []
    for line in path("attribution", name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def _split_sections(name: str) -> list[list[list[str]]]:
    """A file with several tables separated by `# modifiers`-style comment headers."""
    sections: list[list[list[str]]] = [[]]
    for line in path("attribution", name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# modifiers"):
            sections.append([])
        elif line.strip() and not line.startswith("#"):
            sections[-1].append([c.strip() for c in line.split("\t")])
    return sections


@cache
def lexicon() -> Lexicon:
    cues: dict[tuple[str, ...], Cue] = {}
    rows = _rows("cues.tsv")
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    for n, row in enumerate(rows[1:], 2):
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        typ, stance, framing = row[col["type"]], row[col["stance"]], row[col["framing"]] or "neutral"
        if typ not in CUE_TYPES or stance not in STANCES or framing not in FRAMINGS:
            raise ValueError(f"cues.tsv row {n}: type/stance/framing must be one of {CUE_TYPES}/{STANCES}/{FRAMINGS}")
        notes = row[col.get("notes", 0)]
        cue = Cue(row[col["lemma"]], typ, stance, framing, "continues" in notes, "object-first" in notes)
        for form in row[col["forms"]].split("|"):
            words = tuple(fold(form).split())
            if len(words) > 1 and words[-1] in ("ل", "لـ"):
                words = words[:-1]  # "وفقا لـ": the ل is glued to the source in text ("وفقا للصحيفة")
            if words and words not in cues:
                cues[words] = cue
    sections = _split_sections("sources.tsv")
    sources: dict[str, str] = {}
    for row in sections[0][1:]:
        head, cls, forms = row[0], row[1], row[2] if len(row) > 2 else ""
        for form in [head, *forms.split("|")]:
            if fold(form):
                sources.setdefault(fold(form), cls)
    modifiers: dict[str, str] = {}
    anonymity: list[tuple[str, ...]] = []
    for row in (sections[1][1:] if len(sections) > 1 else []):
        kind, forms = row[1], row[2] if len(row) > 2 else ""
        for form in [row[0], *forms.split("|")]:
            key = fold(form)
            if not key:
                continue
            if len(key.split()) > 1 or kind == "anonymity":
                anonymity.append(tuple(key.split()))
            else:
                modifiers.setdefault(key, kind)
    st = load_toml("attribution", "stance.toml")
    return Lexicon(
        cues=cues,
        max_cue_words=max(len(k) for k in cues),
        cue_lengths=lengths_by_first_word(cues),
        sources=sources,
        modifiers=modifiers,
        anonymity=tuple(sorted(set(anonymity), key=len, reverse=True)),
        deny=tuple(fold(p) for p in st["deny"]["phrases"]),
        hedge=tuple(fold(p) for p in st["hedge"]["phrases"]),
        predict=tuple(fold(p) for p in st["predict"]["phrases"]),
        opinion=tuple(fold(p) for p in st["opinion"]["phrases"]),
        nested=frozenset(fold(w) for w in st["nested"]["lemmas"]),
        distance_anywhere=tuple(fold(p) for p in st["distance"]["anywhere"]),
        distance_outside=tuple(fold(p) for p in st["distance"]["outside"]),
        opinion_titles=frozenset(fold(t) for t in st["opinion_speakers"]["titles"]),
        informants=frozenset(st["informants"]["classes"]),
        not_future=frozenset(fold(w) for w in st["not_future"]["words"]),
        needs_content=frozenset(fold(w) for w in st["needs_content"]["lemmas"]),
        needs_content_or_ba=frozenset(fold(w) for w in st["needs_content"]["or_ba"]),
        not_ba_objects=frozenset(fold(w) for w in st["needs_content"]["or_ba_not"]),
        rejected_claims=frozenset(fold(w) for w in st["rejected_claims"]["words"]),
        duty_not_before=frozenset(fold(w) for w in st["opinion"]["duty_not_before"]),
        quote_only=frozenset(fold(w) for w in st["quote_only"]["lemmas"]),
        content_after={fold(k): fold(v) for k, v in st["content_after"]["prepositions"].items()},
    )


def has_phrase(text_key: str, phrases: tuple[str, ...]) -> bool:
    """Whether one of the phrases occurs in the text as whole words (both already folded)."""
    by_first = _by_first_word(phrases)
    words = _words(text_key)
    for i, w in enumerate(words):
        for p in by_first.get(w, ()):
            if len(p) == 1 or words[i : i + len(p)] == p:
                return True
    return False


@lru_cache(maxsize=64)
def _words(text_key: str) -> tuple[str, ...]:
    return tuple(text_key.split())  # (a statement's head is looked up in several lists in a row)


_INDEXES: dict[int, tuple[tuple[str, ...], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, built once per list (the lexicon's lists live as long as it does)."""
    kept = _INDEXES.get(id(phrases))
    if kept is not None and kept[0] is phrases:
        return kept[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(p.split())
        if words:
            index.setdefault(words[0], []).append(words)
    built = {k: tuple(v) for k, v in index.items()}
    _INDEXES[id(phrases)] = (phrases, built)
    return built


_HEDGE_QAD = re.compile(r"(?:^|\s)قد\s+[يتن]\S{2,}")
_FUTURE = re.compile(r"(?<!\S)(س[يتن][^\s_]{3,})(?!\S)")  # not a hashtag's "#سيرغي_سكريبال"
_NOT_FUTURE = re.compile(r"(?:^|\s)لن\s+[يتن]\S{2,}")  # "لن يتأخر": the negated future


def content_stance(text_key: str, base: str) -> str:
    """The stance a statement's content implies, given the cue's own stance. A denial may come anywhere in
    it ("…، ووصفها بأنها لا أساس لها"); a hedge, a view or a forecast is read in its first clause, the
    statement's own proposition, not in what it goes on to tell ("القوات سيطرت على البلدة، متعهدا بتطهير…")."""
    lex = lexicon()
    words = " ".join(re.findall(r"\w+", _own_clauses(text_key)))
    if base == "deny" or has_phrase(words, lex.deny) or _NEGATED_REPORT.search(words):
        return "deny"
    head = _first_clause(text_key)
    if has_phrase(head, lex.hedge) or _HEDGE_QAD.search(head):
        return "hedge"
    if base in ("predict", "hedge"):
        return base
    if base == "assert" and (has_phrase(head, lex.opinion) or _duty(head, lex.duty_not_before)):
        return "opinion"
    if (has_phrase(head, lex.predict) or _NOT_FUTURE.search(head)
            or any(_future_verb(w, lex.not_future) for w in _FUTURE.findall(head))):
        return "predict"
    return base


# "لم تكن بغاز الكلور كما جاء في تقرير": a negation set against what was reported
_NEGATED_REPORT = re.compile(
    r"\b(?:لم|لا|ليس|ليست|لن)\b(?: \w+){0,8} كما (?:جاء|ورد|زعم|زعمت|ادعي|ادعت|ذكر|ذكرت|قيل)\b")


def _future_verb(word: str, not_future: frozenset[str]) -> bool:
    """"ستفتح", "سنواصل": سـ before a present verb. Not a listed noun, with or without a possessive
    ("سياساتها", "سيارته"), nor a plural or a nisba in ات/ية ("سنوات", "سياسية")."""
    bases = [word] + [word[: -len(x)] for x in ("هما", "ها", "هم", "كم", "نا", "ه") if word.endswith(x)]
    return not any(b in not_future or b.endswith("ات") or b.endswith("يه") for b in bases)


def _duty(head: str, not_before: frozenset[str]) -> bool:
    """"على روسيا تقديم أجوبة", "كان على بريطانيا أن ترسل": على and the one it binds open the content, then
    "أن" or a verbal noun."""
    words = head.split()
    if words[:1] == ["كان"]:
        words = words[1:]
    if len(words) < 3 or words[0] != "علي" or words[1] in not_before:
        return False
    return any(w in ("ان", "بان") for w in words[2:4]) or (words[2].startswith("ت") and len(words[2]) >= 5)


def _own_clauses(text_key: str) -> str:
    """The content without the clauses that tell something else: one opened by a participle ("…، معتبرة أنها
    أداة دعاية": how the speaker sees a third party) or by لكن ("…، لكن لم تظهر أية إشارات")."""
    parts = re.split(r"([،,؛;])", text_key)
    kept: list[str] = []
    for part in parts:
        first = (re.findall(r"\w+", part) or [""])[0]
        participle = first.startswith("م") and first.endswith(("ا", "ه")) and len(first) >= 5
        if kept and (first in ("لكن", "ولكن") or participle):
            break
        kept.append(part)
    return "".join(kept)


def _first_clause(text_key: str) -> str:
    """The words of the content up to its first clause break (a comma, a semicolon, a full stop), at least
    four words in."""
    parts = re.split(r"[،,؛;.!؟?]", text_key)
    head: list[str] = []
    for part in parts:
        head += re.findall(r"\w+", part)
        if len(head) >= 4:
            break
    return " ".join(head)
