"""Packaging: the PyInstaller spec, the WiX source (compiled with wixl), the self-test.

The slow test builds the real bundle with ``packaging/build_bundle.sh --msi`` and runs its
self-test (about a minute on two cores, see the README); the others take seconds.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import cgn_seal_desktop
from cgn_seal_desktop.bundle_check import CHECKS

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
#: Written down once; changing it would make Windows install a second copy beside the old one.
UPGRADE_CODE = "7C1B6E34-3F2A-4D8B-9E51-2A6C0D4F8B17"
WIX_NS = {"w": "http://schemas.microsoft.com/wix/2006/wi"}


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def stage() -> ModuleType:
    return _load(PACKAGING / "wix" / "stage.py")


# --- PyInstaller spec --------------------------------------------------------------------------


class _Target:
    """Stands in for PyInstaller's build targets: records what the spec declares."""

    made: list[_Target]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.scripts, self.pure, self.binaries, self.datas = ["entry"], [], [], []
        self.made.append(self)


def _record(kind: str, *args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return (kind, args, kwargs)


def test_spec_declares_two_executables_sharing_one_collect(tmp_path: Path) -> None:
    made: list[_Target] = []
    kinds = {name: type(name, (_Target,), {"made": made})
             for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    spec_path = PACKAGING / "cgn-seal.spec"
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "workpath": str(tmp_path),
                                 "__file__": str(spec_path), **kinds}
    exec(compile(spec_path.read_text("utf-8"), str(spec_path), "exec"), namespace)

    by_kind = {k: [t for t in made if type(t).__name__ == k] for k in kinds}
    (analysis,) = by_kind["Analysis"]
    exes = {e.kwargs["name"]: e for e in by_kind["EXE"]}
    assert {n: e.kwargs["console"] for n, e in exes.items()} == {
        "cgn-seal-desktop": False, "cgn-seal": True}
    (collect,) = by_kind["COLLECT"]
    assert set(collect.args[:2]) == set(exes.values())
    for exe in exes.values():
        assert exe.kwargs["exclude_binaries"] is True  # onedir
        icon = Path(exe.kwargs["icon"]).read_bytes()
        assert icon[:4] == b"\0\0\1\0"  # an .ico with every size from 16 to 256 px
        sizes = sorted(icon[6 + 16 * i] or 256 for i in range(icon[4]))
        assert sizes[0] <= 16 and sizes[-1] == 256 and len(sizes) >= 4, sizes
        version_text = Path(exe.kwargs["version"]).read_text("utf-8")
        # PyInstaller eval()s this file with its versioninfo classes (which need pefile, a
        # Windows-only dependency): evaluate it with recorders instead to prove it is well-formed.
        kinds_vi = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                    "StringStruct", "VarFileInfo", "VarStruct")
        recorders = {k: functools.partial(_record, k) for k in kinds_vi}
        assert eval(version_text, recorders)[0] == "VSVersionInfo"
        assert f"StringStruct('ProductVersion', '{cgn_seal_desktop.__version__}')" in version_text
        numbers = tuple(int(n) for n in cgn_seal_desktop.__version__.split("."))
        assert f"filevers={(*numbers, 0)}" in version_text

    assert analysis.args[0] == [str(PACKAGING / "entry.py")]
    datas = {(Path(src).name, dest) for src, dest in analysis.kwargs["datas"]}
    for sub in ("icons", "trust", "samples", "licenses"):
        assert (sub, f"resources/{sub}") in datas
    assert not any("screenshots" in dest for _, dest in datas)
    for qm in ("cgn_seal_desktop_zh_CN.qm", "cgn_seal_desktop_en.qm", "qtbase_zh_CN.qm"):
        assert (qm, "translations") in datas
    assert ("module_table.json", "cgn_seal_desktop/ukey") in datas
    assert any(dest.startswith("pyhanko/sign/validation/qualified") for _, dest in datas)
    assert any(src.startswith("keyring-") and src.endswith(".dist-info") for src, _ in datas)
    hidden = set(analysis.kwargs["hiddenimports"])
    assert {"keyring.backends.Windows", "uvicorn.loops.auto", "uvicorn.protocols.http.auto",
            "pkcs11.defaults", "cgn_seal_desktop.sandbox.server"} <= hidden
    excludes = set(analysis.kwargs["excludes"])
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
            "PySide6.QtMultimedia", "PySide6.QtSql", "PySide6.QtBluetooth"} <= excludes


