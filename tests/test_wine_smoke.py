"""The Windows build proven under Wine: ``packaging/wine-smoke.sh`` (slow), and its helpers.

The slow test builds the real Windows bundle and MSI and installs, runs, upgrades and removes
it under Wine (README, "Building the Windows installer"; about 5 minutes on two busy cores with
an empty cache, about 4 with the caches in ``~/.cache/cgn-wine``). The other tests check the
helpers the script relies on, on data made here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from cgn_seal_desktop.bundle_check import CHECKS

ROOT = Path(__file__).resolve().parent.parent
WINE = ROOT / "packaging" / "wine"
OUT = ROOT / "packaging" / "build" / "wine"


@pytest.fixture(scope="module")
def tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke_tools", WINE / "smoke_tools.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the whole thing ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(3000)
def test_msi_installs_runs_upgrades_and_uninstalls_under_wine() -> None:
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "wine-smoke.sh")],
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=2900, cwd=ROOT)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-6000:]
    assert "wine smoke test passed" in output, output[-6000:]
    # The installed cgn-seal.exe --self-test, piped through a cp1252 console: every check ran.
    checks = {m.group(2): m.group(1)
              for m in re.finditer(r"^(ok|FAIL)\s+(\S+)\s", output, re.M)}
    assert checks == {name: "ok" for name, _ in CHECKS}, output[-6000:]
    assert "ANSI code page cp1252" in output
    assert "结论 / verdict: 全部印章有效 / all seals valid" in output  # installed `verify`
    png = (OUT / "gui-first-window.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    for step in ("old-windows", "install", "upgrade", "downgrade", "uninstall"):
        assert (OUT / "logs" / f"msiexec-{step}.log").stat().st_size > 1000, step


# --- helpers of the script ---------------------------------------------------------------------


def test_requirements_come_from_pyproject(tools: ModuleType, tmp_path: Path) -> None:
    runtime, build = tools.requirements(ROOT / "pyproject.toml")
    assert any(r.startswith("PySide6-Essentials") for r in runtime)
    assert any(r.startswith("pyinstaller") for r in runtime)  # the `package` extra
    assert any(r.startswith("hatchling") for r in build)
    # A dependency added to pyproject (with a marker) needs no change in the script.
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["hatchling"]\n[project]\nname = "x"\n'
        'dependencies = ["gmssl-pyx>=2", "pywin32-ctypes; sys_platform == \'win32\'"]\n'
        '[project.optional-dependencies]\npackage = ["pyinstaller"]\ntest = ["pytest"]\n',
        "utf-8")
    runtime, build = tools.requirements(tmp_path / "pyproject.toml")
    assert runtime == ["gmssl-pyx>=2", "pywin32-ctypes; sys_platform == 'win32'", "pyinstaller"]
    assert build == ["hatchling"]


def test_packed_guid_is_windows_installers_form(tools: ModuleType) -> None:
    # The UpgradeCode as Windows Installer writes it under ...\Installer\UpgradeCodes.
    assert tools.packed_guid("{7C1B6E34-3F2A-4D8B-9E51-2A6C0D4F8B17}") == \
        "43E6B1C7A2F3B8D4E915A2C6D0F4B871"
    with pytest.raises(SystemExit):
        tools.packed_guid("not-a-guid")


def _xwd(width: int, height: int, pixel: Callable[[int, int], int]) -> bytes:
    """A 32-bpp ZPixmap XWD file, as Xvfb -fbdir writes it (LSB first)."""
    name = b"Xvfb screen\0"
    header = struct.pack(">25I", 100 + len(name), 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32,
                         4 * width, 4, 0xFF0000, 0xFF00, 0xFF, 8, 256, 2, width, height, 0, 0,
                         0)
    colormap = b"\0" * 12 * 2
    pixels = b"".join(struct.pack("<I", pixel(x, y)) for y in range(height)
                      for x in range(width))
    return header + name + colormap + pixels


def _png_rows(png: bytes) -> tuple[int, int, list[bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)  # 8-bit RGB
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 3 * width
    return width, height, [raw[y * stride + 1:(y + 1) * stride] for y in range(height)]


def test_xwd_screen_dump_becomes_png(tools: ModuleType, tmp_path: Path) -> None:
    def pixel(x: int, y: int) -> int:
        return (x * 20) << 16 | (y * 30) << 8 | 0x7F

    (tmp_path / "screen").write_bytes(_xwd(10, 6, pixel))
    width, height, colours = tools.xwd_to_png(tmp_path / "screen", tmp_path / "s.png")
    assert (width, height) == (10, 6) and colours >= 2
    w, h, rows = _png_rows((tmp_path / "s.png").read_bytes())
    assert (w, h) == (10, 6)
    assert rows[5][3 * 9:3 * 10] == bytes((9 * 20, 5 * 30, 0x7F))  # red, green, blue
    # A blank screen (no window painted) is reported as such by the command.
    (tmp_path / "blank").write_bytes(_xwd(16, 16, lambda x, y: 0))
    rc = tools.main(["screenshot", str(tmp_path / "blank"), str(tmp_path / "b.png")])
    assert rc == 1


def test_registry_search_reads_wine_reg_files(tools: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "system.reg").write_text(
        "WINE REGISTRY Version 2\n\n"
        "[Software\\\\cgn-seal-desktop] 1796407176\n"
        '"InstallDir"="C:\\\\Program Files\\\\CGN Seal Desktop\\\\"\n\n'
        "[Software\\\\Classes\\\\Installer\\\\UpgradeCodes\\\\43E6B1C7A2F3B8D4E915A2C6D0F4B871]\n"
        '"2BFB80C6B6A143C4EBE4D2FEBCCE9F22"=""\n', "utf-8")
    (tmp_path / "user.reg").write_text("WINE REGISTRY Version 2\n", "utf-8")
    hits = tools.registry_hits(tmp_path, ["C:\\Program Files\\cgn seal desktop"])
    assert len(hits) == 1 and "InstallDir" in hits[0] and "cgn-seal-desktop" in hits[0]
    assert tools.main(["registry", str(tmp_path), "present", "43e6b1c7a2f3b8d4e915a2c6d0f4b871",
                       "cgn-seal-desktop"]) == 0
    assert tools.main(["registry", str(tmp_path), "present", "InstallDir", "Uninstall"]) == 1
    assert tools.main(["registry", str(tmp_path), "absent", "cgn-seal-desktop"]) == 1
    assert tools.main(["registry", str(tmp_path), "absent", "some other product"]) == 0


def test_stand_in_dlls_are_found_in_a_bundle_by_name_or_content(
        tools: ModuleType, tmp_path: Path) -> None:
    standin = tmp_path / "icuuc.dll"
    standin.write_bytes(b"MZ stand-in " + hashlib.sha256(b"x").digest())
    bundle = tmp_path / "bundle"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ qt")
    assert tools.bundle_clean(bundle, [standin]) == []
    renamed = bundle / "_internal" / "icu-copy.bin"
    renamed.write_bytes(standin.read_bytes())
    upper = bundle / "_internal" / "ICUUC.DLL"
    upper.write_bytes(b"MZ another build")
    assert sorted(tools.bundle_clean(bundle, [standin])) == sorted([str(renamed), str(upper)])
