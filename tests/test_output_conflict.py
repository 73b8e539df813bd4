""""Never write over the original": one rule (``fsutil.output_conflict``) for the CLI's and the
GUI's sealing and the GUI's "save a copy", whatever name the original is reached by."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cgn_seal_desktop.fsutil import OutputConflict, copy_file, output_conflict, same_file


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "合同.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.7 the original")
    return path


def test_nothing_there(original: Path, tmp_path: Path) -> None:
    assert output_conflict(original, tmp_path / "new.pdf") is None


def test_another_file_exists(original: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(b"keep")
    assert output_conflict(original, other) is OutputConflict.EXISTS


def test_the_original_by_any_name(original: Path, tmp_path: Path) -> None:
    spellings = [original, original.parent / ".." / "docs" / original.name,
                 Path(os.path.relpath(original))]
    link = tmp_path / "link.pdf"
    link.symlink_to(original)
    hard = tmp_path / "hard.pdf"
    os.link(original, hard)
    for target in [*spellings, link, hard]:
        assert output_conflict(original, target) is OutputConflict.ORIGINAL, target
        assert same_file(original, target)
    assert not same_file(original, tmp_path / "missing.pdf")


def test_copy_never_over_the_original(original: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(original)
    for target in (original, link):
        with pytest.raises(FileExistsError):
            copy_file(original, target, overwrite=True)
    assert original.read_bytes() == b"%PDF-1.7 the original"
    assert link.is_symlink()


def test_copy_replaces_another_file_only_when_told(original: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(b"keep")
    with pytest.raises(FileExistsError):
        copy_file(original, other)
    assert other.read_bytes() == b"keep"
    copy_file(original, other, overwrite=True)
    assert other.read_bytes() == original.read_bytes()
    fresh = tmp_path / "fresh.pdf"
    copy_file(original, fresh)
    assert fresh.read_bytes() == original.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "fresh.pdf", "other.pdf"]


def test_a_failed_copy_leaves_nothing(original: Path, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        copy_file(tmp_path / "gone.pdf", tmp_path / "copy.pdf")
    with pytest.raises(OSError):
        copy_file(original, tmp_path / "no-such-dir" / "copy.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
