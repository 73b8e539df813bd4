"""A driver built for another processor type (a 32-bit DLL in this 64-bit program) is reported as
such before anything loads it, for PKCS#11 and SKF alike; never listed as usable and then failing
with "Bad EXE format"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cgn_seal_desktop.cli import main
from cgn_seal_desktop.ukey import discovery
from cgn_seal_desktop.ukey.discovery import (
    check_driver_file,
    driver_machine,
    find_modules,
    process_machine,
)
from cgn_seal_desktop.ukey.errors import DriverArchitectureError, ModuleLoadError
from cgn_seal_desktop.ukey.service import candidate_drivers, survey_drivers
from tests.conftest import TestUKey


def pe(path: Path, machine: int) -> Path:
    """A file with a PE header for *machine* (0x14c i386, 0x8664 AMD64, 0xaa64 ARM64)."""
    head = bytearray(0x100)
    head[:2] = b"MZ"
    head[0x3C:0x40] = (0x80).to_bytes(4, "little")
    head[0x80:0x84] = b"PE\0\0"
    head[0x84:0x86] = machine.to_bytes(2, "little")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(head) + b"SKF_ConnectDev\0")
    return path


def elf(path: Path, *, bits: int, machine: int) -> Path:
    head = bytearray(64)
    head[:4] = b"\x7fELF"
    head[4] = 1 if bits == 32 else 2
    head[5] = 1  # little-endian
    head[18:20] = machine.to_bytes(2, "little")
    path.write_bytes(bytes(head))
    return path


def test_table_knows_the_skf_drivers_of_szca_ukeys() -> None:
    by_file = {f: e for e in discovery.load_vendor_table() for f in e.files.get("windows", [])}
    for name in ("ShuttleCsp11_3000GM_SZCA.dll", "mtoken_gm3000.dll", "SKFAPI20538.dll"):
        entry = by_file[name]
        assert entry.interface == "skf" and not entry.test_only
        # 64-bit places first; SysWOW64 only so a 32-bit driver there can be reported.
        assert entry.dirs["windows"][0] == "%SystemRoot%\\System32"
        assert all("(x86)" not in d for d in entry.dirs["windows"])
    soft = next(e for e in discovery.load_vendor_table() if e.id == "softskf")
    assert soft.test_only and soft.interface == "skf"


def test_machine_types_are_read_from_the_headers(tmp_path: Path) -> None:
    assert driver_machine(pe(tmp_path / "a.dll", 0x14C)) == "x86"
    assert driver_machine(pe(tmp_path / "b.dll", 0x8664)) == "x64"
    assert driver_machine(pe(tmp_path / "c.dll", 0xAA64)) == "arm64"
    assert driver_machine(elf(tmp_path / "d.so", bits=32, machine=3)) == "x86"
    assert driver_machine(elf(tmp_path / "e.so", bits=64, machine=62)) == "x64"
    (tmp_path / "junk.dll").write_bytes(b"MZ" + b"\xff" * 10)
    assert driver_machine(tmp_path / "junk.dll") == ""
    assert driver_machine(tmp_path / "missing.dll") == ""


def test_real_drivers_match_this_process(ukey: TestUKey) -> None:
    assert process_machine() in ("x64", "arm64")
    assert driver_machine(ukey.module) == process_machine()


def test_a_32bit_vendor_dll_is_reported_not_offered(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SystemRoot", str(tmp_path / "Windows"))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    wow = pe(tmp_path / "Windows" / "SysWOW64" / "ShuttleCsp11_3000GM_SZCA.dll", 0x14C)
    native = pe(tmp_path / "Windows" / "System32" / "SKFAPI20538.dll", 0x8664)
    found = {Path(m.path).name: m for m in find_modules(platform="windows")}
    szca, haitai = found[wow.name], found[native.name]
    assert szca.interface == "skf" and szca.vendor and szca.vendor.id == "feitian-epass3000gm-szca"
    assert szca.machine == "x86" and not szca.machine_ok and not szca.usable
    assert haitai.machine == "x64" and haitai.machine_ok and haitai.usable
    with pytest.raises(DriverArchitectureError) as info:
        check_driver_file(str(wow))
    assert "32-bit" in info.value.message and "64-bit driver" in info.value.message
    assert info.value.machine == "x86"


def test_the_service_skips_and_explains_a_32bit_driver(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    lib32 = elf(tmp_path / "libsoftskf.so", bits=32, machine=3)
    monkeypatch.setattr(discovery, "load_vendor_table", lambda: ())
    monkeypatch.setenv("CGN_SEAL_SKF_MODULE", str(lib32))
    (m,) = find_modules()
    assert m.source == "env" and m.interface == "skf" and not m.machine_ok
    assert candidate_drivers() == []
    (survey,) = survey_drivers() or []
    assert isinstance(survey.error, DriverArchitectureError) and not survey.usable


def test_both_backends_refuse_to_load_it(tmp_path: Path) -> None:
    from cgn_seal_desktop.ukey.pkcs11.driver import load_module
    from cgn_seal_desktop.ukey.skf.device import load_library

    lib32 = pe(tmp_path / "eps2003csp11.dll", 0x14C)
    with pytest.raises(DriverArchitectureError):
        load_module(str(lib32))
    with pytest.raises(DriverArchitectureError):
        load_library(str(lib32))
    with pytest.raises(ModuleLoadError):
        load_library(str(tmp_path / "missing.dll"))


def test_cli_tokens_names_the_problem(tmp_path: Path, ukey: TestUKey,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    # `tokens` asks every driver found: SoftHSM2 must be set up (``ukey``) before it loads.
    lib32 = elf(tmp_path / "libgm3000.so", bits=32, machine=3)
    main(["tokens", "--module", str(lib32), "--json"])
    chosen = json.loads(capsys.readouterr().out)["modules"][0]
    assert chosen["path"] == str(lib32) and chosen["machine"] == "x86"
    assert not chosen["machine_ok"] and chosen["error"]["code"] == "driver_architecture"
    main(["tokens", "--module", str(lib32)])
    assert "cannot be used" in capsys.readouterr().out
