"""Translations: complete zh_CN, identical placeholders, .qm built from the .ts, no clipped text.

The clipping check runs the real application set-up (``ui.app.create_application``: Fusion
style, CJK UI font, translators from the ``language`` setting) in a subprocess per language and
scale, because ``QT_SCALE_FACTOR`` cannot change once a QApplication exists; the offscreen
screen is configured as 1920x1080, so dialogs get the room (two thirds of the screen at most)
they would get on a real 1080p monitor. Run this file as a
script (``python tests/ui/test_translations.py zh_CN``) to print what the probe measures.

Clipping rule, for every visible widget of every main-window page and wizard page:

* QLabel (plain text, no word wrap): the widest line's ``horizontalAdvance`` plus the label's
  margin and indent fits ``contentsRect().width()``, and its lines fit the height.
* QPushButton / QCheckBox / QRadioButton: text plus icon fits the style's contents rectangle
  (``SE_PushButtonContents`` / ``SE_CheckBoxContents`` / ``SE_RadioButtonContents``).
* QToolButton showing text: ``sizeHint().width()`` fits ``width()``.
* QGroupBox: ``minimumSizeHint().width()`` (which includes the title) fits ``width()``.
* QTabBar: each tab's text plus ``PM_TabBarTabHSpace`` fits its ``tabRect``.
* Navigation list items: text plus the style-sheet padding fits the list's viewport.

Skipped on purpose: word-wrapped labels (they wrap instead of clipping), rich-text labels with
word wrap, widgets whose text is empty, icon-only tool buttons, and widgets marked as eliding on
purpose with the dynamic property ``elide`` (``widget.setProperty("elide", True)``; the widget
must then show the full text in its tool tip).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
ZH_TS = TRANSLATIONS / "cgn_seal_desktop_zh_CN.ts"
EN_TS = TRANSLATIONS / "cgn_seal_desktop_en.ts"
_PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")
_MNEMONIC = re.compile(r"&(?!&)\S")


def _update_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cgn_translations_update",
                                                  TRANSLATIONS / "update.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _translations(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def _unfinished(ts: Path) -> list[str]:
    bad = []
    for context, msg in _messages(ts):
        tr = msg.find("translation")
        texts = _translations(msg)
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") \
                or not texts or not all(t.strip() for t in texts):
            bad.append(f"[{context}] {msg.findtext('source')}")
    return bad


# --- the .ts files ---------------------------------------------------------------------------


def test_zh_cn_ts_is_complete() -> None:
    """Every message in the committed zh_CN .ts has a finished, non-empty translation."""
    messages = _messages(ZH_TS)
    assert len(messages) > 100
    assert _unfinished(ZH_TS) == []
    root = ET.parse(ZH_TS).getroot()
    assert root.get("language") == "zh_CN"
    assert root.get("sourcelanguage") == "en"


def test_every_source_string_has_a_zh_cn_translation(tmp_path: Path) -> None:
    """lupdate over today's sources adds no untranslated message to the committed .ts."""
    update = _update_module()
    fresh = tmp_path / ZH_TS.name
    shutil.copy(ZH_TS, fresh)
    lst = tmp_path / "sources.lst"
    files = update.source_files()
    files.append(update.write_supplement(files, tmp_path / "supplement.py"))
    lst.write_text("\n".join(str(p) for p in files) + "\n", encoding="utf-8")
    subprocess.run([update.find_tool("lupdate"), "-silent", "-no-obsolete", "-locations",
                    "none", f"@{lst}", "-ts", str(fresh)], check=True)
    missing = _unfinished(fresh)
    assert missing == [], "run `python translations/update.py` and translate:\n" + "\n".join(
        missing)
    # And nothing translated in the .ts is gone from the code (the .ts is not stale).
    assert len(_messages(fresh)) == len(_messages(ZH_TS))


