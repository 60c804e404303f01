"""The story measure: do named events of the ANT sample each sit in one story, and only with their own?

For each named story (articles whose title names it), completeness is the share of those articles in the
story that holds most of them, and purity is the share of that story's articles that mention the name
at all (title or text). Also the largest story's share of the corpus. An indicator, not a target: the
same clustering runs on streams we do not have.

    python bench/bench_stories.py                  # analyse the ANT sample into a temporary store first
    python bench/bench_stories.py --export ant.json  # score an export of the ANT sample made already
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from _common import ANT, ant_articles, machine

# name shown → spellings in titles (any of them names the story); chosen as single events or cases
NAMED = {
    "عفرين": ["عفرين"],
    "الغوطة": ["الغوطة"],
    "سكريبال": ["سكريبال", "سكريبل"],
    "هوكينغ": ["هوكينغ"],
    "ستورمي دانييلز": ["ستورمي", "دانييلز", "دانيلز"],
    "سريلانكا": ["سريلانكا"],
    "فلوريدا": ["فلوريدا"],
}


def _line_of(source: str) -> int | None:
    m = re.search(r"#L(\d+)$", source)
    return int(m.group(1)) if m else None


def measure(export: dict, corpus: list[dict]) -> dict:
    story_of: dict[str, str] = {}
    sizes: Counter[str] = Counter()
    for s in export["stories"]:
        for a in s["articles"]:
            story_of[a] = s["id"]
        sizes[s["id"]] = len(s["articles"])
    by_line: dict[int, list[str]] = {}
    for a in export["articles"]:
        n = _line_of(a["source"])
        if n is not None:
            by_line.setdefault(n, []).append(a["id"])
    docs = {a_id: corpus[n - 1] for n, ids in by_line.items() for a_id in ids}
    out: dict = {"articles": len(export["articles"]), "stories": len(export["stories"])}
    out["largest_share"] = max(sizes.values(), default=0) / max(1, len(export["articles"]))
    named = {}
    for label, spellings in NAMED.items():
        titled = [i for i, d in docs.items() if any(s in (d.get("title") or "") for s in spellings)]
        if not titled:
            continue
        held = Counter(story_of.get(i) for i in titled if story_of.get(i))
        top, k = held.most_common(1)[0] if held else (None, 0)
        members = [i for i, s in story_of.items() if s == top]
        said = {i: (docs[i].get("title") or "") + docs[i].get("text", "") for i in members if i in docs}
        mention = sum(1 for text in said.values() if any(s in text for s in spellings))
        named[label] = {"titled": len(titled), "completeness": k / len(titled),
                        "purity": mention / max(1, len(members)), "story_size": len(members)}
    out["named"] = named
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--export", type=Path, help="an export of the ANT sample (else analyse it now)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    corpus = list(ant_articles())
    if args.export:
        export = json.loads(args.export.read_text(encoding="utf-8"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ant.json"
            subprocess.run([sys.executable, "-m", "riwaya.cli", "analyze", str(ANT), "--db", str(Path(tmp) / "ant.db"),
                            "--json", str(out), "--workers", str(args.workers)], check=True, stdout=subprocess.DEVNULL)
            export = json.loads(out.read_text(encoding="utf-8"))
    res = measure(export, corpus)
    print(f"stories on the ANT sample: {res['articles']} articles, {res['stories']} stories; {machine()}")
    print(f"largest story: {res['largest_share']:.1%} of the corpus (bar < 5%)")
    for label, r in res["named"].items():
        print(f"  {label:<16} titled {r['titled']:>4}  completeness {r['completeness']:.2f}  purity {r['purity']:.2f}"
              f"  (story of {r['story_size']})")


if __name__ == "__main__":
    main()
