"""outpost-hq's HTTP API (FastAPI): the endpoints of `sync.protocol.models`.

Request bodies are read by the endpoints themselves (capped at LIMITS.body_bytes as sent,
decompressed with a bound, then parsed by the protocol models), so the OpenAPI document
declares them with `openapi_extra`. Every error, whatever raised it, is an `ErrorBody`
with a message for a person; anything a peer sends gets a 4xx, never a 5xx.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import (
    DERIVED_IDS,
    LIMITS,
    AttachmentsMissing,
    AttachmentsQuery,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    ErrorCode,
    Hello,
    PositionalResults,
    PullPage,
    PushRequest,
    PushResponse,
    StatusResponse,
    UploadOffset,
    wire,
)
from sync.protocol.models import PROTOCOL_HEADER
from sync.server import db, store
from sync.server.config import Settings

log = logging.getLogger("outpost_hq")

PROTOCOL_MIN = 1
PROTOCOL_MAX = 1
CHUNK_BYTES = 256 * 1024
SHA_PATTERN = r"^[0-9a-f]{64}$"
MEDIA_TYPE_PATTERN = (
    r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}$"
)

UPDATE_REQUIRED = (
    "This Outpost is too old for HQ: install the update of Outpost, then sync again "
    "(nothing was lost)."
)
UPDATE_HQ = (
    "This Outpost is newer than HQ: HQ must be updated before this laptop can sync "
    "(nothing was lost)."
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class ApiError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def error_response(status: int, code: ErrorCode, message: str, detail: Any = None) -> Response:
    body = ErrorBody(error=code, message=message, detail=detail)
    return Response(
        content=wire.model_bytes(body), status_code=status, media_type="application/json"
    )


class RateLimiter:
    """At most `limit` events per key in a sliding minute (this process's memory)."""

    def __init__(self, limit: int, window_s: float = 60.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if not events:
            del self._events[key]
            events = self._events.setdefault(key, deque())
        return events

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._trim(key, time.monotonic())) >= self.limit

    def record(self, key: str) -> None:
        with self._lock:
            self._trim(key, time.monotonic()).append(time.monotonic())
            if len(self._events) > 100_000:  # many addresses: forget the oldest
                for stale in list(self._events)[:50_000]:
                    del self._events[stale]


class ProtocolGate:
    """Refuses any /v1 request whose Outpost-Protocol is missing, garbled or outside
    [PROTOCOL_MIN, PROTOCOL_MAX] with 426, before anything else reads it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith("/v1"):
            value = None
            for name, raw in scope.get("headers", []):
                if name.lower() == PROTOCOL_HEADER.lower().encode():
                    value = raw.decode("latin-1").strip()
                    break
            version = int(value) if value is not None and value.isdigit() and len(value) < 6 else 0
            if not PROTOCOL_MIN <= version <= PROTOCOL_MAX:
                message = UPDATE_HQ if version > PROTOCOL_MAX else UPDATE_REQUIRED
                response = error_response(
                    426,
                    ErrorCode.UPDATE_REQUIRED,
                    message,
                    {"protocol_min": PROTOCOL_MIN, "protocol_max": PROTOCOL_MAX},
                )
                response.headers["Upgrade"] = f"{PROTOCOL_HEADER}/{PROTOCOL_MAX}"
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _errors(exc: ValidationError | RequestValidationError) -> list[dict[str, Any]]:
    raw = (
        exc.errors(include_url=False, include_input=False, include_context=False)
        if isinstance(exc, ValidationError)
        else list(exc.errors())
    )
    out = []
    for item in raw[:10]:
        loc = [str(part)[:60] for part in item.get("loc", ())][:8]
        out.append({"loc": loc, "msg": str(item.get("msg", ""))[:200]})
    return out


def _body_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (401, 403, 404, 409, 413, 422, 426, 429, 500)
}

Protocol = Annotated[
    str | None,
    Header(
        alias=PROTOCOL_HEADER,
        description="The protocol version the client speaks (1).",
        pattern=r"^\d{1,5}$",
    ),
]
bearer = HTTPBearer(auto_error=False, description="<device id>.<secret> from enrolment")
Sha = Annotated[str, Path(pattern=SHA_PATTERN, max_length=64)]
Creds = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def create_app(settings: Settings) -> FastAPI:
    """The ASGI app of one HQ (one engine, one log)."""
    engine = db.open_engine(settings.url, pool_size=settings.pool_size)
    clock = settings.clock
    enrol_failures = RateLimiter(settings.enrol_failures_per_minute)
    state: dict[str, uuid.UUID] = {}

    app = FastAPI(
        title="Outpost HQ",
        version="1",
        description=__doc__,
        separate_input_output_schemas=False,
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.settings = settings

    # --- errors -------------------------------------------------------------------

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(store.StoreError)
    async def _store_error(_request: Request, exc: store.StoreError) -> Response:
        return error_response(exc.status, ErrorCode(exc.code), exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> Response:
        return error_response(
            422,
            ErrorCode.INVALID,
            "HQ could not read this request: " + _summary(exc),
            _errors(exc),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(404, ErrorCode.NOT_FOUND, "HQ has nothing at this address.")
        if exc.status_code == 405:
            response = error_response(
                405, ErrorCode.INVALID, "This address does not take that method."
            )
            response.headers.update(exc.headers or {})
            return response
        code = ErrorCode.SERVER_ERROR if exc.status_code >= 500 else ErrorCode.INVALID
        return error_response(exc.status_code, code, str(exc.detail)[:200])

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error answering %s %s", request.method, request.url.path)
        return error_response(
            500, ErrorCode.SERVER_ERROR, "HQ failed to answer; nothing was changed by this request."
        )

    # --- helpers ------------------------------------------------------------------

    def answer(request: Request, model: BaseModel, status: int = 200) -> Response:
        return answer_bytes(request, wire.model_bytes(model), status)

    def answer_json(request: Request, body: Any, status: int = 200) -> Response:
        return answer_bytes(request, wire.dumps(body), status)

    def answer_bytes(request: Request, data: bytes, status: int = 200) -> Response:
        headers = {"Vary": "Accept-Encoding"}
        if len(data) >= wire.COMPRESS_FROM:
            encoding = wire.choose_encoding(request.headers.get("accept-encoding"))
            if encoding is not None:
                data = wire.encode(data, encoding)
                headers["Content-Encoding"] = encoding
        return Response(data, status_code=status, media_type="application/json", headers=headers)

    async def read_raw(request: Request, limit: int) -> bytes:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ApiError(413, ErrorCode.TOO_LARGE, f"A request body above {limit} bytes.")
        buf = bytearray()
        try:
            async for chunk in request.stream():
                buf += chunk
                if len(buf) > limit:
                    raise ApiError(413, ErrorCode.TOO_LARGE, f"A request body above {limit} bytes.")
        except ClientDisconnect:  # the peer left before the end of its body
            raise ApiError(400, ErrorCode.INVALID, "The request body ended early.") from None
        return bytes(buf)

    async def read_body(request: Request, limit: int = LIMITS.body_bytes) -> bytes:
        raw = await read_raw(request, limit)
        try:
            return wire.decode(
                raw, request.headers.get("content-encoding"), limit=LIMITS.body_bytes_decoded
            )
        except wire.BodyTooLarge as exc:
            raise ApiError(413, ErrorCode.TOO_LARGE, str(exc)) from None
        except wire.BadBody as exc:
            raise ApiError(422, ErrorCode.INVALID, str(exc)[:300]) from None

    async def parse(request: Request, model: type[M]) -> M:
        body = await read_body(request)
        try:
            return model.model_validate_json(body)
        except ValidationError as exc:
            raise ApiError(
                422,
                ErrorCode.INVALID,
                "HQ could not read this request: " + _summary(exc),
                _errors(exc),
            ) from None

    def now() -> int:
        return clock()

    async def in_thread(fn: Callable[[], T]) -> T:
        return await run_in_threadpool(fn)

    def current_log() -> uuid.UUID:
        if "log" not in state:
            with db.read_session(engine) as s:
                state["log"] = store.log_id(s)
        return state["log"]

    async def device_of(creds: HTTPAuthorizationCredentials | None) -> store.DeviceInfo:
        token = creds.credentials if creds is not None else None
        if not token or len(token) > 200:
            raise store.StoreError("unauthorized", store.UNAUTHORIZED, 401)

        def check() -> store.DeviceInfo:
            with db.read_session(engine) as s:
                return store.authenticate(s, token)

        return await in_thread(check)

    need = device_of

    # --- endpoints ----------------------------------------------------------------

    @app.get("/v1/hello", response_model=Hello, responses=ERRORS)
    async def hello(request: Request, _p: Protocol = None) -> Response:
        log_id = await in_thread(current_log)
        return answer(
            request,
            Hello(
                protocol_min=PROTOCOL_MIN,
                protocol_max=PROTOCOL_MAX,
                server_time_ms=now(),
                log_id=log_id,
                encodings=list(wire.ENCODINGS),
                features=[DERIVED_IDS],
            ),
        )

    @app.post(
        "/v1/enrol",
        response_model=EnrolResponse,
        responses=ERRORS,
        openapi_extra=_body_schema(EnrolRequest),
    )
    async def enrol(request: Request, _p: Protocol = None) -> Response:
        address = request.client.host if request.client else "?"
        if enrol_failures.blocked(address):
            raise ApiError(
                429,
                ErrorCode.RATE_LIMITED,
                "Too many enrolment attempts from this address: wait a minute and try again.",
            )
        body = await parse(request, EnrolRequest)
        printable(body.device_name, "A device name")

        def run() -> store.Enrolled:
            with db.write_session(engine) as s:
                return store.enrol(
                    s,
                    code=body.code,
                    device_name=body.device_name,
                    mode=body.mode,
                    clinic_id=body.clinic_id,
                    now_ms=now(),
                )

        try:
            done = await in_thread(run)
        except store.StoreError as exc:
            if exc.code == "code_invalid":
                enrol_failures.record(address)
            raise
        log.info(
            "enrolled device %s (%s) for clinic %s",
            done.device_id,
            body.device_name,
            done.clinic_name,
        )
        return answer(
            request,
            EnrolResponse(
                device_id=done.device_id,
                device_token=done.token,
                clinic_id=done.clinic_id,
                clinic_name=done.clinic_name,
                clinic_is_new=done.clinic_is_new,
                log_id=await in_thread(current_log),
                server_time_ms=now(),
            ),
        )

    @app.post(
        "/v1/push",
        # A `positional` push is answered without the ids its request implies: the document
        # says so, or a client checking the answer against it would refuse a correct one.
        response_model=PushResponse | PositionalResults,
        responses=ERRORS,
        openapi_extra=_body_schema(PushRequest),
    )
    async def push(request: Request, creds: Creds, _p: Protocol = None) -> Response:
        device = await need(creds)
        body = await parse(request, PushRequest)
        printable(body.summary.app_version, "An app version")

        def run() -> list[Any]:
            with db.write_session(engine) as s:
                return store.push(s, device, body.changes, body.summary, now())
            # committed here: only now may the answer say "applied"

        results = await in_thread(run)
        response = PushResponse(batch_id=body.batch_id, results=results, server_time_ms=now())
        if body.positional:  # the results in the request's order: their ids are implied
            data = wire.model_bytes(response, {"results": {"__all__": {"change_id"}}})
            return answer_bytes(request, data)
        return answer(request, response)

    @app.get("/v1/changes", response_model=PullPage, responses=ERRORS)
    async def changes(
        request: Request,
        creds: Creds,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=1_000_000)] = LIMITS.page_changes,
        log_id: Annotated[uuid.UUID | None, Query(alias="log")] = None,
        own: Annotated[bool, Query()] = True,
        _p: Protocol = None,
    ) -> Response:
        device = await need(creds)

        def run() -> store.PageBody:
            with db.read_session(engine) as s:
                page = store.pull_json(
                    s,
                    device,
                    after=after,
                    limit=min(limit, LIMITS.page_changes),
                    log=log_id,
                    now_ms=now(),
                    own=own,
                    answered=True,
                )
            with db.write_session(engine) as s:
                store.note_pulled(s, device.id, page.next_cursor)
                if not page.more:
                    store.touch_device(s, device.id, now())
            return page

        return answer_bytes(request, (await in_thread(run)).body)

    @app.get("/v1/status", response_model=StatusResponse, responses=ERRORS)
    async def status(request: Request, creds: Creds, _p: Protocol = None) -> Response:
        device = await need(creds)

        def run() -> StatusResponse:
            with db.read_session(engine) as s:
                return StatusResponse(
                    server_time_ms=now(),
                    protocol_min=PROTOCOL_MIN,
                    protocol_max=PROTOCOL_MAX,
                    log_id=store.log_id(s),
                    device_id=device.id,
                    device_name=device.name,
                    clinic_id=device.clinic_id,
                    clinic_name=device.clinic_name,
                    head=store.head(s, device.clinic_pk),
                    counts=store.counts(s, device.clinic_pk),
                )

        return answer(request, await in_thread(run))

    @app.post(
        "/v1/attachments/missing",
        response_model=AttachmentsMissing,
        responses=ERRORS,
        openapi_extra=_body_schema(AttachmentsQuery),
    )
    async def attachments_missing(request: Request, creds: Creds, _p: Protocol = None) -> Response:
        device = await need(creds)
        body = await parse(request, AttachmentsQuery)

        def run() -> list[str]:
            with db.read_session(engine) as s:
                return store.missing_attachments(s, device.clinic_pk, body.hashes)

        return answer(request, AttachmentsMissing(missing=await in_thread(run)))

    @app.post(
        "/v1/attachments/{sha256}",
        response_model=UploadOffset,
        responses=ERRORS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {
                        "schema": {"type": "string", "format": "binary", "maxLength": CHUNK_BYTES}
                    }
                },
            }
        },
    )
    async def upload(
        request: Request,
        sha256: Sha,
        creds: Creds,
        upload_offset: Annotated[int, Header(alias="Upload-Offset", ge=0, le=2**40)],
        upload_length: Annotated[int, Header(alias="Upload-Length", ge=0, le=2**40)],
        media_type: Annotated[
            str, Header(alias="X-Media-Type", pattern=MEDIA_TYPE_PATTERN, max_length=100)
        ] = "application/octet-stream",
        _p: Protocol = None,
    ) -> Response:
        device = await need(creds)
        if upload_length > LIMITS.attachment_bytes:
            raise ApiError(
                413,
                ErrorCode.TOO_LARGE,
                f"An attachment of {upload_length} bytes (at most {LIMITS.attachment_bytes}).",
            )
        if upload_length == 0:
            raise ApiError(422, ErrorCode.INVALID, "An attachment of no bytes.")
        if upload_offset > upload_length:
            raise ApiError(422, ErrorCode.INVALID, "An upload offset past the attachment's end.")
        raw = await read_raw(request, CHUNK_BYTES)
        try:
            chunk = wire.decode(raw, request.headers.get("content-encoding"), limit=CHUNK_BYTES)
        except wire.BodyTooLarge as exc:
            raise ApiError(413, ErrorCode.TOO_LARGE, str(exc)) from None
        except wire.BadBody as exc:
            raise ApiError(422, ErrorCode.INVALID, str(exc)[:300]) from None

        def run() -> store.Chunk:
            with db.write_session(engine) as s:
                return store.receive_chunk(
                    s,
                    device.clinic_pk,
                    sha256,
                    offset=upload_offset,
                    total=upload_length,
                    media_type=media_type,
                    chunk=chunk,
                    now_ms=now(),
                )

        got = await in_thread(run)
        if got.mismatch:
            raise ApiError(
                422,
                ErrorCode.INVALID,
                "The attachment's bytes do not match its SHA-256; HQ discarded them: upload it "
                "again.",
            )
        return answer(request, UploadOffset(received=got.received, complete=got.complete))

    @app.get("/v1/attachments/{sha256}/offset", response_model=UploadOffset, responses=ERRORS)
    async def upload_offset(
        request: Request, sha256: Sha, creds: Creds, _p: Protocol = None
    ) -> Response:
        device = await need(creds)

        def run() -> tuple[int, bool]:
            with db.read_session(engine) as s:
                return store.attachment_offset(s, device.clinic_pk, sha256)

        received, complete = await in_thread(run)
        return answer(request, UploadOffset(received=received, complete=complete))

    @app.get(
        "/v1/attachments/{sha256}",
        responses={
            **ERRORS,
            404: {"model": ErrorBody},
            200: {
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                }
            },
        },
        response_class=Response,
    )
    async def download(
        request: Request, sha256: Sha, creds: Creds, _p: Protocol = None
    ) -> Response:
        device = await need(creds)

        def run() -> tuple[bytes, str] | None:
            with db.read_session(engine) as s:
                return store.attachment_bytes(s, device.clinic_pk, sha256)

        found = await in_thread(run)
        if found is None:
            raise ApiError(404, ErrorCode.NOT_FOUND, "HQ has no such attachment of this clinic.")
        data, media = found
        return Response(
            data,
            media_type="application/octet-stream",
            headers={"X-Media-Type": media, "X-Content-Type-Options": "nosniff"},
        )

    # --- the OpenAPI document: the protocol models as request bodies ----------------

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            separate_input_output_schemas=False,
        )
        _, top = models_json_schema(
            [(m, "validation") for m in (EnrolRequest, PushRequest, AttachmentsQuery)],
            ref_template="#/components/schemas/{model}",
        )
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in top.get("$defs", {}).items():
            schemas.setdefault(name, schema)
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(ProtocolGate)

    # The HQ console for HQ staff in a browser, under /console/ (imported here: it uses
    # this module's RateLimiter).
    from sync.server.console import mount

    mount(app, engine, clock)
    return app


def printable(text: str, what: str) -> None:
    """Names HQ stores and prints (a device's name, its app version) hold no control
    characters (a NUL cannot even be stored in PostgreSQL's text)."""
    if not text.isprintable():
        raise ApiError(422, ErrorCode.INVALID, f"{what} with control characters.")


def _summary(exc: ValidationError | RequestValidationError) -> str:
    errors = _errors(exc)
    if not errors:
        return "not what HQ expects."
    first = errors[0]
    where = ".".join(first["loc"]) or "the body"
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"{where}: {first['msg']}{more}"[:400]


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (several workers)."""
    from sync.server.config import settings_from_env

    app = create_app(settings_from_env())
    settle_startup_heap()
    return app


def settle_startup_heap() -> None:
    """What the server process made to start (its modules, the schemas of pydantic and
    SQLAlchemy, the app) is kept out of the cycle collector's walks from here on: a push of
    thousands of changes makes enough objects for several full collections, each of which
    walked all of it (a sixth of HQ's time in a push: 5,107-5,759 changes/s end to end
    before, 5,873-6,661/s after, benchmarks/bench_sync.py throughput). Called once, by what
    starts the serving process, never by `create_app`: a program that makes an app in its
    own process keeps its collector as it was."""
    gc.collect()
    gc.freeze()
