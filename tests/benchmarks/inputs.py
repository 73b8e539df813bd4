"""Benchmark inputs made on the fly: PDFs with text and incompressible images, a SoftHSM2
UKEY holding the test organisation's key, and copies signed with 1, 3 and 10 seals."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from tests import softhsm
from tests.pki import TestPki, build_test_pki

__all__ = ["BenchInputs", "UKey", "make_inputs", "make_pdf", "setup_ukey"]

TOKEN = "CGN-BENCH"
#: Seal rectangles (PDF points) for up to ten seals on page 1, a 5 x 2 grid.
SEAL_RECTS = [(40.0 + 105 * (i % 5), 40.0 + 105 * (i // 5), 140.0 + 105 * (i % 5),
               140.0 + 105 * (i // 5)) for i in range(10)]

_TEXT = ("中广核电子商务平台 供应商投标文件 第 {n} 页 —— 数字证书(电子印章)盖章自检",
         "Tender document of a supplier, page {n}: technical offer, price list, annexes.")


def _text_ops(n: int) -> bytes:
    cjk = _TEXT[0].format(n=n).encode("utf-16-be").hex().upper()
    lines = [f"BT /F2 12 Tf 56 770 Td <{cjk}> Tj ET"]
    latin = _TEXT[1].format(n=n).replace("(", "[").replace(")", "]")
    lines += [f"BT /F1 10 Tf 56 {742 - 16 * i} Td ({latin}) Tj ET" for i in range(12)]
    lines.append("0 0 0.6 RG 0.8 w 56 62 483 460 re S")
    lines.append("q 403 0 0 403 96 99 cm /Im0 Do Q")
    return "\n".join(lines).encode("ascii")


def make_pdf(path: Path, pages: int, image_bytes_per_page: int) -> Path:
    """A PDF of A4 *pages*, each with text lines (Latin and Chinese) and a random-noise image.

    Noise does not compress, so the file is about ``pages * image_bytes_per_page`` bytes. The
    file is written directly (objects in order, one xref table): 200 MB take a few seconds,
    where building it page by page with PyMuPDF took 45 s.
    """
    side = max(8, int((image_bytes_per_page / 3) ** 0.5))
    offsets: list[int] = []
    with path.open("wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

        def obj(body: bytes, stream: bytes | None = None) -> None:
            offsets.append(f.tell())
            f.write(f"{len(offsets)} 0 obj\n".encode())
            if stream is None:
                f.write(body + b"\nendobj\n")
            else:
                f.write(body[:-2] + f"/Length {len(stream)}>>\nstream\n".encode())
                f.write(stream + b"\nendstream\nendobj\n")

        first_page = 5
        kids = " ".join(f"{first_page + 3 * i} 0 R" for i in range(pages))
        obj(b"<</Type/Catalog/Pages 2 0 R>>")
        obj(f"<</Type/Pages/Count {pages}/Kids[{kids}]>>".encode())
        obj(b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
        obj(b"<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H"
            b"/DescendantFonts[<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light"
            b"/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 4>>"
            b"/FontDescriptor<</Type/FontDescriptor/FontName/STSong-Light/Flags 6"
            b"/FontBBox[-25 -254 1000 880]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 880"
            b"/StemV 93>>>>]>>")
        for i in range(pages):
            p = first_page + 3 * i
            obj(f"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents {p + 1} 0 R"
                f"/Resources<</Font<</F1 3 0 R/F2 4 0 R>>/XObject<</Im0 {p + 2} 0 R>>>>>>"
                .encode())
            obj(b"<<>>", _text_ops(i + 1))
            obj(f"<</Type/XObject/Subtype/Image/Width {side}/Height {side}/ColorSpace/DeviceRGB"
                f"/BitsPerComponent 8>>".encode(), os.urandom(side * side * 3))
        xref = f.tell()
        f.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        f.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
        f.write(f"trailer\n<</Size {len(offsets) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"
                .encode())
    return path


@dataclass
class UKey:
    module: str
    pin: str
    token: str
    root_pem: Path
    pki: TestPki


def setup_ukey(base: Path) -> UKey:
    """A SoftHSM2 token with the test organisation's RSA key, its certificate and the CA chain.

    Sets ``SOFTHSM2_CONF`` for this process and the children it starts.
    """
    from cgn_seal_desktop.ukey.discovery import find_modules

    conf = softhsm.write_config(base / "softhsm")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    module = next((m.path for m in find_modules() if m.vendor and m.vendor.id == "softhsm2"),
                  None)
    if module is None:
        raise SystemExit("SoftHSM2 is not installed (apt-get install softhsm2)")
    pki = build_test_pki()
    softhsm.init_token(conf, TOKEN)
    softhsm.fill_token(module, softhsm.TokenSpec(
        TOKEN, [(b"\x01", pki.org_rsa)], [(b"\xca\x01", pki.ca), (b"\xca\x02", pki.root)], []))
    root = base / "root.pem"
    root.write_bytes(pki.root_pem)
    return UKey(module, softhsm.USER_PIN, TOKEN, root, pki)


@dataclass
class BenchInputs:
    base: Path
    ukey: UKey
    plain: dict[str, Path]  # "small" / "medium" / "large" → unsigned PDF
    sealed: dict[tuple[str, int], Path]  # (size name, seal count) → signed PDF
    seconds: float


#: name → (pages, image bytes per page); about 5 MB, 50 MB and 200 MB.
SIZES = {"small": (10, 500_000), "medium": (500, 100_000), "large": (2000, 100_000)}


def make_inputs(base: Path, *, quick: bool) -> BenchInputs:
    """Everything the benchmarks read, under *base*. Quick mode skips the 500-page file."""
    from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest
    from cgn_seal_desktop.seal.ukey_sign import sign_with_session
    from cgn_seal_desktop.ukey.pin import Pin
    from tests.softhsm import open_token

    t0 = time.perf_counter()
    ukey = setup_ukey(base)
    names = ["small", "large"] if quick else ["small", "medium", "large"]
    plain = {n: make_pdf(base / f"{n}.pdf", *SIZES[n]) for n in names}
    sealed: dict[tuple[str, int], Path] = {}
    with open_token(ukey.module, ukey.token) as session:
        session.login(Pin(ukey.pin))
        for name in names:
            counts = [1, 3, 10] if name == "small" else [1]
            src = plain[name]
            for i in range(max(counts)):
                out = base / f"{name}-{i + 1}seal.pdf"
                req = SignRequest(placement=SealPlacement(1, SEAL_RECTS[i]), reason="盖章自检")
                sign_with_session(session, src, out, req)
                if src != plain[name] and (name, i) not in sealed:
                    src.unlink()  # an intermediate revision nobody measures
                src = out
                if i + 1 in counts:
                    sealed[(name, i + 1)] = out
    return BenchInputs(base, ukey, plain, sealed, time.perf_counter() - t0)
