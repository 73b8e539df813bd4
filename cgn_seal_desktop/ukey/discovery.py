"""Finding UKEY drivers (PKCS#11 modules and SKF libraries) on this computer.

Order: the path the user configured, then ``CGN_SEAL_PKCS11_MODULE`` and ``CGN_SEAL_SKF_MODULE``
(for scripting and tests), then the vendor table in ``module_table.json`` for the running
platform. The table is data so a new vendor is one JSON entry; its ``interface`` picks the token
backend (``ukey.service``).

Before a driver is offered its file header is read (PE on Windows, ELF elsewhere): a driver
built for another processor type — typically a 32-bit DLL, which this 64-bit program cannot
load ("Bad EXE format") — is listed with ``machine_ok`` false and the advice to install the
vendor's 64-bit driver, never offered for use.
"""

from __future__ import annotations

import json
import os
import re
import sys
import sysconfig
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "ModuleCandidate",
    "VendorEntry",
    "check_driver_file",
    "current_platform",
    "driver_machine",
    "find_modules",
    "load_vendor_table",
    "process_machine",
    "vendor_for",
]

Platform = Literal["windows", "linux", "darwin"]
Source = Literal["user", "env", "table"]

#: Environment variables naming a driver for scripting and tests, by interface.
ENV_DRIVERS = (("CGN_SEAL_PKCS11_MODULE", "pkcs11"), ("CGN_SEAL_SKF_MODULE", "skf"))


@dataclass(frozen=True)
class VendorEntry:
    """One row of the vendor table."""

    id: str
    vendor: str
    product: str
    interface: str = "pkcs11"
    files: dict[str, list[str]] = field(default_factory=dict)
    dirs: dict[str, list[str]] = field(default_factory=dict)
    mechanisms: dict[str, str] = field(default_factory=dict)
    vendor_mechanisms: dict[str, str] = field(default_factory=dict)
    test_only: bool = False


@dataclass(frozen=True)
class ModuleCandidate:
    """A driver file that exists on this computer (or the configured one, which may not)."""

    path: str
    source: Source
    vendor: VendorEntry | None = None
    exists: bool = True
    #: the driver file's processor type ("x64", "x86", "arm64"…; "" when not recognised)
    machine: str = ""
    #: whether this program can load it (False: built for another processor type)
    machine_ok: bool = True
    #: the interface when no table entry says it (a driver named by environment variable)
    default_interface: str = "pkcs11"

    @property
    def interface(self) -> str:
        return self.vendor.interface if self.vendor else self.default_interface

    @property
    def usable(self) -> bool:
        """The file is there and this program can load it."""
        return self.exists and self.machine_ok

    @property
    def display_name(self) -> str:
        if self.vendor:
            v = self.vendor
            return v.product if v.product.startswith(v.vendor) else f"{v.vendor} {v.product}"
        return Path(self.path).name


def current_platform() -> Platform:
    """The vendor table's name for the running OS."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


@lru_cache(maxsize=1)
def load_vendor_table() -> tuple[VendorEntry, ...]:
    """Parse the bundled vendor table (cached)."""
    text = resources.files("cgn_seal_desktop.ukey").joinpath("module_table.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    known = set(VendorEntry.__dataclass_fields__)
    return tuple(VendorEntry(**{k: v for k, v in e.items() if k in known}) for e in raw["modules"])


def _expand(directory: str) -> Path | None:
    """Expand Windows-style ``%VAR%`` (on every OS, so the table is testable anywhere)."""
    env = {k.upper(): v for k, v in os.environ.items()}
    missing = False

    def repl(m: re.Match[str]) -> str:
        nonlocal missing
        value = env.get(m.group(1).upper())
        if value is None:
            missing = True
            return m.group(0)
        return value

    expanded = re.sub(r"%([^%]+)%", repl, directory)
    if missing:  # e.g. %ProgramFiles(x86)% on 32-bit Windows: that directory cannot exist
        return None
    if os.sep == "/":
        expanded = expanded.replace("\\", "/")
    return Path(expanded)


_PE_MACHINES = {0x014C: "x86", 0x8664: "x64", 0xAA64: "arm64", 0x01C4: "arm", 0x0200: "ia64"}
_ELF_MACHINES = {3: "x86", 62: "x64", 183: "arm64", 40: "arm"}


def driver_machine(path: str | Path) -> str:
    """The processor type a driver file is built for, from its PE or ELF header ("" unknown)."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
            if head[:2] == b"MZ" and len(head) >= 64:
                f.seek(int.from_bytes(head[0x3C:0x40], "little"))
                pe = f.read(6)
                if pe[:4] == b"PE\0\0":
                    code = int.from_bytes(pe[4:6], "little")
                    return _PE_MACHINES.get(code, f"0x{code:04x}")
                return ""
            if head[:4] == b"\x7fELF" and len(head) >= 20:
                order: Literal["little", "big"] = "little" if head[5] == 1 else "big"
                code = int.from_bytes(head[18:20], order)
                if code == 62 and head[4] == 1:
                    return "x32"  # x86-64 code with 32-bit pointers: not loadable either
                return _ELF_MACHINES.get(code, f"elf-{code}")
    except OSError:
        return ""
    return ""


