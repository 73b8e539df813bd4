"""Every code the wizard's core says (steps, stages, notes, wait results) has its words, in
English and in the process guide's Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from cgn_seal_desktop.paths import translations_dir
from cgn_seal_desktop.portal.wizard.navigation import WaitResult
from cgn_seal_desktop.portal.wizard.state import Note, NoteCode, StepGroup, StepId
from cgn_seal_desktop.ui.wizard.wording import group_title, note_text, result_text, step_title

_PARAMS = {"reason": "印模不清晰", "expected_by": "2026-11-26", "attempts": "2", "paid": "yes",
           "courier": "顺丰速运", "tracking": "SF1234567890"}


def _note(code: NoteCode) -> Note:
    return Note(code, _PARAMS, ("mail_address", "seal_impression"))


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _translator(locale: str) -> Iterator[None]:
    t = QTranslator()
    assert t.load(str(translations_dir() / f"cgn_seal_desktop_{locale}.qm"))
    QCoreApplication.installTranslator(t)
    yield
    QCoreApplication.removeTranslator(t)


@pytest.fixture
def zh_CN(qapp: Any) -> Iterator[None]:
    yield from _translator("zh_CN")


@pytest.fixture
def en(qapp: Any) -> Iterator[None]:
    yield from _translator("en")


def test_english(en: None) -> None:
    texts = ([step_title(s) for s in StepId] + [group_title(g) for g in StepGroup]
             + [note_text(_note(c)) for c in NoteCode] + [result_text(r) for r in WaitResult])
    assert all(texts) and not any(_cjk(t) for t in texts
                                  if "印模" not in t and "顺丰" not in t)
    assert note_text(None) == ""
    assert note_text(Note(NoteCode.DEPOSIT_ATTEMPTS_LEFT, {"attempts": "3"})) == (
        "Attempts left: 3")


def test_chinese_in_the_guides_words(zh_CN: None) -> None:
    assert [step_title(s) for s in StepId] == [
        "供应商注册", "六要素", "身份认证", "金融认证（打款）", "随机码", "录入", "打印申请表",
        "上传资料", "缴费", "审核", "UKEY寄送", "盖章自检"]
    assert [group_title(g) for g in StepGroup] == [
        "供应商注册", "机构认证", "申请数字证书", "UKEY寄送", "盖章自检"]
    for code in NoteCode:
        assert _cjk(note_text(_note(code))), code
    for result in WaitResult:
        assert _cjk(result_text(result)), result
    assert note_text(_note(NoteCode.APPLICATION_REJECTED)) == (
        "审核驳回：印模不清晰；请修改后重新提交（无需再次缴费）")
    # Names, never internal ids (the progress tree is read by clerks).
    assert note_text(_note(NoteCode.MATERIALS_MISSING)) == "待上传：邮寄地址、公章印模采集页"
    assert note_text(Note(NoteCode.IDENTITY_FAILED, {"reason": ""})) == "身份认证未通过：请重试"
    assert note_text(_note(NoteCode.DEPOSIT_ATTEMPTS_LEFT)) == "剩余 2 次输入机会"


def test_missing_things_have_names_in_both_languages(qapp: Any) -> None:
    """The progress tree lists what is missing by name: every material kind and every field of
    the application form has one, in English and in Chinese, never the internal id."""
    from cgn_seal_desktop.portal.models import ApplicationForm, MaterialKind
    from cgn_seal_desktop.ui.wizard.wording import missing_label

    ids = [*ApplicationForm.model_fields, *(k.value for k in MaterialKind)]
    for gen in (_translator("en"), _translator("zh_CN")):
        next(gen)
        names = [missing_label(i) for i in ids]
        assert all(n and n != i and "_" not in n for n, i in zip(names, ids, strict=True))
        assert len(set(names)) == len(names)  # no two things under one name
        next(gen, None)
    for gen in (_translator("zh_CN"),):
        next(gen)
        assert missing_label("org_phone") == "单位电话"
        assert missing_label("authorisation_letter") == "授权书"
        assert missing_label("something_newer") == "something_newer"
        next(gen, None)
