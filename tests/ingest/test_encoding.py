import codecs

import pytest

from riwaya.ingest.base import ReadError
from riwaya.ingest.encoding import decode

TEXT = "كشفت صحيفة «الفجر» أن الوزارة تلقت تحذيرات قبل ١٢ يوماً من الانفجار."
LEGACY = TEXT.replace("١٢", "12")  # legacy code pages have no Arabic-Indic digits


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
        TEXT.encode("utf-16-be"),
        LEGACY.encode("cp1256"),
        LEGACY.replace("«", '"').replace("»", '"').encode("iso8859_6"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256", "iso8859-6"],
)
def test_arabic_in_every_encoding_reads_back(data: bytes) -> None:
    out = decode(data)
    assert "كشفت صحيفة" in out and "الانفجار" in out


def test_declared_html_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1256"></head><body><p>' + LEGACY + "</p></body></html>"
    assert LEGACY in decode(html.encode("cp1256"), html=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "not valid"),
    ],
    ids=["empty", "whitespace", "random-bytes", "png", "bad-after-bom"],
)
def test_non_text_is_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode(data)


def test_random_bytes_without_nul_are_not_taken_for_cp1256() -> None:
    import random

    rng = random.Random(7)
    data = bytes(b for b in (rng.randrange(1, 256) for _ in range(5000)))
    with pytest.raises(ReadError):
        decode(data)