def process_machine() -> str:
    """The processor type of this Python process (what a driver must be built for)."""
    plat = sysconfig.get_platform().lower()
    bits64 = sys.maxsize > 2**32
    if "arm64" in plat or "aarch64" in plat:
        return "arm64"
    if "amd64" in plat or "x86_64" in plat:
        return "x64" if bits64 else "x86"
    if plat in ("win32",) or plat.endswith(("-i686", "-i386")):
        return "x86"
    if "arm" in plat:
        return "arm"
    return ""


def _machine_ok(machine: str) -> bool:
    running = process_machine()
    return not machine or not running or machine == running


def check_driver_file(path: str) -> None:
    """Raise the typed reason why the driver at *path* cannot be loaded here, if any.

    :class:`~cgn_seal_desktop.ukey.errors.DriverArchitectureError` for a driver built for
    another processor type (checked before loading, so the user hears "32-bit driver" and not
    Windows' "Bad EXE format").
    """
    from cgn_seal_desktop.ukey.errors import DriverArchitectureError, ModuleLoadError

    if not Path(path).is_file():
        raise ModuleLoadError(f"UKEY driver not found: {path}", path=path)
    machine = driver_machine(path)
    if not _machine_ok(machine):
        bits = "32-bit" if machine in ("x86", "arm", "x32") else machine
        raise DriverArchitectureError(
            f"{Path(path).name} is a {bits} driver, which this {process_machine()} program "
            f"cannot load: install the vendor's 64-bit driver", path=path, machine=machine)


def _vendor_for(
    path: str, table: tuple[VendorEntry, ...], platform: Platform
) -> VendorEntry | None:
    # The running platform's names first; any platform's as a fallback (a .dll path on Linux
    # still tells the user which vendor it is).
    name = Path(path).name.lower()
    for platforms in ([platform], list(entry_platforms(table))):
        for entry in table:
            for plat in platforms:
                if name in (f.lower() for f in entry.files.get(plat, [])):
                    return entry
    return None


def vendor_for(path: str, platform: Platform | None = None) -> VendorEntry | None:
    """The vendor table's entry for the driver file *path* (by file name), if any."""
    return _vendor_for(path, load_vendor_table(), platform or current_platform())


def entry_platforms(table: tuple[VendorEntry, ...]) -> set[str]:
    return {p for e in table for p in e.files}


def find_modules(
    user_path: str | None = None,
    *,
    platform: Platform | None = None,
    include_test_modules: bool = True,
    extra_dirs: list[str] | None = None,
) -> list[ModuleCandidate]:
    """List the UKEY drivers found, most preferred first, without loading any of them.

    A configured *user_path* is always listed first, with ``exists=False`` if the file is gone, so
    the UI can say so. Table entries are listed only when their file exists. Duplicates (same
    resolved file) are dropped.
    """
    platform = platform or current_platform()
    table = load_vendor_table()
    found: list[ModuleCandidate] = []
    seen: set[str] = set()

    def add(path: str, source: Source, vendor: VendorEntry | None, exists: bool,
            interface: str = "pkcs11") -> None:
        key = os.path.normcase(os.path.realpath(path)) if exists else path
        if key in seen:
            return
        seen.add(key)
        machine = driver_machine(path) if exists else ""
        found.append(ModuleCandidate(path=path, source=source, vendor=vendor, exists=exists,
                                     machine=machine, machine_ok=_machine_ok(machine),
                                     default_interface=interface))

    if user_path:
        add(user_path, "user", _vendor_for(user_path, table, platform), Path(user_path).is_file(),
            sniff_interface(user_path))
    for variable, interface in ENV_DRIVERS:
        env_path = os.environ.get(variable)
        if env_path:
            add(env_path, "env", _vendor_for(env_path, table, platform),
                Path(env_path).is_file(), interface)

    later: list[tuple[str, VendorEntry]] = []
    for entry in table:
        if entry.test_only and not include_test_modules:
            continue
        dirs = [*entry.dirs.get(platform, []), *(extra_dirs or [])]
        for directory in dirs:
            base = _expand(directory)
            if base is None:
                continue
            for filename in entry.files.get(platform, []):
                candidate = base / filename
                if candidate.is_file():
                    # Real vendors first, SoftHSM and other test modules after them.
                    if entry.test_only:
                        later.append((str(candidate), entry))
                    else:
                        add(str(candidate), "table", entry, True)
    for path, entry in later:
        add(path, "table", entry, True)
    return found


def sniff_interface(path: str) -> str:
    """``"skf"`` when the driver file exports SKF functions and no PKCS#11 ones, else
    ``"pkcs11"`` (read from the file's bytes: a chosen file not in the vendor table)."""
    try:
        with open(path, "rb") as f:
            data = f.read(32 << 20)  # export names sit in the first megabytes of any driver
    except OSError:
        return "pkcs11"
    if b"SKF_ConnectDev" in data and b"C_GetFunctionList" not in data:
        return "skf"
    return "pkcs11"
