"""Turning bytes into text: BOMs, UTF-8, UTF-16 without BOM, and legacy Arabic code pages."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .base import ReadError

# Legacy encodings Arabic pages are still found in, most likely first.
LEGACY_ARABIC = ("cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def decode(data: bytes, *, declared: str | None = None, html: bool = False) -> str:
    """Decode `data` or raise ReadError saying why it is not text."""
    if not data.strip():
        raise ReadError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError as e:
                raise ReadError(f"starts with a {enc} byte-order mark but is not valid {enc} ({e.reason})") from e
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausibility(text) >= 0.6:
                return text
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise ReadError("binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared_list: list[str] = []
    if declared:
        declared_list.append(declared)
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared_list.append(m.group(1).decode("ascii", "replace"))
    best: tuple[float, str] | None = None
    for enc in [*declared_list, *LEGACY_ARABIC]:
        try:
            text = data.decode(_codec(enc))
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text)
        if enc in declared_list and score > 0.9:
            return text  # what the page declares wins when it reads well
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.6:
        raise ReadError("not valid UTF-8 and not readable in any Arabic encoding (binary or corrupt?)")
    return best[1]


def _codec(name: str) -> str:
    name = name.lower().strip()
    aliases = {"windows-1256": "cp1256", "iso-8859-6": "iso8859_6", "arabic": "iso8859_6"}
    return codecs.lookup(aliases.get(name, name)).name


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Arabic (U+06xx) or ASCII leave a regular pattern in the high bytes."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        regular = sum(1 for b in high if b in (0x00, 0x06, 0x20, 0xFE, 0xFB))
        if regular / len(high) > 0.9 and high.count(0) + high.count(6) > len(high) * 0.5:
            return enc
    return None


def _checked(text: str) -> str:
    if _plausibility(text) < 0.6:
        raise ReadError("decodes as UTF-8 but is mostly control or unassigned characters (binary?)")
    return text


def _plausibility(text: str) -> float:
    """Share of characters that are letters, digits, spaces or ordinary punctuation."""
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    if controls > max(2, len(sample) // 200):
        return 0.0  # text files do not carry C0 control characters; random bytes do (~11 %)
    good = 0
    arabic = 0
    for ch in sample:
        cat = unicodedata.category(ch)
        if cat[0] in "LNZ" or ch in "\n\r\t" or cat[0] == "P" or cat == "Sm" or cat == "Sc":
            good += 1
            if "\u0600" <= ch <= "\u06ff":
                arabic += 1
    score = good / len(sample)
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters:
        # Legacy code pages map every byte somewhere: the right one turns letters into Arabic letters.
        score += 0.2 * arabic / letters
    if letters and arabic / letters < 0.2 and any(ord(ch) > 0x7F for ch in sample):
        # mostly non-Arabic, non-ASCII letters: typical of a wrong legacy decoding
        latin_ext = sum(1 for ch in sample if ch.isalpha() and 0x7F < ord(ch) < 0x0600)
        if latin_ext / letters > 0.3:
            score -= 0.3
    return score
