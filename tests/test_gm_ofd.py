"""OFD files (GB/T 33190) with SES (v1, v4, v5) and SM2 CMS seals: one and two seals, every
way of tampering we know, and hostile packages (truncated, garbage, bombs, traversal)."""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from cgn_seal_desktop.seal.gm import ofd
from cgn_seal_desktop.seal.gm.outcome import headline
from cgn_seal_desktop.seal.trust import TrustStore
from cgn_seal_desktop.seal.verify_file import verify_file
from tests.gm import cms as cmsb
from tests.gm import ofd as ofdb
from tests.gm.pki import Sm2TestPki

KINDS = ["ses-v1", "ses-v4", "ses-v5", "cms", "gm-cms"]
PAGE = "Doc_0/Pages/Page_0/Content.xml"
SIGN0 = "Doc_0/Signs/Sign_0"


@pytest.fixture(scope="module")
def store(gm_trust: Path) -> TrustStore:
    return TrustStore.load([gm_trust], bundled=False, user=False)


@pytest.fixture(scope="module")
def base() -> dict[str, bytes]:
    return ofdb.make_ofd_files()


def _verify(files: dict[str, bytes], store: TrustStore, tmp: Path, name: str = "x.ofd"):  # type: ignore[no-untyped-def]
    return verify_file(ofdb.write_zip(files, tmp / name), store)


def _codes(sig) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in sig.findings]


@pytest.mark.parametrize("kind", KINDS)
def test_one_seal_is_valid(base: dict[str, bytes], store: TrustStore, sm2_pki: Sm2TestPki,
                           tmp_path: Path, kind: str) -> None:
    report = _verify(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, kind=kind), store,
                     tmp_path)
    assert report.verdict == "valid", report.signatures[0].messages
    (sig,) = report.signatures
    assert sig.format == kind and sig.algorithm == "SM2-SM3" and sig.page == 1
    assert sig.intact and sig.trusted and sig.covers_whole_file
    assert sig.organization == "深圳市国密测试供应商有限公司" and sig.signing_time
    assert headline(sig) == "签名有效"
    if kind.startswith("ses"):
        assert sig.seal is not None and sig.seal.picture_type == "PNG"
        assert sig.seal.valid_from and sig.seal.valid_to and sig.seal.maker
    else:
        assert sig.seal is None
    d = json.loads(report.to_json())
    assert d["signatures"][0]["format"] == kind and d["verdict"] == "valid"


@pytest.mark.parametrize("protect_list", [False, True])
def test_two_seals_later_one_keeps_the_first_valid(
        base: dict[str, bytes], store: TrustStore, sm2_pki: Sm2TestPki, tmp_path: Path,
        protect_list: bool) -> None:
    once = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, protect_list=protect_list)
    twice = ofdb.seal_files(once, sm2_pki.org_b, sm2_pki.maker, kind="gm-cms", page=2,
                            protect_list=protect_list)
    report = _verify(twice, store, tmp_path)
    first, second = report.signatures
    assert report.verdict == "valid", (first.messages, second.messages)
    assert (first.page, second.page) == (1, 2)
    assert first.changes_after_signing == "form_filling" and "later_seal_added" in _codes(first)
    assert not first.covers_whole_file and second.covers_whole_file
    assert first.organization != second.organization
    # Tampering after both seals breaks both.
    changed = dict(twice)
    changed[PAGE] = changed[PAGE].replace("测试".encode(), "篡改".encode())
    report = _verify(changed, store, tmp_path, "changed.ofd")
    assert [s.status for s in report.signatures] == ["modified", "modified"]


