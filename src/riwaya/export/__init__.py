"""Exports of the store: the JSON interchange format (riwaya-export/1)."""
