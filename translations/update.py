"""Refresh the Qt translation files: lupdate → fill from the JSON tables → lrelease.

Run from anywhere (no Qt import; the Linguist tools ship with PySide6-Essentials)::

    python translations/update.py            # update .ts, fill, compile .qm, list what is missing
    python translations/update.py --check    # same, but exit 1 if a zh_CN string is untranslated

Sources: every ``.py`` under ``cgn_seal_desktop/ui/`` plus any other module of the package that
calls ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``. Translations are kept in
``zh_CN.json`` (and ``en.json`` for English wording that differs from the source, e.g. plural
forms) as ``{context: {source: translation}}``; the ``"*"`` context holds translations shared by
every context. The tables are the truth: strings that vanish from the code leave the ``.ts``
(``-no-obsolete``) but stay in the table, so re-running is idempotent and a string that comes
back keeps its translation. A source with a disambiguation comment is keyed ``source [[comment]]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LOCALES", "find_tool", "main", "source_files", "update"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = ROOT / "cgn_seal_desktop"
BASENAME = "cgn_seal_desktop"
LOCALES = ("zh_CN", "en")
# Locales whose every message must be translated (English falls back to the source text).
REQUIRED = ("zh_CN",)
_USES_TR = re.compile(r"QCoreApplication\.translate|QT_TRANSLATE_NOOP|QT_TR_NOOP|\.tr\(")


def find_tool(name: str) -> str:
    """Path of the Qt tool *name* (``lupdate``/``lrelease``).

    Order: ``$LUPDATE``/``$LRELEASE``, the binary inside the installed PySide6 package (found
    without importing Qt), ``pyside6-<name>`` and ``<name>`` on ``PATH``.
    """
    env = os.environ.get(name.upper())
    if env:
        return env
    spec = importlib.util.find_spec("PySide6")
    exe = name + (".exe" if sys.platform == "win32" else "")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(loc) / exe
        if candidate.is_file():
            return str(candidate)
    for cmd in (f"pyside6-{name}", name):
        found = shutil.which(cmd)
        if found:
            return found
    raise SystemExit(f"{name} not found: install PySide6-Essentials or set ${name.upper()}")


def source_files() -> list[Path]:
    """Python files that may hold translatable strings, sorted."""
    ui = PACKAGE / "ui"
    files = set(ui.rglob("*.py"))
    for path in PACKAGE.rglob("*.py"):
        if ui not in path.parents and _USES_TR.search(path.read_text(encoding="utf-8")):
            files.add(path)
    return sorted(p for p in files if "__pycache__" not in p.parts)


def ts_path(locale: str) -> Path:
    """The ``.ts`` file of *locale*."""
    return HERE / f"{BASENAME}_{locale}.ts"


def table_path(locale: str) -> Path:
    """The JSON translation table of *locale*."""
    return HERE / f"{locale}.json"


def load_table(locale: str) -> dict[str, dict[str, str | list[str]]]:
    """The table of *locale* (empty when there is none)."""
    path = table_path(locale)
    if not path.exists():
        return {}
    data: dict[str, dict[str, str | list[str]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def message_key(msg: ET.Element) -> str:
    """Table key of a ``<message>``: its source, plus ``[[comment]]`` when disambiguated."""
    source = msg.findtext("source") or ""
    comment = msg.findtext("comment")
    return f"{source} [[{comment}]]" if comment else source


@dataclass
class FillResult:
    """What :func:`fill` did to one ``.ts`` file."""

    total: int = 0
    finished: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (context, key)


def _lookup(table: dict[str, dict[str, str | list[str]]], context: str, key: str
            ) -> str | list[str] | None:
    for ctx in (context, "*"):
        value = table.get(ctx, {}).get(key)
        if value:
            return value
    return None


def fill(locale: str, identity: bool) -> FillResult:
    """Write the table's translations into the ``.ts`` of *locale* and mark them finished.

    With *identity* (English), messages without a table entry get their source text.
    Messages with neither stay ``unfinished`` and are reported in ``missing``.
    """
    path = ts_path(locale)
    table = load_table(locale)
    tree = ET.parse(path)
    result = FillResult()
    for ctx in tree.getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            result.total += 1
            key = message_key(msg)
            source = msg.findtext("source") or ""
            numerus = msg.get("numerus") == "yes"
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            value = _lookup(table, context, key)
            if value is None and identity:
                value = source
            if value is None:
                result.missing.append((context, key))
                continue
            tr.attrib.pop("type", None)
            if numerus:
                forms = value if isinstance(value, list) else [value]
                if identity and len(forms) == 1:
                    forms = forms * 2  # English has singular and plural forms
                for old in list(tr):
                    tr.remove(old)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value if isinstance(value, str) else value[0]
            result.finished += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return result


def lupdate(locale: str, files: list[Path]) -> None:
    """Extract strings from *files* into the ``.ts`` of *locale* (dropping vanished ones)."""
    lst = HERE / f".sources_{locale}.lst"
    lst.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    try:
        subprocess.run(
            [find_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
             "-source-language", "en", "-target-language", locale, f"@{lst}",
             "-ts", str(ts_path(locale))],
            check=True)
    finally:
        lst.unlink(missing_ok=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile *ts* to *qm*; unfinished messages are left out (Qt then shows the source)."""
    subprocess.run([find_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True)


def update() -> dict[str, FillResult]:
    """The whole cycle for every locale; returns the fill result per locale."""
    files = source_files()
    results: dict[str, FillResult] = {}
    for locale in LOCALES:
        lupdate(locale, files)
        results[locale] = fill(locale, identity=locale not in REQUIRED)
        lupdate(locale, files)  # back to lupdate's own layout, so diffs stay small
        lrelease(ts_path(locale), ts_path(locale).with_suffix(".qm"))
    return results


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a required locale has untranslated messages")
    parser.add_argument("--missing-json", type=Path,
                        help="write the untranslated zh_CN messages as a JSON table skeleton")
    args = parser.parse_args(argv)
    results = update()
    failed = False
    for locale, res in results.items():
        print(f"{locale}: {res.finished}/{res.total} messages translated")
        if res.missing and locale in REQUIRED:
            failed = True
            for context, key in res.missing:
                print(f"  missing [{context}] {key}")
    if args.missing_json:
        skeleton: dict[str, dict[str, str]] = {}
        for context, key in results["zh_CN"].missing:
            skeleton.setdefault(context, {})[key] = ""
        args.missing_json.write_text(json.dumps(skeleton, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
