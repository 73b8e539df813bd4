"""PDFs with SM2 CMS signatures, written through pyHanko's low-level CMS embedder (the way a
remote or foreign signer's CMS is placed in a PDF), SubFilter ``adbe.pkcs7.detached``."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from pyhanko.sign.signers.cms_embedder import PdfCMSEmbedder, SigIOSetup, SigObjSetup
from pyhanko.sign.signers.pdf_byterange import SignatureObject

from cgn_seal_desktop.seal.gm import oids

#: Builds the /Contents bytes from the signed bytes (the two ByteRange parts joined).
ContentsBuilder = Callable[[bytes], bytes]


def embed(src: Path, out: Path, build: ContentsBuilder, *, field_name: str = "GMSeal1",
          page: int = 1, reserve: int = 16384) -> Path:
    """Sign *src* into *out*: a new signature field whose /Contents is ``build(signed_bytes)``."""
    oids.register()
    with src.open("rb") as fh:
        writer = IncrementalPdfFileWriter(io.BytesIO(fh.read()), strict=False)
    embedder = PdfCMSEmbedder(new_field_spec=fields.SigFieldSpec(
        field_name, on_page=page - 1, box=(400, 80, 520, 200)))
    coroutine = embedder.write_cms(field_name=field_name, writer=writer)
    next(coroutine)
    coroutine.send(SigObjSetup(sig_placeholder=SignatureObject(bytes_reserved=reserve)))
    prepared, output = coroutine.send(SigIOSetup(md_algorithm="sm3", in_place=False))
    buf = output.getbuffer()
    signed = bytes(buf[: prepared.reserved_region_start]) + bytes(
        buf[prepared.reserved_region_end:])
    del buf
    coroutine.send(build(signed))
    out.write_bytes(output.getvalue())
    return out