def test_helper_and_fstring_translations_reach_lupdate(tmp_path: Path) -> None:
    """Strings translated through a ``_tr`` helper or inside an f-string get their context."""
    update = _update_module()
    src = tmp_path / "m.py"
    src.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "_CTX = 'Table'\n"
        "def _tr(text):\n    return QCoreApplication.translate('Dialogs', text)\n"
        "def tr(text):\n    return QCoreApplication.translate(_CTX, text)\n"
        "class Page:\n"
        "    def f(self, n):\n"
        "        return f\"<b>{self.tr('Progress')}</b>\", _tr('Open PDF'), tr('Row'), _tr(n)\n",
        encoding="utf-8")
    assert update.hidden_strings([src]) == [
        ("Dialogs", "Open PDF"), ("Page", "Progress"), ("Table", "Row")]
    ts = tmp_path / "x.ts"
    subprocess.run([update.find_tool("lupdate"), "-silent", str(update.write_supplement(
        [src], tmp_path / "supplement.py")), "-ts", str(ts)], check=True)
    assert sorted((c, m.findtext("source")) for c, m in _messages(ts)) == [
        ("Dialogs", "Open PDF"), ("Page", "Progress"), ("Table", "Row")]


def test_moved_string_reuses_only_an_unambiguous_translation() -> None:
    update = _update_module()
    table = {"A": {"Open": "打开", "Check": "检查项"}, "B": {"Open": "打开", "Check": "检测"}}
    assert update._moved(table, "Open") == "打开"
    assert update._moved(table, "Check") is None  # two meanings: a person must choose
    assert update._moved(table, "Close") is None


