"""The package rules of DESIGN.md, read from the code (imports inside functions included).

- Qt (PySide6, shiboken6) only under ``ui/`` and in the bundle self-test (``bundle_check.py``).
- ``portal`` never imports ``sandbox``; ``ukey`` never imports ``seal``; no core package (nor
  the environment check's rules, nor the neutral top-level modules) imports ``ui`` or the
  command line.
- ``ui`` reaches PKCS#11, pyHanko, GmSSL, httpx and keyring only through the core, never directly.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cgn_seal_desktop"
CORE = ("ukey", "seal", "documents", "portal", "sandbox", "demo", "envcheck", "fsutil",
        "identifiers", "settings", "paths", "logsetup", "errors")


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module *path* imports, anywhere in the file, as an absolute dotted name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    package = list(rel.parts[:-1])  # the package a relative import starts from
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:  # `from pkg import module`
                yield node.lineno, f"{module}.{alias.name}"


def _area(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _violations() -> list[str]:
    rules: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
        # (who, may not import any of, except areas)
        ("qt", ("PySide6", "shiboken6"), ("ui", "bundle_check")),
        ("portal", ("cgn_seal_desktop.sandbox",), ()),
        ("ukey", ("cgn_seal_desktop.seal",), ()),
        ("core", ("cgn_seal_desktop.ui", "cgn_seal_desktop.cli",
                  "cgn_seal_desktop.cli_commands"), ()),
        ("ui", ("pkcs11", "pyhanko", "pyhanko_certvalidator", "httpx", "keyring", "gmssl_pyx"),
         ()),
    ]
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        area = _area(path)
        for lineno, name in _imports(path):
            for who, banned, allowed in rules:
                applies = {"qt": area not in allowed, "core": area in CORE}.get(who, area == who)
                if applies and any(name == b or name.startswith(b + ".") for b in banned):
                    found.append(f"{path.relative_to(PACKAGE)}:{lineno} [{who}] {name}")
    return sorted(set(found))


def test_package_rules_hold() -> None:
    assert _violations() == []


@pytest.mark.parametrize(("source", "expected"), [
    ("from PySide6.QtCore import QObject", "[qt] PySide6.QtCore"),
    ("def f():\n    import keyring\n", "[ui] keyring"),
])
def test_the_rules_see_imports_inside_functions(tmp_path: Path, source: str,
                                                expected: str) -> None:
    # A file placed where the rule applies must be reported (the checker can fail).
    target = PACKAGE / ("ukey" if "qt" in expected else "ui") / "_arch_probe.py"
    target.write_text(source, encoding="utf-8")
    try:
        assert any(expected in v for v in _violations())
    finally:
        target.unlink()
