"""上传资料 file rules, without Qt: the desktop's pre-check and the sandbox's check read one table,
so a file the desktop lets through is one the server takes, and a file it stops is one the server
would refuse for the same reason."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.materials import (
    FILE_TYPES,
    MaterialProblem,
    content_type_for_name,
    detect_type,
    name_fits,
    precheck,
)
from cgn_seal_desktop.portal.models import MaterialKind, MaterialKindInfo
from tests.portal.conftest import LIMITS
from tests.portal.helpers import full_form, pdf_bytes, png_bytes, verify

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32


def _info(*types: str, max_bytes: int = 1024) -> MaterialKindInfo:
    return MaterialKindInfo(kind=MaterialKind.BUSINESS_LICENCE, label="营业执照", required=True,
                            content_types=list(types or FILE_TYPES), max_bytes=max_bytes)


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("licence.pdf", pdf_bytes(), None),
    ("LICENCE.PDF", pdf_bytes(), None),  # extensions in any case
    ("scan.jpeg", JPEG, None),
    ("scan.JPG", JPEG, None),
    ("scan.png", png_bytes(), None),
    ("licence.docx", b"PK\x03\x04", MaterialProblem.TYPE),
    ("licence", pdf_bytes(), MaterialProblem.TYPE),  # no extension
    ("untrusted_renamed.pdf", b"MZ\x90\x00 a program", MaterialProblem.TYPE),
    ("untrusted_png_named.pdf", png_bytes(), MaterialProblem.TYPE),
    # 0 bytes is said as such, not as "file type not accepted"
    ("untrusted_empty.pdf", b"", MaterialProblem.EMPTY),
    ("untrusted_empty.png", b"", MaterialProblem.EMPTY),
    ("untrusted_empty.docx", b"", MaterialProblem.TYPE),  # the name says it is no scan
    ("untrusted_big.pdf", pdf_bytes("x" * 2000), MaterialProblem.SIZE),
])
def test_precheck(tmp_path: Path, name: str, data: bytes,
                  problem: MaterialProblem | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert precheck(path, _info()) is problem


def test_precheck_follows_the_kinds_accepted_types(tmp_path: Path) -> None:
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_bytes())
    assert precheck(scan, _info("application/pdf")) is MaterialProblem.TYPE
    assert precheck(scan, _info("image/png")) is None


def test_precheck_of_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    assert precheck(tmp_path / "gone.pdf", _info()) is MaterialProblem.UNREADABLE
    (tmp_path / "folder.pdf").mkdir()
    assert precheck(tmp_path / "folder.pdf", _info()) is MaterialProblem.UNREADABLE


def test_the_table() -> None:
    assert detect_type(pdf_bytes()) == "application/pdf"
    assert detect_type(png_bytes()) == "image/png"
    assert detect_type(JPEG) == "image/jpeg"
    assert detect_type(b"GIF89a") is None
    assert content_type_for_name(r"C:\扫描件\营业执照.JPEG") == "image/jpeg"
    assert content_type_for_name("a.pdf.exe") is None
    assert name_fits("x.jpg", "image/jpeg") and not name_fits("x.png", "image/jpeg")


def test_sandbox_and_desktop_agree(supplier: PortalClient, ops_http: httpx.Client,
                                   tmp_path: Path) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    [info] = [k for k in supplier.material_kinds() if k.kind is MaterialKind.BUSINESS_LICENCE]
    assert set(info.content_types) == set(FILE_TYPES)  # the server offers the same table
    assert info.max_bytes == LIMITS.max_upload_bytes
    samples = {
        "licence.pdf": pdf_bytes(), "scan.jpg": JPEG, "scan.png": png_bytes(),
        "untrusted_renamed.pdf": b"MZ\x90\x00 a program",
        "untrusted_png_named.jpg": png_bytes(),
        "untrusted_big.pdf": pdf_bytes("x" * LIMITS.max_upload_bytes),
    }
    for name, data in samples.items():
        path = tmp_path / name
        path.write_bytes(data)
        problem = precheck(path, info)
        try:
            supplier.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, path)
        except E.TooLarge:
            assert problem is MaterialProblem.SIZE, name
        except E.ValidationFailed as exc:
            assert exc.server_code in ("bad_file_type", "extension_mismatch"), name
            assert problem is MaterialProblem.TYPE, name
        else:
            assert problem is None, name