def test_lupdate_sees_no_unknown_context() -> None:
    """A message without a class context cannot be found at run time (tr via another object)."""
    contexts = {context for context, _ in _messages(ZH_TS)}
    assert "" not in contexts, "use QCoreApplication.translate('Class', ...) outside classes"
    odd = sorted(c for c in contexts if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", c))
    assert odd == [], f"contexts lupdate could not name after a class: {odd}"


@pytest.mark.parametrize("ts", [ZH_TS, EN_TS], ids=["zh_CN", "en"])
def test_placeholders_identical(ts: Path) -> None:
    """%1, %n, {name} appear in the translation exactly as often as in the source."""
    wrong = []
    for context, msg in _messages(ts):
        source = msg.findtext("source") or ""
        want = Counter(_PLACEHOLDER.findall(source))
        for text in _translations(msg):
            if text and Counter(_PLACEHOLDER.findall(text)) != want:
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_table_placeholders_and_mnemonics() -> None:
    """The JSON table (also strings that left the code) keeps placeholders and '&' shortcuts."""
    table = json.loads((TRANSLATIONS / "zh_CN.json").read_text(encoding="utf-8"))
    assert sum(len(v) for v in table.values()) > 100
    wrong = []
    for context, entries in table.items():
        for key, value in entries.items():
            source = key.split(" [[", 1)[0]
            values = value if isinstance(value, list) else [value]
            for text in values:
                if Counter(_PLACEHOLDER.findall(text)) != Counter(_PLACEHOLDER.findall(source)):
                    wrong.append(f"[{context}] {source!r} -> {text!r}: placeholders")
                if bool(_MNEMONIC.search(source)) != bool(_MNEMONIC.search(text)):
                    wrong.append(f"[{context}] {source!r} -> {text!r}: '&' shortcut")
    assert wrong == []


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_qm_is_compiled_from_the_committed_ts(locale: str, tmp_path: Path) -> None:
    """lrelease of the committed .ts gives exactly the committed .qm (it is not stale)."""
    update = _update_module()
    ts = TRANSLATIONS / f"cgn_seal_desktop_{locale}.ts"
    qm = tmp_path / "fresh.qm"
    update.lrelease(ts, qm)
    committed = ts.with_suffix(".qm")
    assert committed.is_file()
    assert qm.read_bytes() == committed.read_bytes(), "run `python translations/update.py`"


# --- run time --------------------------------------------------------------------------------


def test_resolve_language() -> None:
    from cgn_seal_desktop.ui.i18n import resolve_language

    assert resolve_language("en", ["zh-CN"]) == "en"
    assert resolve_language("zh_CN", ["en-US"]) == "zh_CN"
    assert resolve_language("system", ["en-GB", "zh-CN"]) == "en"
    assert resolve_language("system", ["zh-Hant-TW"]) == "zh_CN"
    assert resolve_language("system", ["de-DE", "fr-FR"]) == "zh_CN"
    assert resolve_language("", ["en_US"]) == "en"
    assert resolve_language("klingon", []) == "zh_CN"
    assert resolve_language("system") in ("zh_CN", "en")


def test_translators_translate(qapp: Any) -> None:
    """The installed zh_CN files turn known sources (ours and Qt's) into Chinese."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from cgn_seal_desktop.ui import messages
    from cgn_seal_desktop.ui.i18n import translation_files

    files = translation_files("zh_CN")
    names = [f.name for f in files]
    assert names == ["cgn_seal_desktop_zh_CN.qm", "qtbase_zh_CN.qm"]
    assert [f.name for f in translation_files("en")] == ["cgn_seal_desktop_en.qm"]
    translators = []
    for f in files:
        t = QTranslator()
        assert t.load(str(f)), f
        translators.append(t)
        QCoreApplication.installTranslator(t)
    try:
        expected = {
            "valid": "签名有效", "invalid": "签名无效", "modified": "签名后文档被修改",
            "untrusted": "证书不受信任", "expired": "证书已过期", "revoked": "证书已吊销",
            "weak_algorithm": "算法强度不足", "unknown": "无法确定",
        }
        assert {k: messages.status_text(k) for k in expected} == expected
        assert QCoreApplication.translate("SignatureOverlay", "Verify seal") == "验证印章"
        assert QCoreApplication.translate("MainWindow", "Seal self-check") == "盖章自检"
        # Qt's own buttons (QMessageBox / QDialogButtonBox) come from qtbase_zh_CN.qm.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("ApplicationFormPage", "%n year(s)", "", 2) == "2 年"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert messages.status_text("valid") == "Signature valid"


def test_english_plural_forms(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from cgn_seal_desktop.ui.i18n import translation_files

    t = QTranslator()
    assert t.load(str(translation_files("en")[0]))
    QCoreApplication.installTranslator(t)
    try:
        tr = QCoreApplication.translate
        assert tr("ApplicationFormPage", "%n year(s)", "", 1) == "1 year"
        assert tr("ApplicationFormPage", "%n year(s)", "", 3) == "3 years"
        assert tr("MainWindow", "Seal self-check") == "Seal self-check"
    finally:
        QCoreApplication.removeTranslator(t)


# --- clipping: a subprocess per language and scale ------------------------------------------


def test_probe_flags_clipped_text(qtbot: Any) -> None:
    """The measuring rule catches squeezed widgets and leaves wrapped or eliding ones alone."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QGroupBox,
        QLabel,
        QPushButton,
        QToolButton,
        QVBoxLayout,
        QWidget,
    )

    host = QWidget()
    qtbot.addWidget(host)
    box = QVBoxLayout(host)
    long_text = "Check the online service now"
    squeezed: list[QWidget] = [QLabel(long_text), QPushButton(long_text),
                               QCheckBox(long_text), QToolButton()]
    squeezed[3].setText(long_text)  # type: ignore[attr-defined]
    group = QGroupBox("Trusted root certificates of the signer")
    squeezed.append(group)
    fits = QLabel("OK")
    wrapped = QLabel(long_text * 3)
    wrapped.setWordWrap(True)
    eliding = QLabel(long_text)
    eliding.setProperty("elide", True)
    for w in (*squeezed, fits, wrapped, eliding):
        w.setObjectName(type(w).__name__)
        box.addWidget(w)
    for w in (*squeezed, wrapped, eliding):
        w.setFixedWidth(60)
    host.show()
    qtbot.waitExposed(host)
    out: dict[str, Any] = {"checked": 0, "clipped": [], "texts": set()}
    _probe_widgets(host, "test", out)
    kinds = sorted(c["kind"] for c in out["clipped"])
    assert kinds == ["QCheckBox", "QGroupBox", "QLabel", "QPushButton", "QToolButton"]
    assert "OK" in out["texts"]
    assert all(c["needed"] > c["available"] for c in out["clipped"])


