"""Sign a PDF with a visible seal (PAdES baseline B, SHA-256) into a new file.

The output is written atomically next to its final name; on any failure — wrong PIN, token
removed, cancel, a damaged input — no output file is left behind and the input is never touched.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.crypt import AuthStatus
from pyhanko.pdf_utils.generic import ArrayObject, DictionaryObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.stamp import StaticStampStyle

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.fsutil import OutputConflict, atomic_write, output_conflict
from cgn_seal_desktop.seal.errors import (
    FieldError,
    InputPdfError,
    OutputExistsError,
    PdfPasswordError,
    PlacementError,
    SigningCancelledError,
    SigningFailedError,
)
from cgn_seal_desktop.seal.request import SealPlacement, SignRequest, SignResult

__all__ = ["SealPlacement", "SignRequest", "SignResult", "existing_signature_fields", "sign_pdf"]

#: Smallest seal side in points (about 3.5 mm): anything smaller is a slip of the mouse.
MIN_SIDE = 10.0

Progress = Callable[[str, float], None]
Box = tuple[float, float, float, float]


class _ImportedPdfBytes(content.ImportedPdfPage):
    """``ImportedPdfPage`` from bytes instead of a file name."""

    def __init__(self, data: bytes) -> None:
        super().__init__(file_name="<memory>")
        self._data = data

    def render(self) -> bytes:
        import binascii
        import uuid

        w = self._ensure_writer
        xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(self._data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _stamp_style(appearance_pdf: bytes) -> StaticStampStyle:
    return StaticStampStyle(
        background=_ImportedPdfBytes(appearance_pdf),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(0, 0, 0, 0),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )


def _page_box(reader: PdfFileReader, page: int) -> tuple[int, Box | None]:
    """Page count, and the MediaBox of 1-based *page* (inherited value resolved) if it exists.

    Looks up that one page: parsing every page dict of a 500-page file took 0.25 s a signature.
    """
    count = int(reader.root["/Pages"]["/Count"])
    if not 1 <= page <= count:
        return count, None
    ref, _resources = reader.find_page_for_modification(page - 1)
    node, box = ref.get_object(), None
    for _depth in range(64):  # bounded: a /Parent loop in a damaged file must not hang us
        if box is not None or not isinstance(node, DictionaryObject):
            break
        box = node.get("/MediaBox")
        node = node.get("/Parent")
    # Encrypted files hand out proxies; get_object() yields the decrypted value.
    if box is not None and hasattr(box, "get_object"):
        box = box.get_object()
    if box is None:
        box = ArrayObject([0, 0, 612, 792])
    x0, y0, x1, y1 = (float(getattr(v, "get_object", lambda v=v: v)()) for v in box)
    return count, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def existing_signature_fields(reader: PdfFileReader) -> dict[str, bool]:
    """Signature field names mapped to whether they are already signed."""
    return {
        name: value is not None
        for name, value, _ref in fields.enumerate_sig_fields(reader)
    }


def _check_placement(placement: SealPlacement, count: int, box: Box | None) -> None:
    if box is None:
        raise PlacementError(f"Page {placement.page} does not exist (the file has {count})")
    x0, y0, x1, y1 = placement.rect
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        raise PlacementError("The seal area is too small or its corners are swapped")
    px0, py0, px1, py1 = box
    tol = 1.0  # rounding of on-screen placement
    if x0 < px0 - tol or y0 < py0 - tol or x1 > px1 + tol or y1 > py1 + tol:
        raise PlacementError("The seal area is outside the page")


def _open_input(data: BinaryIO, password: str | None) -> IncrementalPdfFileWriter:
    head = data.read(1024)
    data.seek(0)
    if b"%PDF-" not in head:
        raise InputPdfError("The file is not a PDF")
    try:
        writer = IncrementalPdfFileWriter(data, strict=False)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputPdfError(f"The PDF cannot be read: {type(exc).__name__}") from exc
    if writer.prev.encrypted:
        # Most "encrypted" PDFs only restrict editing and open with the empty password.
        try:
            result = writer.encrypt(password or "")
        except (PdfError, ValueError) as exc:
            raise PdfPasswordError(wrong_password=bool(password)) from exc
        if result.status == AuthStatus.FAILED:
            raise PdfPasswordError(wrong_password=bool(password))
        # pyHanko expects the trailer's /Encrypt to be indirect; PyMuPDF and others write it
        # inline. Re-adding it as an object keeps the same settings in the new revision.
        encrypt = writer._encrypt
        if isinstance(encrypt, DictionaryObject):
            writer._encrypt = writer.add_object(encrypt)
    return writer


def _next_field_name(existing: dict[str, bool]) -> str:
    n = 1
    while f"Seal{n}" in existing:
        n += 1
    return f"Seal{n}"


def sign_pdf(
    input_path: str | Path,
    output_path: str | Path,
    signer: signers.Signer,
    request: SignRequest,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SignResult:
    """Sign *input_path* into the new file *output_path* with *signer* (any pyHanko signer).

    Promises: the input is only read; the output appears complete or not at all; ``overwrite``
    must be true to replace an existing output, and the output may never be the input itself.
    Raises :class:`SealError` subclasses (and UKEY errors from the signer) — never raw pyHanko
    or PDF-parser exceptions.
    """
    input_path, output_path = Path(input_path), Path(output_path)
    report = progress or (lambda _stage, _f: None)
    is_cancelled = cancelled or (lambda: False)
    conflict = output_conflict(input_path, output_path)
    if conflict is OutputConflict.ORIGINAL:
        raise OutputExistsError("The signed copy must not replace the original file")
    if conflict is OutputConflict.EXISTS and not overwrite:
        raise OutputExistsError(f"{output_path.name} already exists")
    report("read", 0.0)
    try:
        # Read from the file as pyHanko needs it, instead of copying it into memory first: a
        # 200 MB tender stays on disk (the output is a copy of it plus the new revision).
        data = open(input_path, "rb")  # noqa: SIM115 - closed by the with-block below
    except OSError as exc:
        raise InputPdfError(f"Cannot read {input_path.name}: {exc.strerror}") from exc
    with data:
        return _sign_stream(data, output_path, signer, request, overwrite, report, is_cancelled)


def _sign_stream(
    data: BinaryIO,
    output_path: Path,
    signer: signers.Signer,
    request: SignRequest,
    overwrite: bool,
    report: Progress,
    is_cancelled: Callable[[], bool],
) -> SignResult:
    writer = _open_input(data, request.password)
    try:
        existing = existing_signature_fields(writer.prev)
        count, box = _page_box(writer.prev, request.placement.page if request.placement
                               else 1)
    except (PdfError, KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise InputPdfError(f"The PDF structure is damaged: {type(exc).__name__}") from exc

    new_field: fields.SigFieldSpec | None = None
    if request.field_name is not None and request.placement is None:
        if request.field_name not in existing:
            raise FieldError(f"There is no signature field named {request.field_name}")
        if existing[request.field_name]:
            raise FieldError(f"The field {request.field_name} is already signed")
        field_name, page = request.field_name, 0
    elif request.placement is not None:
        _check_placement(request.placement, count, box)
        field_name = request.field_name or _next_field_name(existing)
        if field_name in existing:
            raise FieldError(f"A field named {field_name} already exists")
        page = request.placement.page
        new_field = fields.SigFieldSpec(
            sig_field_name=field_name,
            on_page=page - 1,
            box=tuple(round(v) for v in request.placement.rect),  # type: ignore[arg-type]
        )
    else:
        raise PlacementError("Say where the seal goes: a page area or an empty signature field")

    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm=request.digest,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=request.reason,
        location=request.location,
        contact_info=request.contact,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        stamp_style=_stamp_style(request.appearance_pdf) if request.appearance_pdf else None,
        new_field_spec=new_field,
    )
    if is_cancelled():
        raise SigningCancelledError()
    report("sign", 0.3)
    try:
        with atomic_write(output_path, overwrite=overwrite) as out:
            pdf_signer.sign_pdf(writer, output=out)
            if is_cancelled():
                raise SigningCancelledError()
            report("write", 0.9)
    except CgnSealError:
        raise
    except SigningError as exc:
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, CgnSealError):
            raise cause from None
        raise SigningFailedError(f"Signing failed: {exc}") from exc
    except (PdfError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SigningFailedError(f"The PDF could not be signed: {type(exc).__name__}") from exc
    except OSError as exc:
        raise SigningFailedError(f"Cannot write {output_path.name}: {exc.strerror}") from exc
    report("done", 1.0)
    return SignResult(output=output_path, field_name=field_name, page=page)
