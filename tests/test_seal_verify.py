"""The verifier against our own seals and against hostile files, cross-checked with pdfsig."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pymupdf
import pytest

from cgn_seal_desktop.seal.report import STATUS_SEVERITY
from cgn_seal_desktop.seal.trust import TrustStore, add_user_root, remove_user_root
from cgn_seal_desktop.seal.verify import verify_bytes, verify_pdf
from tests import hostile, signing
from tests.conftest import TestUKey
from tests.pdfs import make_pdf


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("verify")


@pytest.fixture(scope="module")
def store(ukey: TestUKey) -> TrustStore:
    return TrustStore.load([ukey.root_pem_path], bundled=False, user=False)


@pytest.fixture(scope="module")
def signed(ukey: TestUKey, work: Path) -> Path:
    src = make_pdf(work / "contract.pdf")
    out = work / "contract_signed.pdf"
    signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", src, out)
    return out


def _pdfsig_signature_valid(path: Path) -> list[bool]:
    text = signing.pdfsig_report(path)
    return ["Signature is Valid" in line for line in text.splitlines()
            if "Signature Validation:" in line]


def test_own_seal_is_valid_and_reported_fully(signed: Path, store: TrustStore,
                                              test_pki) -> None:  # type: ignore[no-untyped-def]
    report = verify_pdf(signed, store)
    assert report.verdict == "valid" and report.exit_code == 0
    (sig,) = report.signatures
    assert sig.status == "valid" and sig.intact and sig.trusted and sig.covers_whole_file
    assert sig.changes_after_signing == "none"
    assert sig.field == "Seal1" and sig.page == 1
    assert sig.rect == pytest.approx((400, 80, 520, 200))
    assert sig.organization == "深圳市测试供应商有限公司"
    assert sig.certificate_serial == format(test_pki.org_rsa.cert.serial_number, "X")
    assert sig.trust_anchor and "CGN Test Root CA" in sig.trust_anchor
    assert sig.digest_algorithm == "sha256" and sig.signing_time
    d = json.loads(report.to_json())
    assert set(d) >= {"file", "verdict", "error", "signatures"}
    assert set(d["signatures"][0]) >= {
        "field", "page", "signer", "organization", "signing_time", "status", "intact", "trusted",
        "covers_whole_file", "changes_after_signing", "messages"}
    assert _pdfsig_signature_valid(signed) == [True]


def test_seal_image_is_drawn_on_the_page(signed: Path) -> None:
    doc = pymupdf.open(signed)
    pix = doc[0].get_pixmap(dpi=72, clip=pymupdf.Rect(400, 842 - 200, 520, 842 - 80),
                            annots=True)
    reds = sum(1 for i in range(0, len(pix.samples), pix.n)
               if pix.samples[i] > 180 and pix.samples[i + 1] < 90 and pix.samples[i + 2] < 90)
    assert reds > 200, "the red seal is not visible where it was placed"
    # ... and nowhere else: the top-left area stays free of red.
    pix2 = doc[0].get_pixmap(dpi=72, clip=pymupdf.Rect(0, 0, 120, 120), annots=True)
    assert not any(pix2.samples[i] > 180 and pix2.samples[i + 1] < 90
                   for i in range(0, len(pix2.samples), pix2.n))


def test_without_the_root_the_seal_is_untrusted(signed: Path) -> None:
    report = verify_pdf(signed, TrustStore.load(bundled=False, user=False))
    assert report.verdict == "invalid" and report.exit_code == 1
    assert report.signatures[0].status == "untrusted"
    assert report.signatures[0].intact


def test_user_trust_roots_persist(signed: Path, ukey: TestUKey) -> None:
    added = add_user_root(ukey.root_pem_path)
    assert verify_pdf(signed, TrustStore.load(bundled=False)).verdict == "valid"
    assert remove_user_root(added[0].sha256)
    assert verify_pdf(signed, TrustStore.load(bundled=False)).verdict == "invalid"


@pytest.mark.parametrize(
    ("tamper", "status", "code", "pdfsig_valid"),
    [
        (hostile.change_drawing_in_signed_range, "invalid", "digest_mismatch", False),
        (hostile.flip_comment_byte, "invalid", "digest_mismatch", False),
        (hostile.append_garbage, "modified", "trailing_bytes", True),
        (hostile.wipe_contents, "invalid", "malformed_signature", None),
        (hostile.corrupt_contents, "invalid", "malformed_signature", None),
        (hostile.shrink_byte_range, "invalid", "byte_range", False),
        (hostile.byte_range_not_from_start, "invalid", "byte_range", False),
    ],
)
def test_hostile_bytes(signed: Path, store: TrustStore, work: Path, tamper, status: str,
                       code: str, pdfsig_valid: bool | None) -> None:  # type: ignore[no-untyped-def]
    bad = work / f"{tamper.__name__}.pdf"
    bad.write_bytes(tamper(signed.read_bytes()))
    report = verify_pdf(bad, store)
    assert report.verdict == "invalid" and report.exit_code == 1
    (sig,) = report.signatures
    assert sig.status == status, sig.messages
    assert code in [f.code for f in sig.findings]
    assert sig.messages and all(isinstance(m, str) and m for m in sig.messages)
    if pdfsig_valid is not None:  # poppler agrees on the cryptographic verdict
        assert _pdfsig_signature_valid(bad) == [pdfsig_valid]
    else:
        assert True not in _pdfsig_signature_valid(bad)


def test_content_changed_by_later_incremental_update(signed: Path, store: TrustStore,
                                                     work: Path) -> None:
    changed = work / "incremental.pdf"
    shutil.copy(signed, changed)
    doc = pymupdf.open(changed)
    doc[0].insert_text((72, 400), "付款金额改为 1,000,000 元", fontname="china-s", fontsize=18)
    doc.saveIncr()
    doc.close()
    report = verify_pdf(changed, store)
    (sig,) = report.signatures
    assert sig.status == "modified" and sig.intact
    assert sig.changes_after_signing == "other" and not sig.covers_whole_file
    # pdfsig checks only the signed bytes: valid, but not the whole document.
    assert _pdfsig_signature_valid(changed) == [True]
    assert "not total document signed" in signing.pdfsig_report(changed).lower()


def test_two_seals_by_different_signers(ukey: TestUKey, signed: Path, store: TrustStore,
                                        work: Path) -> None:
    twice = work / "two_seals.pdf"
    signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-B", signed, twice, page=2)
    report = verify_pdf(twice, store)
    assert report.verdict == "valid"
    first, second = report.signatures
    assert (first.field, second.field) == ("Seal1", "Seal2")
    assert (first.page, second.page) == (1, 2)
    assert first.organization != second.organization
    assert first.changes_after_signing == "form_filling"  # the second seal is a permitted change
    assert not first.covers_whole_file and second.covers_whole_file
    assert _pdfsig_signature_valid(twice) == [True, True]


def test_expired_and_untrusted_certificates(ukey: TestUKey, store: TrustStore,
                                            work: Path) -> None:
    src = make_pdf(work / "src_certs.pdf")
    for label, status in (("CGN-EXPIRED", "expired"), ("CGN-UNTRUSTED", "untrusted")):
        out = work / f"{label}.pdf"
        signing.sign_with_ukey(ukey.module, ukey.pin, label, src, out)
        report = verify_pdf(out, store)
        assert report.signatures[0].status == status
        assert report.signatures[0].intact
        assert _pdfsig_signature_valid(out) == [True]  # the bytes are fine; trust is not


def test_ecdsa_seal_is_valid(ukey: TestUKey, store: TrustStore, work: Path) -> None:
    out = work / "ec.pdf"
    signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-EC", make_pdf(work / "src_ec.pdf"), out)
    report = verify_pdf(out, store)
    assert report.verdict == "valid", report.signatures[0].messages
    assert "ecdsa" in (report.signatures[0].signature_algorithm or "")
    assert _pdfsig_signature_valid(out) == [True]


def test_sha1_is_a_weak_algorithm(test_pki, store: TrustStore, work: Path) -> None:  # type: ignore[no-untyped-def]
    out = work / "sha1.pdf"
    signing.sign_with_pyhanko(test_pki.org_rsa, make_pdf(work / "src_sha1.pdf"), out,
                              digest="sha1")
    (sig,) = verify_pdf(out, store).signatures
    assert sig.status == "weak_algorithm" and sig.digest_algorithm == "sha1"


def test_signatures_made_by_other_programs(test_pki, store: TrustStore, work: Path) -> None:  # type: ignore[no-untyped-def]
    src = make_pdf(work / "src_other.pdf")
    py_out, pop_out, mu_out = work / "pyhanko.pdf", work / "poppler.pdf", work / "mupdf.pdf"
    signing.sign_with_pyhanko(test_pki.org_rsa, src, py_out)
    signing.sign_with_pdfsig(test_pki.org_rsa, src, pop_out, work)
    signing.sign_with_mutool(test_pki.org_rsa, make_pdf(work / "src_field.pdf",
                                                        with_empty_field="Sig1"), mu_out, work)
    assert verify_pdf(py_out, store).verdict == "valid"
    poppler = verify_pdf(pop_out, store)
    assert poppler.verdict == "valid" and poppler.signatures[0].field == "PopplerSig"
    mupdf = verify_pdf(mu_out, store)
    # MuPDF signs with SHA-1: intact and trusted, but the digest is weak.
    assert mupdf.signatures[0].intact
    assert mupdf.signatures[0].status == ("weak_algorithm" if mupdf.signatures[0]
                                          .digest_algorithm == "sha1" else "valid")
    for path in (py_out, pop_out, mu_out):
        assert _pdfsig_signature_valid(path) == [True]


def test_encrypted_files(ukey: TestUKey, store: TrustStore, work: Path) -> None:
    open_enc = make_pdf(work / "enc_open.pdf", encrypt_user_pw="")
    out = work / "enc_open_signed.pdf"
    signing.sign_with_ukey(ukey.module, ukey.pin, "CGN-RSA", open_enc, out)
    assert verify_pdf(out, store).verdict == "valid"
    locked = make_pdf(work / "enc_locked.pdf", encrypt_user_pw="s3cret")
    report = verify_pdf(locked, store)
    assert report.verdict == "error" and report.error_code == "pdf_password"
    assert report.exit_code == 2
    assert verify_pdf(locked, store, password="s3cret").verdict == "no_signatures"


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "not_pdf"), (b"hello, not a pdf", "not_pdf"), (b"%PDF-1.7\n%%EOF", "pdf_unreadable"),
     (b"\x89PNG\r\n\x1a\n" + bytes(100), "not_pdf")],
)
def test_unreadable_input_is_an_error_not_a_crash(content: bytes, code: str, store: TrustStore,
                                                  work: Path) -> None:
    p = work / "bad.bin"
    p.write_bytes(content)
    report = verify_pdf(p, store)
    assert report.verdict == "error" and report.error_code == code and report.exit_code == 2


def test_truncated_and_missing_files(signed: Path, store: TrustStore, work: Path) -> None:
    cut = work / "truncated.pdf"
    cut.write_bytes(hostile.truncate(signed.read_bytes()))
    report = verify_pdf(cut, store)
    assert report.verdict in ("error", "invalid") and report.exit_code != 0
    missing = verify_pdf(work / "does-not-exist.pdf", store)
    assert missing.verdict == "error" and missing.exit_code == 2


def test_unsigned_pdf_has_no_signatures(store: TrustStore, work: Path) -> None:
    report = verify_pdf(make_pdf(work / "plain.pdf"), store)
    assert report.verdict == "no_signatures" and report.exit_code == 1


def test_verification_makes_no_network_call(signed: Path, store: TrustStore,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or [])
    assert verify_pdf(signed, store).verdict == "valid"
    untrusted = verify_pdf(signed, TrustStore.load(bundled=False, user=False))
    assert untrusted.signatures[0].status == "untrusted"
    assert attempts == []


def test_status_severity_orders_every_status() -> None:
    assert sorted(STATUS_SEVERITY, key=STATUS_SEVERITY.__getitem__)[0] == "valid"
    assert STATUS_SEVERITY["invalid"] == max(STATUS_SEVERITY.values())


def test_random_bytes_never_raise(store: TrustStore, signed: Path) -> None:
    import random

    data = signed.read_bytes()
    rng = random.Random(1234)
    for _ in range(30):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        report = verify_bytes(bytes(mutated), "fuzz.pdf", store)
        assert report.verdict in ("valid", "invalid", "error", "no_signatures")
        if report.verdict == "valid":  # only if no byte inside the signed range changed
            assert report.signatures[0].intact
