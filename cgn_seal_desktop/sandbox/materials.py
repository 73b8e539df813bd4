"""上传资料: materials are checked by content (magic bytes), size and SHA-256, not by name."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

from cgn_seal_desktop.fsutil import atomic_write_bytes
from cgn_seal_desktop.portal.materials import FILE_TYPES, detect_type, name_fits
from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    Material,
    MaterialKind,
    MaterialKindInfo,
)
from cgn_seal_desktop.sandbox.applications import application_row
from cgn_seal_desktop.sandbox.context import CtxDep, DbId, UserId, parse_ts, ts
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES, ApiError
from cgn_seal_desktop.sandbox.labels import MATERIAL_LABELS

__all__ = ["MATERIAL_LABELS", "router"]

router = APIRouter(prefix="/v1", tags=["materials"], responses=ERROR_RESPONSES)



@router.get("/material-kinds", response_model=list[MaterialKindInfo])
def material_kinds(ctx: CtxDep) -> list[MaterialKindInfo]:
    """Which materials exist, what files are accepted and how large they may be."""
    return [
        MaterialKindInfo(kind=k, label=MATERIAL_LABELS[k],
                         required=k is not MaterialKind.AUTHORISATION_LETTER,
                         content_types=list(FILE_TYPES), max_bytes=ctx.limits.max_upload_bytes)
        for k in MaterialKind
    ]


@router.put("/applications/{app_id}/materials/{kind}", response_model=Material)
def upload_material(
    app_id: DbId,
    kind: MaterialKind,
    file: Annotated[UploadFile, File(description="PDF, JPEG or PNG")],
    sha256: Annotated[str, Form(min_length=64, max_length=64, pattern=r"^[0-9a-fA-F]{64}$")],
    user_id: UserId,
    ctx: CtxDep,
) -> Material:
    """Upload (or replace) one material; the server recomputes and compares the SHA-256."""
    limit = ctx.limits.max_upload_bytes
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "too_large", f"File larger than {limit} bytes",
                       {"file": f"文件不能超过 {limit // (1024 * 1024)} MB"})
    if not data:
        raise ApiError(422, "empty_file", "The file is empty", {"file": "文件为空（0 字节）"})
    ctype = detect_type(data)
    if ctype is None:
        raise ApiError(422, "bad_file_type", "Only PDF, JPEG or PNG files are accepted",
                       {"file": "仅支持 PDF、JPG、PNG 文件"})
    filename = PurePath((file.filename or "upload").replace("\\", "/")).name[:200] or "upload"
    if not name_fits(filename, ctype):
        raise ApiError(422, "extension_mismatch", "File name does not match its content",
                       {"file": "文件扩展名与内容不符"})
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256.lower():
        raise ApiError(422, "checksum_mismatch", "SHA-256 differs; upload again",
                       {"sha256": "文件校验失败，请重新上传"})
    with ctx.db.tx() as conn:
        row = application_row(conn, user_id, app_id)
        if not ApplicationStatus(row["status"]).editable:
            raise ApiError(409, "wrong_state", f"Cannot change materials while '{row['status']}'")
        stored = f"{app_id}-{kind.value}-{digest[:16]}{PurePath(filename).suffix.lower()}"
        old = conn.execute("SELECT stored_name FROM materials WHERE application_id=? AND kind=?",
                           (app_id, kind.value)).fetchone()
        atomic_write_bytes(ctx.db.uploads_dir / stored, data, mode=0o600)
        now = ctx.now()
        conn.execute(
            "INSERT OR REPLACE INTO materials(application_id, kind, filename, content_type, size,"
            " sha256, stored_name, uploaded_at) VALUES (?,?,?,?,?,?,?,?)",
            (app_id, kind.value, filename, ctype, len(data), digest, stored, ts(now)))
        conn.execute("UPDATE applications SET updated_at=? WHERE id=?", (ts(now), app_id))
    if old is not None and old["stored_name"] != stored:
        ctx.db.discard_upload(old["stored_name"])  # the replaced file, once the new one counts
    return Material(kind=kind, filename=filename, content_type=ctype, size=len(data),
                    sha256=digest, uploaded_at=parse_ts(ts(now)))
