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
_ROWS = 1 << 17  # tokens whose scores are cached (~400 B each: ~52 MB a process)


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
        self._rows: dict[str, tuple[int, str]] = {}
        self._table = np.zeros((_ROWS, 1 + len(OFFSETS), n_labels))  # a token's own score, then its neighbours'
        self._tags: dict[str, int] = {}
        self._tag_table = np.zeros((0, 1 + len(OFFSETS), n_labels))
        names = ("w-2=<s>", "w-1=<s>", "w+1=</s>", "w+2=</s>")
        self._edges = dict(zip(names, self._scores([{name: 1.0} for name in names]), strict=True))

    def _scores(self, items: list[dict[str, float]]) -> np.ndarray:
        """(items x labels): each item's attributes (name -> value) weighed; names the model lacks count 0."""
        get = self.attributes.get
        ids: list[int] = []
        rows: list[int] = []
        values: list[float] = []
        for row, item in enumerate(items):
            for name, value in item.items():
                a = get(name)
                if a is not None:
                    ids.append(a)
                    rows.append(row)
                    values.append(value)
        spread = np.zeros((len(items), len(ids)))  # item x attribute: the attribute's value
        spread[rows, range(len(ids))] = values
        return spread @ self.weights[ids]

    def _token(self, tok: str) -> tuple[int, str]:
        found = self._rows.get(tok)
        if found is not None:
            return found
        own, near = token_items(tok)
        row = len(self._rows)
        self._table[row] = self._scores([own, *(near[d] for d in OFFSETS)])
        found = self._rows[tok] = (row, fold(tok))
        return found

    def _tag(self, tag: str) -> int:
        found = self._tags.get(tag)
        if found is None:
            items = [{f"gz={tag}": 1.0}, *({f"gz{d:+d}={tag}": 1.0} for d in OFFSETS)]
            self._tag_table = np.concatenate([self._tag_table, self._scores(items)[None]])
            found = self._tags[tag] = len(self._tags)
        return found

    def state_scores(self, sentences: list[tuple[list[str], list[str]]]) -> np.ndarray:
        """(all tokens x labels) sum of the weights of each token's attributes, as crfsuite computes it, for
        sentences of (tokens, gazetteer tags) laid end to end."""
        tokens = [t for toks, _ in sentences for t in toks]
        if len(self._rows) + len(tokens) > len(self._table):
            # bounded (a long run meets an open vocabulary), and cleared only between calls: a row given
            # out in this call must not be given again before it is read
            self._rows.clear()
            if len(tokens) > len(self._table):  # one enormous text: room for every token of it
                self._table = np.zeros((len(tokens), *self._table.shape[1:]))
        found = [self._token(t) for t in tokens]
        tags = [self._tag(g) for _, gaz in sentences for g in gaz]  # first: a new tag extends the table
        parts = self._table[[r for r, _ in found]] + self._tag_table[tags]
        lengths = np.array([len(toks) for toks, _ in sentences])
        ends = np.cumsum(lengths)
        size = np.repeat(lengths, lengths)
        pos = np.arange(len(tokens)) - np.repeat(ends - lengths, lengths)
        scores = parts[:, 0].copy()
        for i, d in enumerate(OFFSETS, 1):  # what token t + d says to token t, within t's sentence
            near = np.flatnonzero((pos + d >= 0) & (pos + d < size))
            scores[near] += parts[near + d, i]
        edges = self._edges
        scores[pos < 2] += edges["w-2=<s>"]
        scores[pos == 0] += edges["w-1=<s>"]
        scores[pos == size - 1] += edges["w+1=</s>"]
        scores[pos >= size - 2] += edges["w+2=</s>"]
        attributes, weights = self.attributes, self.weights
        keys = [k for _, k in found]
        for t in np.flatnonzero(pos > 0).tolist():
            a = attributes.get(f"w-1|w={keys[t - 1]}|{keys[t]}")
            if a is not None:
                scores[t] += weights[a]
            a = attributes.get(f"w|w+1={keys[t - 1]}|{keys[t]}")
            if a is not None:
                scores[t - 1] += weights[a]
        return scores

    def decode(self, tokens: list[str], gaz: list[str]) -> list[str]:
        """The best label sequence (crfsuite's Viterbi: the first best label wins a tie)."""
        return self.decode_many([(tokens, gaz)])[0]

    def decode_many(self, sentences: list[tuple[list[str], list[str]]]) -> list[list[str]]:
        """`decode` for many sentences at once (an article's, or a batch of articles'): Viterbi steps over
        all of them together, longest first, so the sentences still going at a step are a prefix."""
        todo = [(n, s) for n, s in enumerate(sentences) if s[0]]
        out: list[list[str]] = [[] for _ in sentences]
        if not todo:
            return out
        state = self.state_scores([s for _, s in todo])
        lengths = np.array([len(s[0]) for _, s in todo])
        order = np.argsort(-lengths, kind="stable")
        first = (np.cumsum(lengths) - lengths)[order]  # where each sentence's rows start, longest first
        lengths = lengths[order]
        longest = int(lengths[0])
        going = np.searchsorted(-lengths, -np.arange(longest), side="left")  # sentences longer than t
        into = np.ascontiguousarray(self.transitions.T)  # label x previous label
        back: list[np.ndarray] = []
        score = state[first]
        for t in range(1, longest):
            k = int(going[t])
            cand = score[:k, None, :] + into  # sentence x label x previous label
            best = cand.argmax(axis=2)
            back.append(best)
            score[:k] = np.take_along_axis(cand, best[:, :, None], 2)[:, :, 0] + state[first[:k] + t]
        label = score.argmax(axis=1)  # each sentence's best last label, then back along its path
        path = np.zeros((len(todo), longest), dtype=np.intp)
        for t in range(longest - 1, 0, -1):
            k = int(going[t])
            path[:k, t] = label[:k]
            label[:k] = back[t - 1][np.arange(k), label[:k]]
        path[:, 0] = label
        names = self.labels
        for b, (o, size) in enumerate(zip(order.tolist(), lengths.tolist(), strict=True)):
            out[todo[o][0]] = [names[i] for i in path[b, :size].tolist()]
        return out