@pytest.mark.parametrize("kind", KINDS)
def test_tampered_variants(base: dict[str, bytes], store: TrustStore, sm2_pki: Sm2TestPki,
                           tmp_path: Path, kind: str) -> None:
    sealed = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, kind=kind)
    other = ofdb.seal_files(ofdb.make_ofd_files(text="另一份文件"), sm2_pki.org, sm2_pki.maker,
                            kind=kind)

    def check(files: dict[str, bytes], status: str, code: str) -> None:
        (sig,) = _verify(files, store, tmp_path).signatures
        assert sig.status == status and code in _codes(sig), (sig.status, sig.messages)
        assert sig.messages

    # Content after sealing.
    changed = dict(sealed)
    changed[PAGE] = changed[PAGE].replace("测试".encode(), "篡改".encode())
    check(changed, "modified", "modified_after_signing")
    # A referenced file removed.
    removed = {k: v for k, v in sealed.items() if k != PAGE}
    check(removed, "modified", "referenced_file_missing")
    # Signature.xml edited (a reference's CheckValue rewritten to match changed content).
    sig_xml = dict(changed)
    sig_xml[f"{SIGN0}/Signature.xml"] = sealed[f"{SIGN0}/Signature.xml"].replace(
        b"1.2.156.10197.1.501", b"1.2.156.10197.1.502")
    check(sig_xml, "invalid", "digest_mismatch")
    # SignedValue bytes damaged (last byte of the signature value).
    value = bytearray(sealed[f"{SIGN0}/SignedValue.dat"])
    value[-3] ^= 0x55
    damaged = dict(sealed)
    damaged[f"{SIGN0}/SignedValue.dat"] = bytes(value)
    (sig,) = _verify(damaged, store, tmp_path).signatures
    assert sig.status == "invalid"
    # The signed value copied from another file (a real seal, for another Signature.xml).
    copied = dict(sealed)
    copied[f"{SIGN0}/SignedValue.dat"] = other[f"{SIGN0}/SignedValue.dat"]
    check(copied, "invalid", "digest_mismatch")
    if kind.startswith("ses"):
        # The seal file replaced by a seal from another file.
        other_seal = ofdb.seal_files(base, sm2_pki.org_b, sm2_pki.maker, kind=kind)
        swapped = dict(sealed)
        swapped[f"{SIGN0}/Seal.esl"] = other_seal[f"{SIGN0}/Seal.esl"]
        check(swapped, "invalid", "seal_mismatch")


def test_seal_made_for_someone_else(base: dict[str, bytes], store: TrustStore,
                                    sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    from tests.gm import ses as sesb

    seal = sesb.make_seal(sm2_pki.maker, [sm2_pki.org_b])  # bound to another supplier
    files = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, seal=seal)
    (sig,) = _verify(files, store, tmp_path).signatures
    assert sig.status == "invalid" and "signer_not_in_seal" in _codes(sig)
    digests = sesb.make_seal(sm2_pki.maker, [sm2_pki.org], cert_digests=True)
    ok = _verify(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, seal=digests), store,
                 tmp_path)
    assert ok.verdict == "valid", ok.signatures[0].messages


