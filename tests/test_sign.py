"""Signing through the SoftHSM2 UKEY: placement, fields, and every failure leaving no output."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf
import pytest
from pkcs11 import exceptions as p11x

from cgn_seal_desktop.fsutil import atomic_write_bytes
from cgn_seal_desktop.seal import errors as seal_errors
from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest
from cgn_seal_desktop.seal.trust import TrustStore
from cgn_seal_desktop.seal.ukey_sign import sign_with_session
from cgn_seal_desktop.seal.verify import verify_pdf
from cgn_seal_desktop.ukey import errors as ukey_errors
from cgn_seal_desktop.ukey.pin import Pin
from tests import signing
from tests.conftest import TestUKey
from tests.pdfs import make_pdf
from tests.softhsm import open_token


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_sign_into_existing_empty_field(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "form.pdf", with_empty_field="单位盖章")
    out = tmp_path / "form_signed.pdf"
    result = signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, out,
                                    field_name="单位盖章", placement=False)
    assert result.field_name == "单位盖章"
    report = verify_pdf(out, TrustStore.load([ukey.root_pem_path]))
    assert report.verdict == "valid" and report.signatures[0].field == "单位盖章"
    # The same field cannot be signed twice.
    with pytest.raises(seal_errors.FieldError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", out, tmp_path / "again.pdf",
                               field_name="单位盖章", placement=False)
    with pytest.raises(seal_errors.FieldError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, tmp_path / "x.pdf",
                               field_name="no-such-field", placement=False)


@pytest.mark.parametrize(
    ("page", "rect"),
    [(3, (400, 80, 520, 200)), (0, (400, 80, 520, 200)), (1, (400, 80, 403, 200)),
     (1, (500, 80, 700, 200)), (1, (-50, -50, 40, 40))],
)
def test_bad_placement_is_refused_before_the_token_is_used(
    ukey: TestUKey, tmp_path: Path, page: int, rect: tuple[float, float, float, float]
) -> None:
    src = make_pdf(tmp_path / "in.pdf", pages=2)
    out = tmp_path / "out.pdf"
    with pytest.raises(seal_errors.PlacementError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, out, page=page, rect=rect)
    assert not out.exists() and _leftovers(tmp_path) == []


def test_wrong_pin_leaves_nothing_and_input_untouched(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf")
    before = _digest(src)
    with pytest.raises(ukey_errors.WrongPinError):
        signing.sign_with_ukey(ukey.module, "000000", "CGN-RSA", src, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists() and _digest(src) == before


def test_token_removed_while_signing_leaves_no_output(ukey: TestUKey, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB key cannot be unplugged here; the module's answer to that is simulated."""
    src = make_pdf(tmp_path / "in.pdf")
    before = _digest(src)
    out = tmp_path / "out.pdf"
    with open_token(ukey.module, "CGN-RSA") as s:
        s.login(Pin(ukey.pin))
        real_sign = s.sign

        def unplugged(*args: object, **kwargs: object) -> bytes:
            from cgn_seal_desktop.ukey.pkcs11.driver import translate_pkcs11_error

            raise translate_pkcs11_error(p11x.DeviceRemoved())

        monkeypatch.setattr(s, "sign", unplugged)
        with pytest.raises(ukey_errors.TokenRemovedError):
            sign_with_session(s, src, out, SignRequest(placement=SealPlacement(1, signing.RECT)))
        monkeypatch.setattr(s, "sign", real_sign)
    assert not out.exists() and _leftovers(tmp_path) == [] and _digest(src) == before


def test_cancel_leaves_no_output(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf")
    out = tmp_path / "out.pdf"
    stages: list[str] = []
    with open_token(ukey.module, "CGN-RSA") as s:
        s.login(Pin(ukey.pin))
        with pytest.raises(seal_errors.SigningCancelledError):
            sign_with_session(
                s, src, out, SignRequest(placement=SealPlacement(1, signing.RECT)),
                progress=lambda stage, _f: stages.append(stage),
                cancelled=lambda: "sign" in stages,
            )
    assert not out.exists() and _leftovers(tmp_path) == []


def test_output_rules(ukey: TestUKey, tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "in.pdf")
    existing = tmp_path / "exists.pdf"
    existing.write_bytes(b"keep me")
    with pytest.raises(seal_errors.OutputExistsError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(seal_errors.OutputExistsError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, src)
    assert pymupdf.open(src).page_count == 2


def test_damaged_and_locked_inputs_are_typed(ukey: TestUKey, tmp_path: Path) -> None:
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_bytes(b"this is text")
    with pytest.raises(seal_errors.InputPdfError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", not_pdf, tmp_path / "o.pdf")
    locked = make_pdf(tmp_path / "locked.pdf", encrypt_user_pw="pw")
    with pytest.raises(seal_errors.PdfPasswordError):
        signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", locked, tmp_path / "o2.pdf")
    assert _leftovers(tmp_path) == []


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, b"old")

    class Boom(Exception):
        pass

    from cgn_seal_desktop.fsutil import atomic_write

    with pytest.raises(Boom), atomic_write(target) as fh:
        fh.write(b"half-writ")
        raise Boom
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []
    with pytest.raises(FileExistsError):
        atomic_write_bytes(target, b"new", overwrite=False)
