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
import ast
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

__all__ = ["LOCALES", "find_tool", "hidden_strings", "main", "source_files", "update",
           "write_supplement"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = ROOT / "cgn_seal_desktop"
BASENAME = "cgn_seal_desktop"
LOCALES = ("zh_CN", "en")
# Locales whose every message must be translated (English falls back to the source text).
REQUIRED = ("zh_CN",)
_USES_TR = re.compile(r"QCoreApplication\.translate|QT_TRANSLATE_NOOP|QT_TR_NOOP|\.tr\(")
SUPPLEMENT = HERE / "lupdate_supplement.py"


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


class _HiddenFinder(ast.NodeVisitor):
    """Finds translated literals lupdate's Python parser misses (see :func:`hidden_strings`)."""

    def __init__(self, helpers: dict[str, str]) -> None:
        self.helpers = helpers
        self.classes: list[str] = []
        self.fstring_depth = 0
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.fstring_depth += 1
        self.generic_visit(node)
        self.fstring_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                for a in node.args]
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.helpers and args and args[0]:
            self.found.add((self.helpers[func.id], args[0]))
        elif self.fstring_depth and isinstance(func, ast.Attribute):
            if func.attr == "tr" and self.classes and args and args[0]:
                self.found.add((self.classes[-1], args[0]))
            elif func.attr == "translate" and len(args) >= 2 and args[0] and args[1]:
                self.found.add((args[0], args[1]))
        self.generic_visit(node)


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return QCoreApplication.translate("Ctx", text)`` → {f: Ctx}."""
    consts = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
              and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
              for t in n.targets if isinstance(t, ast.Name)}
    helpers: dict[str, str] = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
            continue
        param = fn.args.args[0].arg
        for node in ast.walk(fn):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2):
                continue
            ctx, text = node.args[0], node.args[1]
            context = (ctx.value if isinstance(ctx, ast.Constant) else
                       consts.get(ctx.id) if isinstance(ctx, ast.Name) else None)
            if isinstance(context, str) and isinstance(text, ast.Name) and text.id == param:
                helpers[fn.name] = context
    return helpers


def hidden_strings(files: list[Path]) -> list[tuple[str, str]]:
    """(context, source) pairs translated at run time that lupdate cannot see in *files*.

    Two idioms: a module-level helper ``_tr("text")`` that calls
    ``QCoreApplication.translate("Ctx", text)``, and ``self.tr("text")`` inside an f-string.
    """
    found: set[tuple[str, str]] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        finder = _HiddenFinder(_translate_helpers(tree))
        finder.visit(tree)
        found |= finder.found
    return sorted(found)


def write_supplement(files: list[Path], target: Path = SUPPLEMENT) -> Path:
    """Write :func:`hidden_strings` as ``QT_TRANSLATE_NOOP`` lines lupdate reads; returns it."""
    lines = ["# Generated by translations/update.py: strings the code translates through a",
             "# helper or inside an f-string, which lupdate cannot see. Do not edit.",
             "# ruff: noqa: E501", "from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, "
              f"{json.dumps(t, ensure_ascii=False)})" for c, t in hidden_strings(files)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


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
    reused: list[tuple[str, str]] = field(default_factory=list)  # taken from another context


def _lookup(table: dict[str, dict[str, str | list[str]]], context: str, key: str
            ) -> str | list[str] | None:
    for ctx in (context, "*"):
        value = table.get(ctx, {}).get(key)
        if value:
            return value
    return None


def _moved(table: dict[str, dict[str, str | list[str]]], key: str) -> str | list[str] | None:
    """The translation of *key* in other contexts, when they all agree (code moved classes)."""
    values = [v[key] for v in table.values() if v.get(key)]
    if values and all(v == values[0] for v in values):
        return values[0]
    return None


def fill(locale: str, identity: bool) -> FillResult:
    """Write the table's translations into the ``.ts`` of *locale* and mark them finished.

    With *identity* (English), messages without a table entry get their source text.
    A message whose source is translated identically in every other context that has it (the
    code moved to another class) gets that translation, which is added to the table too and
    reported in ``reused``. Messages with neither stay ``unfinished`` and are reported in
    ``missing``.
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
            if value is None and not identity:
                value = _moved(table, key)
                if value is not None:
                    table.setdefault(context, {})[key] = value
                    result.reused.append((context, key))
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
    if result.reused:
        table_path(locale).write_text(
            json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8")
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
    files.append(write_supplement(files))
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
        for context, key in res.reused:
            print(f"  reused in [{context}] (same text elsewhere): {key}")
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
