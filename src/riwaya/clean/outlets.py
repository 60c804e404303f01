"""Which outlet published a page: from metadata, the domain, credit and copyright lines, or the text.

Outlet names come from the media table of the knowledge base (resources/kb/media.tsv), so that
"عربي 21", "Arabi21" and arabi21.com all give the canonical "عربي21".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..resources import load_toml, path, read_tsv
from ..text.normalize import fold


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class MediaIndex:
    by_name: dict[str, Outlet]  # folded name or alias -> outlet
    by_domain: dict[str, Outlet]
    pattern: re.Pattern[str] | None  # every folded name, longest first, on word edges

    def lookup(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        return self.by_name.get(fold(name))

    def find(self, text: str) -> Outlet | None:
        """The first outlet named anywhere in `text`."""
        if not self.pattern:
            return None
        m = self.pattern.search(fold(text))
        return self.by_name[m.group(1)] if m else None

    def domain(self, host: str | None) -> Outlet | None:
        if not host:
            return None
        host = host.strip().lower()
        if "//" not in host:
            host = "//" + host
        host = (urlsplit(host).hostname or "").removeprefix("www.")
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            if "." not in host:
                return None
            host = host.split(".", 1)[1]
        return None


def build_index(files: list[Path]) -> MediaIndex:
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for file in files:
        for row in read_tsv(file):
            outlet = Outlet(row["id"], row["name"], row.get("kind", ""))
            for name in [row["name"], *row.get("aliases", "").split("|"), row.get("en", "")]:
                key = fold(name)
                if len(key) >= 2:
                    by_name.setdefault(key, outlet)
            for dom in row.get("domains", "").split("|"):
                if dom.strip():
                    by_domain[dom.strip().lower().removeprefix("www.")] = outlet
    names = sorted(by_name, key=len, reverse=True)
    pattern = None
    if names:
        alt = "|".join(re.escape(n) for n in names)
        pattern = re.compile(rf"(?<![\w])({alt})(?![\w])", re.IGNORECASE)
    return MediaIndex(by_name, by_domain, pattern)


@lru_cache(maxsize=1)
def media_index() -> MediaIndex:
    return build_index([path("kb", "media.tsv")])


# "قال … لـ"إرم نيوز"", "لـ«اندبندنت عربية»", "لمنصة سوريا 24", "في حديث إلى «…»", "في تصريح خاص لـ…"
_QUOTED_AFTER_LI = re.compile(r"(?:^|\s)ل\s*ـ?\s*[\"«“”']\s*([^\"«»“”']{2,40}?)\s*[\"»”“']")
_MEDIA_HEAD_AFTER_LI = re.compile(
    r"(?:^|\s)ل(?:ـ)?\s*(?:منصه|موقع|صحيفه|جريده|قناه|اذاعه|شبكه|مجله|وكاله)\s+(\S+(?:\s+\S+){0,3})"
)
_INTERVIEW = re.compile(
    r"(?:حديث|تصريح|تصريحات|مقابله|لقاء|اتصال|حوار)\s+(?:خاص\s+|خاصه\s+|هاتفي\s+)?(?:الي|مع|ل\s*ـ?)\s*"
    r"(?:منصه|موقع|صحيفه|جريده|قناه|اذاعه|شبكه|مجله)?\s*[\"«“]?\s*([^\"«»“”،,.]{2,40})"
)


def interview_outlets(text: str, index: MediaIndex | None = None) -> list[str]:
    """Outlets the text says a speaker talked *to*: the page's own outlet, when it is not said otherwise.

    Wire agencies are left out: "قال لوكالة رويترز" in an article is usually a relayed interview.
    """
    index = index or media_index()
    key = fold(text)
    found: list[str] = []
    for rx in (_QUOTED_AFTER_LI, _MEDIA_HEAD_AFTER_LI, _INTERVIEW):
        for m in rx.finditer(key):
            cand = m.group(1).strip()
            outlet = index.lookup(cand) or index.find(cand)
            if outlet is not None:
                if outlet.kind != "agency":
                    found.append(outlet.name)
            elif rx is _QUOTED_AFTER_LI and 1 <= len(cand.split()) <= 3 and _after_interview_word(key, m.start()):
                found.append(_original_form(text, cand))
    return found


@lru_cache(maxsize=1)
def _interview_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load_toml("cleaning", "furniture.toml")["outlet"]["interview_words"])


def _after_interview_word(key: str, pos: int, window: int = 6) -> bool:
    """True when one of the few words before `pos` is a word of speaking ("قال علوان لـ…")."""
    before = key[:pos].split()[-window:]
    words = _interview_words()
    return any(w.lstrip("و") in words or w in words for w in before)


def _original_form(text: str, folded: str) -> str:
    """The spelling the text used for a folded phrase (first occurrence), falling back to the key."""
    words = folded.split()
    toks = text.split()
    for i in range(len(toks) - len(words) + 1):
        window = toks[i : i + len(words)]
        if fold(" ".join(window)).strip("\"«»“”'ـ").endswith(folded) or fold(" ".join(window)) == folded:
            return " ".join(w.strip("\"«»“”'،,.:") for w in window).removeprefix("لـ").strip("\"«»“”'")
    return folded