def test_entry_point_calls_freeze_support_first() -> None:
    code = (PACKAGING / "entry.py").read_text("utf-8")
    body = code[code.index('if __name__ == "__main__":'):]
    assert body.index("multiprocessing.freeze_support()") < body.index("main()")


# --- WiX ---------------------------------------------------------------------------------------

_STAGED = [
    "cgn-seal-desktop.exe", "cgn-seal.exe", "_internal/python311.dll",
    "_internal/base_library.zip", "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/plugins/platforms/qwindows.dll", "_internal/pymupdf/mupdfcpp64.dll",
    "_internal/resources/icons/app.ico", "_internal/resources/samples/sample-signed.pdf",
    "_internal/translations/cgn_seal_desktop_zh_CN.qm", "_internal/translations/qtbase_zh_CN.qm",
    "_internal/cgn_seal_desktop/ukey/module_table.json",
]


@pytest.fixture(scope="module")
def built_msi(tmp_path_factory: pytest.TempPathFactory, stage: ModuleType) -> tuple[Path, Path]:
    """A staged tree shaped like the bundle, harvested and compiled with wixl."""
    tmp = tmp_path_factory.mktemp("wix")
    bundle = tmp / "cgn-seal-desktop"
    for rel in _STAGED:
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(f"dummy {rel}\n".encode())
    out = tmp / "gen"
    out.mkdir()
    stage.write_version_include(out)
    stage.write_license_rtf(out)
    stage.app_icon(out / "app.ico")
    stage.harvest(bundle, out)
    msi = tmp / "check.msi"
    try:
        stage.wixl_build(bundle, out, msi)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"wixl rejected the WiX source:\n{exc.stdout}\n{exc.stderr}")
    return msi, out


def _table(msi: Path, name: str) -> list[dict[str, str]]:
    """Rows of one MSI table (msiinfo from Debian's msitools)."""
    if shutil.which("msiinfo") is None:
        pytest.fail("msiinfo is missing: apt-get install msitools")
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True,
                          text=True, check=True).stdout
    lines = text.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[3:] if line]


def test_wixl_compiles_product_on_staged_tree(built_msi: tuple[Path, Path]) -> None:
    msi, _ = built_msi
    assert msi.stat().st_size > 10_000
    files = {row["FileName"].split("|")[-1] for row in _table(msi, "File")}
    assert {Path(rel).name for rel in _STAGED} <= files


