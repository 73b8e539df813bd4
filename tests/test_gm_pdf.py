"""SM2 seals in PDFs: SM2 CMS in both OID families (with and without signed attributes, DER
and raw signatures) and GB/T 38540 seals in /Contents, all behind ``adbe.pkcs7.detached``;
tampered variants of each; pyHanko's difference analysis for later changes."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import pymupdf
import pytest

from cgn_seal_desktop.seal.gm import sm2
from cgn_seal_desktop.seal.gm.outcome import headline
from cgn_seal_desktop.seal.trust import TrustStore
from cgn_seal_desktop.seal.verify import verify_bytes
from cgn_seal_desktop.seal.verify_file import verify_file
from tests import hostile
from tests.gm import cms as cmsb
from tests.gm import pdf as pdfb
from tests.gm import ses as sesb
from tests.gm.pki import QUIRKS, Sm2Issued, Sm2TestPki, issue_sm2
from tests.pdfs import make_pdf


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gm-pdf")


@pytest.fixture(scope="module")
def store(gm_trust: Path) -> TrustStore:
    return TrustStore.load([gm_trust], bundled=False, user=False)


@pytest.fixture(scope="module")
def src(work: Path) -> Path:
    return make_pdf(work / "contract.pdf")


def _cms_pdf(src: Path, out: Path, signer: Sm2Issued, **kw: object) -> Path:
    return pdfb.embed(src, out, lambda signed: cmsb.signed_data(signed, [signer], **kw))  # type: ignore[arg-type]


def _ses_pdf(src: Path, out: Path, pki: Sm2TestPki, *, version: int = 4,
             signer: Sm2Issued | None = None, field_name: str = "GMSeal1", **kw: object) -> Path:
    signer = signer or pki.org
    seal = sesb.make_seal(pki.maker, [signer], version=version, **kw)  # type: ignore[arg-type]
    return pdfb.embed(src, out, lambda signed: sesb.sign_seal(
        seal, signer, sm2.sm3(signed), version=version), field_name=field_name)


@pytest.mark.parametrize("family", ["pkcs7", "gm"])
@pytest.mark.parametrize("signed_attrs", [True, False])
@pytest.mark.parametrize("raw", [False, True])
def test_sm2_cms_pdfs_are_valid(src: Path, work: Path, store: TrustStore, sm2_pki: Sm2TestPki,
                                family: str, signed_attrs: bool, raw: bool) -> None:
    out = _cms_pdf(src, work / f"cms-{family}-{signed_attrs}-{raw}.pdf", sm2_pki.org,
                   family=family, signed_attrs=signed_attrs, raw_signature=raw)
    assert b"/adbe.pkcs7.detached" in out.read_bytes()
    report = verify_file(out, store)
    assert report.verdict == "valid", report.signatures[0].messages
    (sig,) = report.signatures
    assert sig.algorithm == "SM2-SM3" and sig.format == ("gm-cms" if family == "gm" else "cms")
    assert sig.intact and sig.trusted and sig.covers_whole_file and sig.page == 1
    assert sig.organization == "深圳市国密测试供应商有限公司"
    assert sig.trust_anchor and "TEST" in sig.trust_anchor
    assert headline(sig) == "签名有效"
    # Without the SM2 roots the same seal is intact but untrusted.
    untrusted = verify_file(out, TrustStore.load(bundled=True, user=False)).signatures[0]
    assert untrusted.status == "untrusted" and untrusted.intact
    assert headline(untrusted) == "证书不受信任"


@pytest.mark.parametrize("signed_attrs", [True, False])
def test_sm2_cms_tampered(src: Path, work: Path, store: TrustStore, sm2_pki: Sm2TestPki,
                          signed_attrs: bool) -> None:
    good = _cms_pdf(src, work / f"tamper-{signed_attrs}.pdf", sm2_pki.org, family="gm",
                    signed_attrs=signed_attrs)
    data = good.read_bytes()
    # 1. A byte of the signed content.
    sig = verify_bytes(hostile.change_drawing_in_signed_range(data), "x.pdf",
                       store).signatures[0]
    assert sig.status == "invalid" and not sig.intact
    assert headline(sig) in ("文档在盖章后被修改", "签名无效")
    # 2. A byte of the signature value (the last non-zero hex digit pair of /Contents).
    m = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", data)
    assert m
    hex_value = m.group(1).rstrip(b"0")
    pos = m.start(1) + len(hex_value) - 4
    swapped = data[:pos] + (b"00" if data[pos:pos + 2] != b"00" else b"11") + data[pos + 2:]
    sig = verify_bytes(swapped, "x.pdf", store).signatures[0]
    assert sig.status == "invalid", sig.messages
    # 3. Content changed by a later incremental update.
    later = work / f"later-{signed_attrs}.pdf"
    shutil.copy(good, later)
    doc = pymupdf.open(later)
    doc[0].insert_text((72, 400), "付款金额改为 1,000,000 元", fontname="china-s", fontsize=18)
    doc.saveIncr()
    doc.close()
    sig = verify_file(later, store).signatures[0]
    assert sig.status == "modified" and sig.intact and sig.changes_after_signing == "other"
    assert headline(sig) == "文档在盖章后被修改"


def test_sm2_cms_signed_by_another_key(src: Path, work: Path, store: TrustStore,
                                       sm2_pki: Sm2TestPki) -> None:
    # The certificate of one supplier, the signature of another: not valid.
    info = cmsb.signer_info(b"", sm2_pki.org_b)
    out = pdfb.embed(src, work / "wrong-key.pdf", lambda signed: cmsb.signed_data(
        signed, [sm2_pki.org], infos=[cmsb.signer_info(signed, sm2_pki.org_b)]))
    assert info
    sig = verify_file(out, store).signatures[0]
    assert sig.status == "invalid"


def test_sm2_cms_expired_and_untrusted(src: Path, work: Path, store: TrustStore,
                                       sm2_pki: Sm2TestPki) -> None:
    expired = verify_file(_cms_pdf(src, work / "expired.pdf", sm2_pki.expired), store)
    assert expired.signatures[0].status == "expired" and expired.signatures[0].intact
    other = verify_file(_cms_pdf(src, work / "other.pdf", sm2_pki.other_org), store)
    assert other.signatures[0].status == "untrusted" and other.signatures[0].intact


@pytest.mark.parametrize("version", [1, 4, 5])
def test_ses_seal_in_pdf(src: Path, work: Path, store: TrustStore, sm2_pki: Sm2TestPki,
                         version: int) -> None:
    out = _ses_pdf(src, work / f"ses-v{version}.pdf", sm2_pki, version=version)
    report = verify_file(out, store)
    (sig,) = report.signatures
    assert report.verdict == "valid", sig.messages
    assert sig.format == f"ses-v{version}" and sig.algorithm == "SM2-SM3"
    assert sig.seal is not None and sig.seal.name.endswith("合同专用章")
    assert sig.seal.esid == "4403000000001" and sig.seal.type == 1
    assert sig.seal.picture.startswith(b"\x89PNG") and sig.seal.picture_type == "PNG"
    assert "电子印章制作中心" in sig.seal.maker
    assert sig.page == 1 and sig.covers_whole_file and sig.trusted
    d = json.loads(report.to_json())["signatures"][0]
    assert d["format"] == f"ses-v{version}" and d["algorithm"] == "SM2-SM3"
    assert d["seal"]["name"] == sig.seal.name and d["seal"]["picture_size"] > 100
    assert "picture" not in d["seal"] and "picture_base64" not in d["seal"]
    full = report.to_dict(include_pictures=True)["signatures"][0]["seal"]
    assert base64.b64decode(full["picture_base64"]) == sig.seal.picture


def test_ses_in_pdf_tampered_and_later_seal(src: Path, work: Path, store: TrustStore,
                                            sm2_pki: Sm2TestPki) -> None:
    good = _ses_pdf(src, work / "ses-good.pdf", sm2_pki)
    data = good.read_bytes()
    sig = verify_bytes(hostile.change_drawing_in_signed_range(data), "x.pdf",
                       store).signatures[0]
    assert sig.status == "invalid" and "digest_mismatch" in [f.code for f in sig.findings]
    # A second SES seal later: the first stays valid, the change is a permitted one.
    twice = _ses_pdf(good, work / "ses-twice.pdf", sm2_pki, signer=sm2_pki.org_b,
                     field_name="GMSeal2")
    report = verify_file(twice, store)
    first, second = report.signatures
    assert report.verdict == "valid", (first.messages, second.messages)
    assert first.changes_after_signing == "form_filling" and not first.covers_whole_file
    assert second.covers_whole_file
    # Content changed after sealing.
    later = work / "ses-later.pdf"
    shutil.copy(good, later)
    doc = pymupdf.open(later)
    doc[0].insert_text((72, 400), "改", fontname="china-s", fontsize=18)
    doc.saveIncr()
    doc.close()
    sig = verify_file(later, store).signatures[0]
    assert sig.status == "modified" and headline(sig) == "文档在盖章后被修改"


def test_ses_seal_expired_and_maker_signature(src: Path, work: Path, store: TrustStore,
                                              sm2_pki: Sm2TestPki) -> None:
    now = dt.datetime.now(dt.UTC)
    old = _ses_pdf(src, work / "ses-expired.pdf", sm2_pki,
                   valid_from=now - dt.timedelta(days=30), valid_to=now - dt.timedelta(days=1))
    sig = verify_file(old, store).signatures[0]
    assert sig.status == "expired" and "seal_expired" in [f.code for f in sig.findings]
    assert headline(sig) == "印章已过期"
    # A seal whose picture was swapped after the maker signed it.
    seal = bytearray(sesb.make_seal(sm2_pki.maker, [sm2_pki.org]))
    at = bytes(seal).index(b"IHDR") + 20
    seal[at] ^= 0xFF
    forged = pdfb.embed(src, work / "ses-forged.pdf", lambda signed: sesb.sign_seal(
        bytes(seal), sm2_pki.org, sm2.sm3(signed)))
    sig = verify_file(forged, store).signatures[0]
    assert sig.status == "invalid" and headline(sig) == "制章者签名无效"
    assert sig.intact  # the signer's own signature still holds; the seal does not


def test_random_damage_never_raises(src: Path, work: Path, store: TrustStore,
                                    sm2_pki: Sm2TestPki) -> None:
    files = [_cms_pdf(src, work / "fuzz-cms.pdf", sm2_pki.org, signed_attrs=False),
             _ses_pdf(src, work / "fuzz-ses.pdf", sm2_pki)]
    rng = random.Random(38540)
    for path in files:
        data = path.read_bytes()
        start = data.index(b"/Contents")
        for _ in range(25):
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                pos = rng.randrange(start, min(len(data), start + 3000))
                mutated[pos] = rng.randrange(256)
            report = verify_bytes(bytes(mutated), "fuzz.pdf", store)
            assert report.verdict in ("valid", "invalid", "error", "no_signatures")


@pytest.mark.parametrize("quirk", QUIRKS)
def test_certificates_from_the_wild_in_pdfs(src: Path, work: Path, store: TrustStore,
                                            sm2_pki: Sm2TestPki, quirk: str) -> None:
    """A signer certificate the way some CAs write it is read, shown, and judged right."""
    wild = issue_sm2(sm2_pki.ca, "野生证书有限公司", org="野生证书有限公司", quirks=[quirk])
    out = _cms_pdf(src, work / f"wild-{quirk}.pdf", wild)
    report = verify_file(out, store)
    (sig,) = report.signatures
    assert report.verdict == "valid", sig.messages
    assert sig.organization == "野生证书有限公司" and sig.algorithm == "SM2-SM3"
    if quirk != "utf8_in_ia5_email":  # asn1crypto reads that one itself
        assert "certificate_quirk" in [f.code for f in sig.findings]
    data = out.read_bytes()
    broken = verify_bytes(hostile.change_drawing_in_signed_range(data), "x.pdf", store)
    assert broken.signatures[0].status == "invalid"
    later = work / f"wild-later-{quirk}.pdf"
    shutil.copy(out, later)
    doc = pymupdf.open(later)
    doc[0].insert_text((72, 400), "改", fontname="china-s", fontsize=18)
    doc.saveIncr()
    doc.close()
    assert verify_file(later, store).signatures[0].status == "modified"


def test_ses_v5_with_a_timestamp(src: Path, work: Path, store: TrustStore,
                                 sm2_pki: Sm2TestPki) -> None:
    """Version 5 only adds a timestamp over the signature value: the seal is checked as v4 and
    the timestamp is reported as not checked."""
    seal = sesb.make_seal(sm2_pki.maker, [sm2_pki.org], version=5)
    out = pdfb.embed(src, work / "ses-v5-ts.pdf", lambda signed: sesb.sign_seal(
        seal, sm2_pki.org, sm2.sm3(signed), version=5, timestamp=b"\x30\x03\x02\x01\x01"))
    (sig,) = verify_file(out, store).signatures
    assert sig.status == "valid" and sig.format == "ses-v5"
    assert "timestamp_not_checked" in [f.code for f in sig.findings]
