"""Reading a multipart form safely: files stop at their size limit and are sniffed for their type."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from aiohttp import BodyPartReader, web

from channels.base import AttachmentBlob
from channels.form_fields import TEXT_FIELDS, FieldError
from gateway.security import CSRF_FIELD, Guard, sniff_type
from gateway.settings import UploadSettings

MAX_FIELD_BYTES = 64 * 1024  # any text field is cut here, which is past every length limit
MAX_PARTS = 40
CHUNK = 64 * 1024


@dataclass
class Submission:
    """A multipart form as read: text fields, accepted files, and problems with the files."""

    submission_id: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    files: list[AttachmentBlob] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


async def read_limited(part: BodyPartReader, limit: int) -> tuple[bytes, bool]:
    """The part's first ``limit`` bytes, and whether it was longer; reading stops at the limit."""
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        if len(data) + len(chunk) > limit:
            return bytes(data + chunk[: limit - len(data)]), True
        data += chunk
    return bytes(data), False


async def read_submission(request: web.Request, guard: Guard, uploads: UploadSettings) -> Submission:
    """Stream the form; the CSRF token is checked before the first file is read (403 if bad)."""
    if request.content_type != "multipart/form-data":
        guard.check_csrf(request, (await request.post()).get(CSRF_FIELD))
        raise web.HTTPBadRequest(text="send the form as multipart/form-data")
    form = Submission()
    try:
        await _read_parts(request, form, guard, uploads)
    except ValueError as e:  # aiohttp's word for a malformed body: no boundary, or cut short
        raise web.HTTPBadRequest(text=f"malformed multipart body: {e}") from e
    form.submission_id = form.submission_id or guard.check_csrf(request, form.fields.get(CSRF_FIELD))
    return form


async def _read_parts(request: web.Request, form: Submission, guard: Guard,
                      uploads: UploadSettings) -> None:
    reader, parts = await request.multipart(), 0
    while (part := await reader.next()) is not None:
        parts += 1
        if not isinstance(part, BodyPartReader) or parts > MAX_PARTS:
            raise web.HTTPBadRequest(text="unexpected form structure")
        if part.filename is None:
            await _read_text(part, form)
            continue
        form.submission_id = form.submission_id or guard.check_csrf(request, form.fields.get(CSRF_FIELD))
        if not await _read_file(part, form, uploads):
            return  # stop reading the body: the form is shown again whatever follows


async def _read_text(part: BodyPartReader, form: Submission) -> None:
    if part.name in (*TEXT_FIELDS, CSRF_FIELD):
        data, _ = await read_limited(part, MAX_FIELD_BYTES)  # a cut answer fails its length check
        form.fields[part.name] = data.decode("utf-8", errors="ignore")


async def _read_file(part: BodyPartReader, form: Submission, uploads: UploadSettings) -> bool:
    """Read one file into ``form``; False when reading should stop (too big or too many)."""
    name = PurePosixPath((part.filename or "").replace("\\", "/")).name[:255]
    if not name:  # the empty part a browser sends when no file was chosen
        await part.release()
        return True
    if len(form.files) >= uploads.max_files:
        form.errors.append(FieldError("attachments", f"Select up to {uploads.max_files} files"))
        return False
    data, too_big = await read_limited(part, uploads.max_file_bytes)
    if too_big:
        limit = size_text(uploads.max_file_bytes)
        form.errors.append(FieldError("attachments", f"The selected file {name} must be smaller than {limit}"))
        return False
    kind = sniff_type(name, part.headers.get("Content-Type", ""), data, uploads.allowed_types)
    if not data or kind is None:
        problem = "is empty" if not data else f"must be {accepted_summary(uploads)}"
        form.errors.append(FieldError("attachments", f"The selected file {name} {problem}"))
    else:
        form.files.append(AttachmentBlob(filename=name, content_type=kind, data=data))
    return True


def size_text(limit: int) -> str:
    """``10 MB``, ``500 KB`` or ``900 bytes``, as people read file sizes."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB" if limit >= 1024 else f"{limit} bytes"


def accepted_summary(uploads: UploadSettings) -> str:
    """``a JPG, PNG, PDF or TXT`` for the allowed content types."""
    names = list(dict.fromkeys(
        (mimetypes.guess_extension(t) or t.rsplit("/", 1)[-1]).lstrip(".").upper().replace("JPE", "JPG")
        for t in uploads.allowed_types))
    return "a " + (", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0])