# A 1920x1080 screen at 100 % and at 150 % (Windows' default for 1080p laptops: 1280x720 logical
# pixels, minus the taskbar). The window gets its default size, or the space the screen leaves.
@pytest.mark.parametrize(("scale", "size"), [("1", "1200x800"), ("1.5", "1200x680")],
                         ids=["100%", "150%"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_main_screens_text_not_clipped(language: str, scale: str, size: str,
                                       tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "1080p", "x": 0, "y": 0, "width": 1920,
                                               "height": 1080, "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               QT_SCALE_FACTOR=scale, CGN_SEAL_HOME=str(tmp_path / "home"))
    out = tmp_path / "probe.json"
    log = tmp_path / "probe.log"
    with log.open("wb") as sink:  # a file, not a pipe: nothing can keep the test waiting
        proc = subprocess.run([sys.executable, __file__, language, "--size", size, "--json",
                               str(out)], env=env, cwd=ROOT, stdout=sink,
                              stderr=subprocess.STDOUT, timeout=240)
    assert proc.returncode == 0, log.read_text(encoding="utf-8", errors="replace")[-4000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["language"] == language
    assert result["device_pixel_ratio"] == pytest.approx(float(scale))
    assert result["screen"] == [round(1920 / float(scale)), round(1080 / float(scale))]
    # A 1920x1080 screen at 150 % leaves about 1280x680 logical pixels for the window.
    assert result["window_minimum"][0] <= 1280 and result["window_minimum"][1] <= 680
    # The probe really looked at the screens, and at translated text.
    assert result["checked"] > 40
    assert result["pages"] >= 5
    if language == "zh_CN":
        assert "盖章自检" in result["texts"]
    else:
        assert "Seal self-check" in result["texts"]
    if language == "zh_CN":
        english = [t for t in result["texts"] if _looks_untranslated(t)]
        assert english == [], "shown in English in the Chinese UI (not through tr()?)"
    assert result["clipped"] == [], "\n".join(
        f"{c['page']}: {c['kind']} {c['name']!r} {c['text']!r} needs {c['needed']} px, "
        f"has {c['available']} px" for c in result["clipped"])


# Words that stay as they are in the Chinese UI: names, formats, keys, units, addresses.
_KEEP = re.compile(r"https?://\S+|www\.[\w.]+|[\w-]+\.(?:pdf|png|jpe?g|cer|crt|pem|der)\b|"
                   r"\b(?:UKEY|PKCS|PDF|PIN|SZCA|CGN|ECP|JPEG|PNG|Ctrl|Shift|Esc|Enter|dpi|"
                   r"KB|MB|GB|CA|USB|SM2)\b")


def _looks_untranslated(text: str) -> bool:
    """True for text without Chinese that still has English words once names are removed."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return False
    return re.search(r"[A-Za-z]{3,}", _KEEP.sub("", text)) is not None


def test_looks_untranslated() -> None:
    assert _looks_untranslated("Progress")
    assert _looks_untranslated("Page 3")
    assert not _looks_untranslated("办理进度")
    assert not _looks_untranslated("www.szca.com")
    assert not _looks_untranslated("400-112-3838")
    assert not _looks_untranslated("UKEY / PDF")


# --- the probe (runs in the subprocess) ------------------------------------------------------


def _strip_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def _probe_widgets(root: Any, page: str, out: dict[str, Any]) -> None:
    """Measure every visible text widget under *root*; append clipped ones to ``out``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics, QTextDocument
    from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
    from PySide6.QtWidgets import (
        QAbstractButton,
        QCheckBox,
        QGroupBox,
        QLabel,
        QListWidget,
        QPushButton,
        QRadioButton,
        QStyle,
        QStyleOptionButton,
        QTabBar,
        QToolButton,
        QWidget,
    )

    def report(kind: str, w: QWidget, text: str, needed: float, available: float) -> None:
        out["checked"] += 1
        out["texts"].add(text)
        if needed > available + 0.5:  # sub-pixel rounding of fractional font metrics
            out["clipped"].append({"page": page, "kind": kind, "name": w.objectName(),
                                   "text": text, "needed": round(needed, 1),
                                   "available": round(available, 1)})

    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.property("elide"):
            continue
        fm = QFontMetrics(w.font())
        if isinstance(w, QLabel):
            text = w.text()
            if not text or w.wordWrap():
                continue
            shown = _strip_mnemonic(text) if w.buddy() is not None else text
            extra = 2 * w.margin() + max(w.indent(), 0)
            if w.textFormat() == Qt.TextFormat.RichText or (
                    w.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(shown)):
                doc = QTextDocument()
                doc.setDefaultFont(w.font())
                doc.setDocumentMargin(0)
                doc.setHtml(shown)
                width = doc.idealWidth()
                shown = doc.toPlainText()
            else:
                width = max(fm.horizontalAdvance(line) for line in shown.split("\n"))
            report("QLabel", w, shown, width + extra, w.contentsRect().width())
            lines = shown.count("\n") + 1
            report("QLabel height", w, shown, lines * fm.height() - 1 + 2 * w.margin(),
                   w.contentsRect().height())
        elif isinstance(w, QToolButton):
            style = w.toolButtonStyle()
            if style == Qt.ToolButtonStyle.ToolButtonFollowStyle:
                style = Qt.ToolButtonStyle(
                    w.style().styleHint(QStyle.StyleHint.SH_ToolButtonStyle, None, w))
            if not w.text() or (style == Qt.ToolButtonStyle.ToolButtonIconOnly
                                and not w.icon().isNull()):
                continue
            report("QToolButton", w, _strip_mnemonic(w.text()), w.sizeHint().width(),
                   w.width())
        elif isinstance(w, QAbstractButton):
            if not w.text():
                continue
            element = {
                QPushButton: QStyle.SubElement.SE_PushButtonContents,
                QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
                QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
            }.get(type(w)) or next(
                (e for cls, e in ((QPushButton, QStyle.SubElement.SE_PushButtonContents),
                                  (QCheckBox, QStyle.SubElement.SE_CheckBoxContents),
                                  (QRadioButton, QStyle.SubElement.SE_RadioButtonContents))
                 if isinstance(w, cls)), None)
            if element is None:
                continue
            opt = QStyleOptionButton()
            w.initStyleOption(opt)
            contents = w.style().subElementRect(element, opt, w)
            text = _strip_mnemonic(w.text())
            needed = max(fm.horizontalAdvance(line) for line in text.split("\n"))
            if not w.icon().isNull():
                needed += w.iconSize().width() + 4
            if isinstance(w, QPushButton) and w.menu() is not None:
                needed += w.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator,
                                                opt, w)
            report(type(w).__name__, w, text, needed, contents.width())
        elif isinstance(w, QGroupBox):
            if w.title():
                report("QGroupBox", w, _strip_mnemonic(w.title()),
                       w.minimumSizeHint().width(), w.width())
        elif isinstance(w, QTabBar):
            space = w.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, w)
            for i in range(w.count()):
                text = _strip_mnemonic(w.tabText(i))
                if not text:
                    continue
                needed = fm.horizontalAdvance(text) + space
                if not w.tabIcon(i).isNull():
                    needed += w.iconSize().width() + 4
                report("QTabBar tab", w, text, needed, w.tabRect(i).width())
        elif isinstance(w, QListWidget) and w.objectName() == "navigation":
            # Items are padded by the style sheet (padding: 12px 18px).
            for i in range(w.count()):
                item = w.item(i)
                text = item.text()
                needed = QFontMetrics(item.font()).horizontalAdvance(text) + 2 * 18
                report("navigation item", w, text, needed, w.viewport().width())


def _probe_stack_pages(page: Any, name: str, out: dict[str, Any], process: Any) -> None:
    """Probe *page*, and every index of each stacked widget on it (wizard steps, panels)."""
    from PySide6.QtWidgets import QStackedWidget

    _probe_widgets(page, name, out)
    for stack in page.findChildren(QStackedWidget):
        if not stack.isVisible():
            continue
        current = stack.currentIndex()
        for i in range(stack.count()):
            if i == current:
                continue
            stack.setCurrentIndex(i)
            process()
            _probe_widgets(stack.currentWidget(), f"{name}/{stack.objectName() or 'stack'}[{i}]",
                           out)
        stack.setCurrentIndex(current)
        process()


def _self_check_dialogs() -> list[Any]:
    """The self-check's dialogs with realistic long content: PIN (final try), certificate
    choice, and the verification verdict for every status."""
    from datetime import UTC, datetime, timedelta

    from cgn_seal_desktop.seal.report import SignatureReport
    from cgn_seal_desktop.ui.messages import STATUS_TEXT
    from cgn_seal_desktop.ui.selfcheck.verify_dialog import VerificationDialog
    from cgn_seal_desktop.ui.ukey_dialogs import CertChoice, PinDialog, TokenDialog
    from cgn_seal_desktop.ukey.certinfo import CertificateInfo
    from cgn_seal_desktop.ukey.model import PinState, TokenInfo

    now = datetime.now(UTC)
    org = "中广核示例供应商（深圳）有限公司"
    cert = CertificateInfo(der=b"", key_id=b"\x01", label="seal", subject=f"CN={org},O={org}",
                           subject_cn=org, organization=org, issuer="CN=SZCA SM2 CA",
                           issuer_cn="SZCA SM2 CA", serial=0x1234567890ABCDEF,
                           not_before=now - timedelta(days=1),
                           not_after=now + timedelta(days=300),
                           key_usage=("digital_signature",), key_type="rsa", is_ca=False)
    token = TokenInfo(module_path="", slot_id=0, label="UKEY 01", manufacturer="SZCA",
                      model="ePass", serial="1234567890", flags=0, pin_state=PinState.FINAL_TRY,
                      login_required=True, protected_auth_path=False, certificates=[cert])
    choice = CertChoice(token, cert)
    dialogs: list[Any] = [PinDialog(choice, PinState.FINAL_TRY), TokenDialog([choice, choice])]
    for status in STATUS_TEXT:
        dialogs.append(VerificationDialog(SignatureReport(
            field="Seal1", page=1, signer=org, organization=org,
            signing_time=now.isoformat(), status=status,  # type: ignore[arg-type]
            intact=status != "invalid", trusted=status == "valid",
            covers_whole_file=status == "valid", changes_after_signing="form_filling",
            certificate_serial="1234567890ABCDEF", issuer="SZCA SM2 CA",
            not_before=(now - timedelta(days=1)).isoformat(),
            not_after=(now + timedelta(days=300)).isoformat(), trust_anchor="SZCA ROOT CA",
            digest_algorithm="sha256", signature_algorithm="rsassa_pkcs1v15")))
    return dialogs


def probe(language: str, size: tuple[int, int] = (1200, 800)) -> dict[str, Any]:
    """Build the main window in *language* and measure its text widgets (see module doc)."""
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.app import create_application

    settings = Settings(language=language, check_service_online=False)
    settings.save()
    app = create_application(["probe"])
    assert isinstance(app, QApplication)
    from cgn_seal_desktop.ui.main_window import PAGE_KEYS, MainWindow

    def process() -> None:
        for _ in range(3):
            app.processEvents()

    out: dict[str, Any] = {"language": language, "checked": 0, "pages": 0, "clipped": [],
                           "texts": set()}
    window = MainWindow(settings)
    window.resize(*size)
    window.show()
    process()
    out["device_pixel_ratio"] = window.devicePixelRatioF()
    geo = window.screen().geometry()
    out["screen"] = [geo.width(), geo.height()]
    for key in PAGE_KEYS:
        window.show_page(key)
        process()
        _probe_stack_pages(window, key, out, process)
        out["pages"] += 1

    # The application wizard, as the running program installs it under 办理进度; every step
    # page sits in its stacked widget, so the probe visits all of them.
    from cgn_seal_desktop.ui.wizard import WizardWidget

    wizard = WizardWidget(settings, tray=False)
    window.install_page("progress", wizard)
    window.show_page("progress")
    process()
    _probe_stack_pages(wizard, "progress/wizard", out, process)
    out["pages"] += 1
    for dialog in _self_check_dialogs():
        dialog.show()
        process()
        _probe_stack_pages(dialog, type(dialog).__name__, out, process)
        out["pages"] += 1
        dialog.close()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    out["window_minimum"] = [hint.width(), hint.height()]
    out["window_size"] = [window.width(), window.height()]
    out["texts"] = sorted(out["texts"])
    window.close()
    return out


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "CGN_SEAL_HOME" not in os.environ:
        import tempfile

        os.environ["CGN_SEAL_HOME"] = tempfile.mkdtemp(prefix="cgn-probe-")
    args = sys.argv[1:]
    size = (1200, 800)
    if "--size" in args:
        w, h = args[args.index("--size") + 1].split("x")
        size = (int(w), int(h))
    result = probe(args[0] if args else "zh_CN", size)
    if "--json" in args:
        Path(args[args.index("--json") + 1]).write_text(
            json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        for c in result["clipped"]:
            print(f"{c['page']}: {c['kind']} {c['name']!r} {c['text']!r} "
                  f"needs {c['needed']} px, has {c['available']} px")
        print(f"checked {result['checked']} texts on {result['pages']} pages, "
              f"{len(result['clipped'])} clipped, dpr {result['device_pixel_ratio']}, "
              f"window minimum {result['window_minimum']}, size {result['window_size']}")
    from cgn_seal_desktop.ui.viewer.render_worker import shared_render_service
    from cgn_seal_desktop.ui.workers import wait_for_tasks

    shared_render_service().shutdown()  # its worker processes would outlive us
    wait_for_tasks(10_000)
