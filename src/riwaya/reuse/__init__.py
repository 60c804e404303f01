"""Reuse: the same text, or a rewrite of it, in two places (within an article or across articles)."""
