"""The shipped CRF's decoding in numpy, with scores cached per token: the same labels as crfsuite, faster.

crfsuite scores a label at a token as the sum of the weights of the token's attributes for that label,
then finds the best path with the transition weights (Viterbi). Every attribute of our features
belongs to one token (its own, or what it says to a neighbour at offset ±1, ±2), to a gazetteer tag at
an offset, to the sentence's edges, or to a pair of adjacent words; so each token's share of the score
is summed once per distinct token and cached, and a sentence's score matrix is a few array additions.
The weights are read exactly (doubles) from the model file; the decoding keeps crfsuite's tie-breaking
(the first best label). A test compares the labels with crfsuite's on real sentences.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from ..text.normalize import fold
from .features import token_items

OFFSETS = (-2, -1, 1, 2)
_ROWS = 1 << 16  # tokens whose scores are cached (~400 B each: ~26 MB a process)


class Decoder:
    """Labels for sentences of tokens from a crfsuite model file (FOMC format, version 100)."""

    def __init__(self, file: Path, attributes: dict[str, int], labels: list[str]):
        data = file.read_bytes()
        magic, _size, kind, _version, _nf, n_labels, n_attrs, off_features = struct.unpack_from("<4sI4s5I", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{file}: not a crfsuite CRF1d model")
        chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != b"FEAT":
            raise ValueError(f"{file}: no feature table at {off_features:#x}")
        feats = np.frombuffer(data, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                              count=count, offset=off_features + 12)
        self.labels = labels
        self.weights = np.zeros((n_attrs, n_labels))  # attribute x label
        self.transitions = np.zeros((n_labels, n_labels))  # previous label x label
        state, trans = feats[feats["type"] == 0], feats[feats["type"] == 1]
        self.weights[state["src"], state["dst"]] = state["w"]
        self.transitions[trans["src"], trans["dst"]] = trans["w"]
        self.attributes = attributes
        self.zero = np.zeros(n_labels)
        self._rows: dict[str, tuple[int, str]] = {}
        self._table = np.zeros((_ROWS, 1 + len(OFFSETS), n_labels))  # a token's own score, then its neighbours'
        self._tags: dict[str, int] = {}
        self._tag_table = np.zeros((0, 1 + len(OFFSETS), n_labels))
        self._edges = {name: self._score({name: 1.0}) for name in
                       ("w-2=<s>", "w-1=<s>", "w+1=</s>", "w+2=</s>")}

    def _score(self, item: dict[str, float]) -> np.ndarray:
        get = self.attributes.get
        known = [(a, value) for a, value in ((get(name), value) for name, value in item.items()) if a is not None]
        if not known:
            return self.zero
        ids, values = zip(*known, strict=True)
        return np.asarray(values) @ self.weights[list(ids)]

    def _token(self, tok: str) -> tuple[int, str]:
        found = self._rows.get(tok)
        if found is not None:
            return found
        if len(self._rows) >= _ROWS:
            self._rows.clear()  # bounded: a long run meets an open vocabulary
        own, near = token_items(tok)
        row = len(self._rows)
        self._table[row, 0] = self._score(own)
        for i, d in enumerate(OFFSETS, 1):
            self._table[row, i] = self._score(near[d])
        found = self._rows[tok] = (row, fold(tok))
        return found

    def _tag(self, tag: str) -> int:
        found = self._tags.get(tag)
        if found is None:
            scores = [self._score({f"gz={tag}": 1.0})] + [self._score({f"gz{d:+d}={tag}": 1.0}) for d in OFFSETS]
            self._tag_table = np.concatenate([self._tag_table, np.array(scores)[None]])
            found = self._tags[tag] = len(self._tags)
        return found

    def state_scores(self, tokens: list[str], gaz: list[str]) -> np.ndarray:
        """(tokens x labels) sum of the weights of each token's attributes, as crfsuite computes it."""
        n = len(tokens)
        found = [self._token(t) for t in tokens]
        tags = [self._tag(g) for g in gaz]  # first: a new tag extends the table
        parts = self._table[[r for r, _ in found]] + self._tag_table[tags]
        scores = parts[:, 0].copy()
        for i, d in enumerate(OFFSETS, 1):  # what token j = t + d says to token t
            if d < 0 and n > -d:
                scores[-d:] += parts[: n + d, i]
            elif d > 0 and n > d:
                scores[: n - d] += parts[d:, i]
        edges = self._edges
        scores[:2] += edges["w-2=<s>"]
        scores[0] += edges["w-1=<s>"]
        scores[-1] += edges["w+1=</s>"]
        scores[-2:] += edges["w+2=</s>"]
        attributes, weights = self.attributes, self.weights
        keys = [k for _, k in found]
        for t in range(1, n):
            for name in (f"w-1|w={keys[t - 1]}|{keys[t]}", f"w|w+1={keys[t - 1]}|{keys[t]}"):
                a = attributes.get(name)
                if a is not None:
                    scores[t if name[1] == "-" else t - 1] += weights[a]
        return scores

    def decode(self, tokens: list[str], gaz: list[str]) -> list[str]:
        """The best label sequence (crfsuite's Viterbi: the first best label wins a tie)."""
        if not tokens:
            return []
        state = self.state_scores(tokens, gaz)
        trans = self.transitions
        n = len(tokens)
        back = np.zeros((n, len(self.labels)), dtype=np.intp)
        score = state[0]
        for t in range(1, n):
            cand = score[:, None] + trans
            back[t] = cand.argmax(axis=0)
            score = cand.max(axis=0) + state[t]
        best = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t, best[-1]]))
        labels = self.labels
        return [labels[i] for i in reversed(best)]
