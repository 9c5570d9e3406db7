"""The wire format shared by the laptop's sync client and the HQ server (`outpost-hq`).

Both sides import only this package from each other: the server never imports desktop/,
and the client's knowledge of HQ is what these models say. Versioned by
`PROTOCOL_VERSION`; every request carries it in the `Outpost-Protocol` header.
"""

from sync.protocol.limits import LIMITS, Limits
from sync.protocol.models import (
    DERIVED_IDS,
    PROTOCOL_VERSION,
    AttachmentsMissing,
    AttachmentsQuery,
    Change,
    ChangeResult,
    ChangeStatus,
    DeviceSummary,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    ErrorCode,
    Hello,
    PatchEntry,
    PositionalResult,
    PositionalResults,
    PulledChange,
    PullPage,
    PushRequest,
    PushResponse,
    StatusResponse,
    UploadOffset,
    compact_patch,
    derived_change_id,
)

__all__ = [
    "DERIVED_IDS",
    "LIMITS",
    "PROTOCOL_VERSION",
    "AttachmentsMissing",
    "AttachmentsQuery",
    "Change",
    "ChangeResult",
    "ChangeStatus",
    "DeviceSummary",
    "EnrolRequest",
    "EnrolResponse",
    "ErrorBody",
    "ErrorCode",
    "Hello",
    "Limits",
    "PatchEntry",
    "PositionalResult",
    "PositionalResults",
    "PullPage",
    "PulledChange",
    "PushRequest",
    "PushResponse",
    "StatusResponse",
    "UploadOffset",
    "compact_patch",
    "derived_change_id",
]
