"""The floor: the least any analysis must do per article — read, normalise, tokenise, MinHash.

    python bench/bench_floor.py [--repeat 3]

Prints articles/s for that minimum on the ANT sample (one core), so the full pipeline's cost can be
quoted as a multiple of it. MinHash uses rensa when installed (pip install rensa), else a hashed-shingle
minimum in pure Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json

from _common import ANT, machine, timed

from riwaya.text.normalize import normalize
from riwaya.text.tokens import tokenize


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raw = [ln for ln in ANT.read_text(encoding="utf-8").split("\n") if ln.strip()]  # not splitlines: U+2028 inside
    try:
        from rensa import RMinHash

        def minhash(words: list[str]) -> object:
            m = RMinHash(num_perm=128, seed=7)
            m.update([" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))])
            return m.digest()

        how = "rensa RMinHash (128 permutations, word 3-shingles)"
    except ImportError:

        def minhash(words: list[str]) -> object:
            return min(hashlib.blake2b(" ".join(words[i : i + 3]).encode(), digest_size=8).digest()
                       for i in range(max(1, len(words) - 2)))

        how = "a single hashed-shingle minimum (rensa not installed)"

    def floor() -> None:
        for line in raw:
            text = json.loads(line).get("text") or ""
            normalize(text)
            words = [t.norm for t in tokenize(text) if t.kind == "word"]
            minhash(words)

    med, runs = timed(floor, args.repeat)
    print(f"floor on the ANT sample: {len(raw)} articles; {how}; {machine()}")
    print(f"read + normalise + tokenise + MinHash: {len(raw) / med:.0f} articles/s "
          f"(median of {len(runs)}: {', '.join(f'{r:.2f}s' for r in runs)})")


if __name__ == "__main__":
    main()
