"""Which language the program speaks, and where its ``.qm`` translation files are.

The ``language`` setting is ``zh_CN``, ``en``, or ``system`` (also an empty or unknown value):
``system`` follows the operating system's UI languages — any Chinese becomes ``zh_CN`` (only
Simplified Chinese is translated), English becomes ``en`` — and everything else falls back to
Simplified Chinese, the language of the program's users. Qt's own dialogs (file dialogs, message
box buttons) are translated by ``qtbase_<locale>.qm``, looked up in Qt's translations directory
and, for bundles that put them there, beside the program's own ``.qm`` files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale

from cgn_seal_desktop import paths

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "SYSTEM",
    "qt_translations_dirs",
    "resolve_language",
    "translation_files",
]

DEFAULT_LANGUAGE = "zh_CN"
SYSTEM = "system"
#: Languages the program is translated into: (code, name in that language).
LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))
_CODES = {code for code, _name in LANGUAGES}


def resolve_language(setting: str, ui_languages: Iterable[str] | None = None) -> str:
    """The language code to load for the ``language`` *setting*.

    *ui_languages* are BCP-47 names in order of preference (default: the system's,
    ``QLocale.system().uiLanguages()``); they are consulted only when *setting* is not one of
    :data:`LANGUAGES`. Always returns a code from :data:`LANGUAGES`.
    """
    if setting in _CODES:
        return setting
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    for name in ui_languages:
        primary = name.replace("_", "-").split("-")[0].lower()
        if primary == "zh":
            return "zh_CN"
        if primary == "en":
            return "en"
    return DEFAULT_LANGUAGE


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_*.qm`` may be: Qt's directory, then the program's."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [qt_dir, paths.translations_dir()]


def translation_files(language: str) -> list[Path]:
    """Existing ``.qm`` files to install for *language*, program's first, then Qt's.

    English gets only the program's file (its plural forms; Qt's own texts are English). A
    missing file is left out — the program then shows the source text for what it covers.
    """
    files: list[Path] = []
    own = paths.translations_dir() / f"cgn_seal_desktop_{language}.qm"
    if own.is_file():
        files.append(own)
    if language.startswith("en"):
        return files
    for directory in qt_translations_dirs():
        qtbase = directory / f"qtbase_{language}.qm"
        if qtbase.is_file():
            files.append(qtbase)
            break
    return files