def test_cms_with_several_signer_infos(base: dict[str, bytes], store: TrustStore,
                                       sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    files = ofdb.seal_files(base, sm2_pki.org, kind="cms")
    sig_xml = files[f"{SIGN0}/Signature.xml"]
    # A stray SignerInfo (another key, not over this content) first, the real one second.
    stray = cmsb.signer_info(b"something else", sm2_pki.org_b)
    files[f"{SIGN0}/SignedValue.dat"] = cmsb.signed_data(
        sig_xml, [sm2_pki.org_b, sm2_pki.org],
        infos=[stray, cmsb.signer_info(sig_xml, sm2_pki.org)])
    (sig,) = _verify(files, store, tmp_path).signatures
    assert sig.status == "valid" and sig.organization == "深圳市国密测试供应商有限公司"


def test_untrusted_and_expired_signers(base: dict[str, bytes], store: TrustStore,
                                       sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    (sig,) = _verify(ofdb.seal_files(base, sm2_pki.other_org, sm2_pki.maker), store,
                     tmp_path).signatures
    assert sig.status == "untrusted" and sig.intact and headline(sig) == "证书不受信任"
    (sig,) = _verify(ofdb.seal_files(base, sm2_pki.expired, sm2_pki.maker, kind="gm-cms"),
                     store, tmp_path).signatures
    assert sig.status == "expired" and "cert_expired" in _codes(sig)
    (sig,) = _verify(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker),
                     TrustStore.load(bundled=True, user=False), tmp_path).signatures
    assert sig.status == "untrusted" and sig.intact


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_untrusted_hostile_packages(base: dict[str, bytes], store: TrustStore,
                                    sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    sealed = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker)
    good = _zip(sealed)
    cases: dict[str, bytes] = {
        "untrusted_truncated": good[: len(good) // 2],
        "untrusted_truncated_tail": good[:-30],
        "untrusted_garbage": b"PK\x03\x04" + bytes(random.Random(1).randrange(256)
                                                   for _ in range(5000)),
        "untrusted_empty_zip": _zip({}),
        "untrusted_no_ofd_xml": _zip({"hello.txt": b"hi"}),
        "untrusted_dtd": _zip({**sealed, "OFD.xml": b'<?xml version="1.0"?><!DOCTYPE a ['
                               b'<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>'}),
        "untrusted_bad_xml": _zip({**sealed, "OFD.xml": b"<ofd:OFD><unclosed>"}),
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.ofd"
        path.write_bytes(data)
        report = verify_file(path, store)
        assert report.verdict in ("error", "invalid"), name
        assert report.exit_code != 0 and (report.error or report.signatures), name


def test_untrusted_zip_bomb_and_huge_entries(base: dict[str, bytes], store: TrustStore,
                                             sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    bomb = dict(base)
    bomb["Doc_0/Res/bomb.bin"] = b"\x00" * (64 * 1024**2)  # 64 MiB of zeros → ~64 KiB stored
    sealed = ofdb.seal_files(bomb, sm2_pki.org, sm2_pki.maker)
    data = _zip(sealed)
    assert len(data) < 1024**2
    report = ofd.verify_ofd_bytes(data, "bomb.ofd", store)
    (sig,) = report.signatures
    assert sig.status == "invalid" and "ofd_zip_bomb" in _codes(sig)
    small = ofd.OfdLimits(entry_size=100)
    report = ofd.verify_ofd_bytes(_zip(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker)),
                                  "small.ofd", store, small)
    assert report.signatures[0].status == "invalid"
    assert "ofd_entry_too_large" in _codes(report.signatures[0])


def test_untrusted_path_traversal_and_duplicates(base: dict[str, bytes], store: TrustStore,
                                                 sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    sealed = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker)
    sig_xml = sealed[f"{SIGN0}/Signature.xml"].replace(
        b'FileRef="/Doc_0/PublicRes.xml"', b'FileRef="../../../../etc/passwd"')
    files = {**sealed, f"{SIGN0}/Signature.xml": sig_xml}
    (sig,) = _verify(files, store, tmp_path).signatures
    assert sig.status == "invalid" and "bad_reference" in _codes(sig)
    listed = sealed["Doc_0/Signs/Signatures.xml"].replace(b"Sign_0/Signature.xml",
                                                           b"../../../../tmp/Signature.xml")
    (sig,) = _verify({**sealed, "Doc_0/Signs/Signatures.xml": listed}, store,
                     tmp_path).signatures
    assert sig.status == "invalid"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in sealed.items():
            zf.writestr(name, data)
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("OFD.xml", b"<evil/>")  # a second OFD.xml
    report = ofd.verify_ofd_bytes(buf.getvalue(), "dup.ofd", store)
    assert report.verdict == "error" and report.error_code == "ofd_duplicate_entry"


def test_random_damage_never_raises(base: dict[str, bytes], store: TrustStore,
                                    sm2_pki: Sm2TestPki) -> None:
    data = _zip(ofdb.seal_files(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker),
                                sm2_pki.org_b, kind="cms"), zipfile.ZIP_STORED)
    rng = random.Random(33190)
    for _ in range(60):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        report = ofd.verify_ofd_bytes(bytes(mutated), "fuzz.ofd", store)
        assert report.verdict in ("valid", "invalid", "error", "no_signatures")


def test_unsealed_ofd_has_no_signatures(base: dict[str, bytes], store: TrustStore,
                                        tmp_path: Path) -> None:
    report = _verify(base, store, tmp_path)
    assert report.verdict == "no_signatures" and report.exit_code == 1


def test_seal_maker_from_an_untrusted_ca(base: dict[str, bytes], store: TrustStore,
                                         sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    (sig,) = _verify(ofdb.seal_files(base, sm2_pki.org, sm2_pki.other_org), store,
                     tmp_path).signatures
    assert sig.status == "untrusted" and not sig.trusted and sig.intact
    assert "maker_no_chain" in _codes(sig) and headline(sig) == "证书不受信任"
    assert sig.seal is not None and "不受信任国密有限公司" in sig.seal.maker


@pytest.mark.parametrize("kind", ["ses-v1", "ses-v4", "gm-cms"])
def test_raw_signature_values(base: dict[str, bytes], store: TrustStore, sm2_pki: Sm2TestPki,
                              tmp_path: Path, kind: str) -> None:
    files = ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, kind=kind, raw_signature=True)
    report = _verify(files, store, tmp_path)
    assert report.verdict == "valid", report.signatures[0].messages


def test_picture_in_a_format_we_cannot_draw(base: dict[str, bytes], store: TrustStore,
                                            sm2_pki: Sm2TestPki, tmp_path: Path) -> None:
    from tests.gm import ses as sesb

    seal = sesb.make_seal(sm2_pki.maker, [sm2_pki.org], picture_type="SVG",
                          picture=b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (sig,) = _verify(ofdb.seal_files(base, sm2_pki.org, sm2_pki.maker, seal=seal), store,
                     tmp_path).signatures
    assert sig.status == "valid" and "picture_unsupported" in _codes(sig)
    assert sig.seal is not None and sig.seal.picture_type == "SVG"