def test_msi_is_per_machine_with_fixed_upgrade_code_and_version(
        built_msi: tuple[Path, Path]) -> None:
    msi, _ = built_msi
    props = {row["Property"]: row["Value"] for row in _table(msi, "Property")}
    assert props["ALLUSERS"] == "1"
    assert props["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    assert props["ProductVersion"] == cgn_seal_desktop.__version__
    assert props["ARPPRODUCTICON"] == "AppIcon.ico"
    assert "szca.com" in props["ARPHELPLINK"] and props["ARPHELPTELEPHONE"] == "400-112-3838"
    upgrades = _table(msi, "Upgrade")  # MajorUpgrade: one row finds older, one newer versions
    assert {r["ActionProperty"] for r in upgrades} == {"WIX_UPGRADE_DETECTED",
                                                      "WIX_DOWNGRADE_DETECTED"}
    dirs = {row["Directory"]: row for row in _table(msi, "Directory")}
    assert dirs["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"


def test_msi_shortcuts_and_no_file_associations(built_msi: tuple[Path, Path]) -> None:
    msi, _ = built_msi
    shortcuts = {row["Directory_"]: row for row in _table(msi, "Shortcut")}
    assert set(shortcuts) == {"ProgramMenuDir", "DesktopFolder"}
    for row in shortcuts.values():
        assert row["Target"] == "[INSTALLDIR]cgn-seal-desktop.exe"
        assert row["WkDir"] == "INSTALLDIR" and row["Icon_"] == "AppIcon.ico"
    tables = subprocess.run(["msiinfo", "tables", str(msi)], capture_output=True, text=True,
                            check=True).stdout.split()
    assert not {"Extension", "ProgId", "Verb", "MIME"} & set(tables)
    for row in _table(msi, "Registry"):
        assert ".pdf" not in row["Key"].lower() and "classes" not in row["Key"].lower()


def test_msi_refuses_old_windows_and_downgrades(built_msi: tuple[Path, Path]) -> None:
    msi, _ = built_msi
    conditions = {row["Condition"]: row["Description"] for row in _table(msi, "LaunchCondition")}
    assert conditions["Installed OR (WINDOWSBUILDNUMBER >= 17763)"].startswith(
        "[ProductName] needs 64-bit Windows 10 version 1809 (build 17763) or later")
    assert "newer version" in conditions["NOT WIX_DOWNGRADE_DETECTED"]
    (search,) = _table(msi, "AppSearch")
    assert search["Property"] == "WINDOWSBUILDNUMBER"
    (locator,) = _table(msi, "RegLocator")
    assert locator["Signature_"] == search["Signature_"]
    assert (locator["Root"], locator["Key"], locator["Name"]) == (
        "2", "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber")  # HKLM
    for table in ("InstallUISequence", "InstallExecuteSequence"):
        order = {row["Action"]: int(row["Sequence"]) for row in _table(msi, table)}
        # The properties the conditions test must be set before they are evaluated.
        assert order["FindRelatedProducts"] < order["LaunchConditions"], table
        assert order["AppSearch"] < order["LaunchConditions"], table


def test_product_source_fixed_upgrade_code_and_version_include(
        built_msi: tuple[Path, Path], stage: ModuleType) -> None:
    _, out = built_msi
    source = (PACKAGING / "wix" / "Product.wxs").read_text("utf-8")
    assert f'<?define UpgradeCode = "{UPGRADE_CODE}" ?>' in source
    assert stage.UPGRADE_CODE == UPGRADE_CODE
    include = (out / "Version.wxi").read_text("utf-8")
    assert f'<?define ProductVersion = "{cgn_seal_desktop.__version__}" ?>' in include
    assert stage.msi_version("2.3.1rc2") == "2.3.1"
    # The Chinese names the real WiX build uses (wixl gets ASCII ones, see Product.wxs).
    pre = subprocess.run(["wixl", "-E", "-I", str(out), "-D", "SourceDir=x", "-D",
                          "IconFile=x.ico", "-D", "Win64=yes", str(PACKAGING / "wix" /
                                                                    "Product.wxs")],
                         capture_output=True, text=True, check=True).stdout
    product = ET.fromstring(pre).find("w:Product", WIX_NS)
    assert product is not None
    assert product.get("Name") == "中广核电子签章助手 (CGN Seal Desktop)"
    assert product.get("Version") == cgn_seal_desktop.__version__
    assert product.get("Codepage") == "936"
    assert product.find("w:UIRef", WIX_NS) is None  # only with -dWithWixUI (Windows)
    (condition,) = product.findall("w:Condition", WIX_NS)  # hidden from wixl only (-D Wixl)
    assert condition.text == "Installed OR (WINDOWSBUILDNUMBER >= 17763)"
    message = condition.get("Message", "")
    assert "Windows 10 1809 版(内部版本 17763)" in message and "version 1809" in message


def test_licence_rtf_holds_the_agpl(built_msi: tuple[Path, Path]) -> None:
    _, out = built_msi
    rtf = (out / "License.rtf").read_text("ascii")
    assert rtf.startswith("{\\rtf1") and "GNU AFFERO GENERAL PUBLIC LICENSE" in rtf
    unescaped = re.sub(r"\\[{}\\]", "", rtf)
    assert unescaped.count("{") == unescaped.count("}")


# --- self-test and its sample -------------------------------------------------------------------


def test_make_sample_writes_a_pdf_that_verifies(tmp_path: Path) -> None:
    from cgn_seal_desktop.seal.trust import TrustStore
    from cgn_seal_desktop.seal.verify import verify_pdf

    root, pdf = _load(PACKAGING / "make_sample.py").make_sample(tmp_path)
    assert verify_pdf(pdf, TrustStore.load([root], bundled=False, user=False)).verdict == "valid"
    report = verify_pdf(pdf, TrustStore.load([ROOT / "resources/samples/sample-root.pem"],
                                             bundled=False, user=False))
    assert [s.status for s in report.signatures] == ["untrusted"]  # each run: a new root


def _run_self_test(cmd: list[str], tmp_path: Path, timeout: int,
                   **extra_env: str) -> tuple[int, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CGN_SEAL_HOME": str(tmp_path),
           **extra_env}
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=timeout, cwd=ROOT)
    return proc.returncode, proc.stdout + proc.stderr


def _check_lines(output: str) -> dict[str, str]:
    return {m.group(2): m.group(1)
            for m in re.finditer(r"^(ok|FAIL)\s+(\S+)\s", output, re.M)}


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    # Piped in a legacy code page, as on an English Windows (see tests/test_consoleio.py).
    rc, output = _run_self_test([sys.executable, "-m", "cgn_seal_desktop", "--self-test"],
                                tmp_path, timeout=240, PYTHONIOENCODING="cp1252")
    assert _check_lines(output) == {name: "ok" for name, _ in CHECKS}, output
    assert rc == 0, output


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_bundle_builds_and_its_self_test_passes(tmp_path: Path) -> None:
    proc = subprocess.run(["bash", str(PACKAGING / "build_bundle.sh"), "--msi"],
                          capture_output=True, text=True, timeout=1700, cwd=ROOT)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert _check_lines(output) == {name: "ok" for name, _ in CHECKS}, output[-4000:]
    bundle = PACKAGING / "build" / "dist" / "cgn-seal-desktop"
    assert (bundle / "cgn-seal").is_file() and (bundle / "cgn-seal-desktop").is_file()
    assert (PACKAGING / "build" / "wixl-check.msi").stat().st_size > 50_000_000
    # The bundle's CLI verifies the sample with its bundled root, without the source tree.
    sample = bundle / "_internal" / "resources" / "samples"
    rc, out = _run_self_test([str(bundle / "cgn-seal"), "verify", str(sample / "sample-signed.pdf"),
                              "--trust", str(sample / "sample-root.pem")], tmp_path, timeout=120)
    assert rc == 0 and "签名有效" in out, out


def test_windows_ui_fragment_shows_the_agpl_licence() -> None:
    ui = ET.parse(PACKAGING / "wix" / "UI.wxs").getroot()
    fragment = ui.find("w:Fragment", WIX_NS)
    assert fragment is not None
    refs = {r.get("Id") for r in fragment.iterfind("w:UI/w:UIRef", WIX_NS)}
    assert "WixUI_Minimal" in refs
    variable = fragment.find("w:WixVariable", WIX_NS)
    assert variable is not None and variable.get("Id") == "WixUILicenseRtf"
    build = (PACKAGING / "windows" / "build.ps1").read_text("utf-8")
    assert "-dWithWixUI=1" in build and "WixUIExtension" in build and "-dLicenseRtf=" in build


def test_windows_scripts_stop_on_native_failures_and_test_the_msi() -> None:
    build = (PACKAGING / "windows" / "build.ps1").read_text("utf-8")
    lines = build.splitlines()
    # PowerShell does not stop on a native command's exit code: every direct call checks it.
    for i, line in enumerate(lines):
        if re.match(r"\s*(\$\w+\s*=\s*)?& ", line) and "@Arguments" not in line:
            assert "$LASTEXITCODE" in "\n".join(lines[i:i + 3]), line
    assert '"choco"' in build and "-SuccessCodes @(0, 1641, 3010)" in build
    workflow = (PACKAGING / "windows" / "ci-windows.yml").read_text("utf-8")
    assert "./packaging/windows/test-msi.ps1 @params" in workflow
    assert "if: failure()" in workflow and "logs/" in workflow
    assert "@(0, 1641, 3010) -notcontains $LASTEXITCODE" in workflow  # choco in the workflow
    test = (PACKAGING / "windows" / "test-msi.ps1").read_text("utf-8")
    for needle in ('Join-Path $env:ProgramData "Microsoft\\Windows\\Start Menu\\Programs\\',
                   'Join-Path $env:PUBLIC "Desktop\\', '@("--self-test")', '"/x"',
                   "-ne 1603"):
        assert needle in test, needle
    assert test.isascii()  # Windows PowerShell 5.1 reads a BOM-less script as ANSI
