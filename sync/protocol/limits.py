"""Limits on everything a peer sends. Both sides check them: the server refuses a request
beyond them with 413/422 and a reason, the client never builds one that would be refused."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    body_bytes: int = 8 * 1024 * 1024  # a request body as sent (compressed)
    body_bytes_decoded: int = 32 * 1024 * 1024  # the same body decompressed (zip bombs)
    batch_changes: int = 1000  # changes in one push
    page_changes: int = 2000  # changes in one pull page (the client may ask fewer)
    patch_keys: int = 400  # fields in one change
    key_chars: int = 200  # one patch key ("answers.<name>")
    entity_chars: int = 64  # a record kind's name
    value_bytes: int = 256 * 1024  # one field's value, as JSON
    json_depth: int = 32  # nesting of a value
    name_chars: int = 200  # clinic, device and admin names
    attachment_bytes: int = 512 * 1024  # one attachment (desktop.services.attachments)
    attachments_per_query: int = 500  # hashes in one "which do you lack" question
    code_chars: int = 64  # an enrolment code


LIMITS = Limits()
