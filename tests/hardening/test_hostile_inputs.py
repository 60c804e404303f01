"""A folder of hostile and odd inputs next to a good article: the run completes, readable copies come
through, every bad input is named, memory stays bounded."""

from __future__ import annotations

import codecs
import gzip
import json
import resource
import subprocess
import sys
from pathlib import Path

TEXT = ("أعلنت وزارة الصحة ارتفاع حصيلة ضحايا انفجار الميناء إلى أربعة عشر قتيلاً، وقال المتحدث باسم الوزارة "
        "إن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.")


def test_hostile_folder(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    (d / "u8bom.txt").write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    (d / "cp1256.txt").write_bytes(TEXT.encode("cp1256"))
    (d / "deep.html").write_text("<html><body>" + "<div>" * 50_000 + f"<p>{TEXT}</p>" + "</div>" * 50_000
                                 + "</body></html>", encoding="utf-8")
    (d / "huge.txt").write_bytes("ا".encode() * 17_500_000)  # 35 MB of one letter, no sentence
    with gzip.open(d / "bomb.jsonl.gz", "wt", encoding="utf-8") as g:
        for _ in range(40):
            g.write(json.dumps({"text": "ب" * 400_000}) + "\n")
    (d / "broken.jsonl").write_text(json.dumps({"text": "خبر قصير سليم عن الاجتماع الوزاري الذي عقد أمس."},
                                               ensure_ascii=False) + "\n{bad\n" + json.dumps({"text": 5}) + "\n",
                                    encoding="utf-8")
    (d / "zero.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 50)
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-m", "riwaya.cli", "analyze", str(d), "--db", str(tmp_path / "h.db"),
                           "--json", str(out), "--workers", "1"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 2, proc.stderr[-2000:]
    err = proc.stderr
    for name in ("zero.txt", "binary.txt", "huge.txt"):
        assert f"{d / name}" in err, name
    assert f"{d / 'broken.jsonl'}:2: malformed JSON" in err and f"{d / 'broken.jsonl'}:3:" in err
    assert "bomb.jsonl.gz#L1" in err and "too long for one article" in err
    doc = json.loads(out.read_text("utf-8"))
    same = [a for a in doc["articles"] if TEXT in a["text"]]
    assert len(same) == 1  # one text, however many encodings it came in…
    assert {Path(x).name for x in same[0]["inputs"]} == {"u16.txt", "u8bom.txt", "cp1256.txt", "deep.html"}
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 3 * 1024
