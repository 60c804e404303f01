"""The streamed export: the same bytes on one process and on forked workers, scratch files cleaned up."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from riwaya.export.json_export import write_export
from riwaya.store import Store


def test_workers_write_the_same_bytes_and_leave_no_scratch_files(seeds_export: dict, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # the forked workers inherit it
    shutil.copy(seeds_export["_db"], tmp_path / "s.db")
    with Store(tmp_path / "s.db") as store:
        assert write_export(store, tmp_path / "one.json", workers=1) == 6
        assert write_export(store, tmp_path / "two.json", workers=2) == 6
    one, two = (tmp_path / "one.json").read_bytes(), (tmp_path / "two.json").read_bytes()
    assert one == two
    for section in (b'"entities": [\n{', b'"claims": [\n{', b'"reuse": [\n{', b'"stories": [\n{'):
        assert section in two  # the sections the workers wrote ahead are there, not empty
    assert list(scratch.iterdir()) == []
