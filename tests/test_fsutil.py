"""fsutil.atomic_write: a writer killed with -9 leaves a temporary file, which the next write to
that folder removes (only ours, only when its writer is gone); saved files get the permissions
any new file gets (umask), private files exactly 0600."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cgn_seal_desktop import fsutil
from cgn_seal_desktop.fsutil import atomic_write, atomic_write_bytes, sweep_stale_temp_files

#: Writes a large "PDF" through atomic_write, says so after a few MB, then never finishes.
WRITER = """
import sys, time
from cgn_seal_desktop.fsutil import atomic_write
with atomic_write(sys.argv[1]) as fh:
    chunk = b"%PDF-1.7 " + b"x" * (1 << 20)
    for i in range(int(sys.argv[2])):
        fh.write(chunk)
        fh.flush()
        if i == 3:
            print("writing", flush=True)
    if sys.argv[3] == "hang":
        time.sleep(600)
print("done", flush=True)
"""


def _temps(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def _start_writer(target: Path, mb: int, how: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(mb), how],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    return proc


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_kill_9_mid_write_leaves_a_temp_file_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "OUT.pdf"
    proc = _start_writer(target, 64, "hang")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.stdout is not None
    proc.stdout.close()
    left = _temps(tmp_path)
    assert len(left) == 1 and left[0].startswith(".OUT.pdf.")
    assert (tmp_path / left[0]).stat().st_size >= 4 << 20 and not target.exists()
    # The next save in that folder, of any file, cleans up.
    atomic_write_bytes(tmp_path / "other.pdf", b"%PDF-1.7 new")
    assert _temps(tmp_path) == []
    assert (tmp_path / "other.pdf").read_bytes() == b"%PDF-1.7 new"


def test_a_live_writers_temp_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "BIG.pdf"
    proc = _start_writer(target, 12, "finish")
    try:
        atomic_write_bytes(tmp_path / "small.pdf", b"%PDF small")  # while BIG.pdf is written
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "done"
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.stat().st_size == 12 * ((1 << 20) + 9)
    assert _temps(tmp_path) == []


def test_only_our_own_stale_names_are_swept(tmp_path: Path) -> None:
    host = fsutil._host_tag()
    other_host = "000000" if host != "000000" else "111111"
    dead_pid = _dead_pid()
    names = {  # name: (made two days old, expected to be removed)
        # ours, writer gone: removed at once
        f".a.pdf.cgnseal-{host}-{dead_pid}-0123abcd.tmp": (False, True),
        # ours, from another computer on a shared folder: kept until a day old
        f".b.pdf.cgnseal-{other_host}-{dead_pid}-0123abcd.tmp": (False, False),
        f".c.pdf.cgnseal-{other_host}-{dead_pid}-4567abcd.tmp": (True, True),
        # ours, this process (another thread may be writing it): kept
        f".d.pdf.cgnseal-{host}-{os.getpid()}-0123abcd.tmp": (False, False),
        # not ours: never touched, whatever their age
        ".e.pdf.abcd1234.tmp": (True, False),
        "f.tmp": (True, False),
        f"g.pdf.cgnseal-{host}-{dead_pid}-0123abcd.tmp": (True, False),
        f".h.pdf.cgnseal-{host}-{dead_pid}-0123abcd.tmp.bak": (True, False),
    }
    old = time.time() - 2 * 86400
    for name, (aged, _gone) in names.items():
        (tmp_path / name).write_bytes(b"x")
        if aged:
            os.utime(tmp_path / name, (old, old))
    (tmp_path / f".i.pdf.cgnseal-{host}-{dead_pid}-0123abcd.tmp").mkdir()  # a directory: kept
    removed = {p.name for p in sweep_stale_temp_files(tmp_path)}
    assert removed == {n for n, (_aged, gone) in names.items() if gone}
    assert all((tmp_path / n).exists() for n, (_aged, gone) in names.items() if not gone)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_host_tag_is_stable() -> None:
    assert fsutil._host_tag() == fsutil._host_tag() and len(fsutil._host_tag()) == 6
    assert socket.gethostname()  # what the tag is made from


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(
    tmp_path: Path, umask: None
) -> None:
    new = tmp_path / "signed.pdf"
    atomic_write_bytes(new, b"%PDF")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # 0666 & ~022, like any saved file
    os.umask(0o077)
    strict = tmp_path / "strict.pdf"
    atomic_write_bytes(strict, b"%PDF")
    assert stat.S_IMODE(strict.stat().st_mode) == 0o600
    os.umask(0o022)
    os.chmod(strict, 0o640)
    atomic_write_bytes(strict, b"%PDF v2")
    assert stat.S_IMODE(strict.stat().st_mode) == 0o640 and strict.read_bytes() == b"%PDF v2"
    secret = tmp_path / "key.pem"
    atomic_write_bytes(secret, b"key", mode=0o600)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    with atomic_write(tmp_path / "x.pdf", overwrite=False) as fh:
        fh.write(b"%PDF")
    assert stat.S_IMODE((tmp_path / "x.pdf").stat().st_mode) == 0o644
