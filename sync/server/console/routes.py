"""The console's pages: sign-in and sign-out, clinics, needs attention, enrolment, device
revocation, accounts and the audit. Server-rendered; every form posts back here with the
session's CSRF token; every action is audited in the transaction that does it.

Database work runs in the thread pool (Argon2id alone takes a tenth of a second)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from sync.protocol.enrol_link import EnrolLinkError, format_enrol_link
from sync.server import db, store
from sync.server.app import RateLimiter
from sync.server.console import accounts, audit, chart, csrf, queries, sessions
from sync.server.console.forms import FormError, read_form, text
from sync.server.console.qr import svg
from sync.server.console.render import day_label, page
from sync.server.console.settings import ConsoleSettings

T = TypeVar("T")
BASE = "/console"

NOTICES = {
    "signed_out": "You are signed out.",
    "device_revoked": "The device is revoked: its next sync will be refused.",
    "account_added": "The account is added; its holder can sign in now.",
    "account_disabled": "The account is disabled and signed out everywhere.",
    "account_enabled": "The account is enabled again.",
    "password_changed": "The password is changed; the account's other sessions are ended.",
}


class Redirect(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class Refused(Exception):
    """A page saying why a request was refused (nothing was changed)."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


def address_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class Console:
    """The console of one HQ app: its engine, clock, settings and sign-in limiters."""

    def __init__(self, engine: Engine, clock: Callable[[], int], settings: ConsoleSettings):
        self.engine = engine
        self.clock = clock
        self.settings = settings
        # In this process's memory, like the enrolment limiter; the per-account lockout
        # of `store.verify_admin` is in the database and holds across workers.
        self.by_address = RateLimiter(settings.sign_in_failures_per_address)
        self.by_name = RateLimiter(settings.sign_in_failures_per_name)

    # --- plumbing ---------------------------------------------------------------------

    async def read(self, fn: Callable[[Any], T]) -> T:
        def run() -> T:
            with db.read_session(self.engine) as s:
                return fn(s)

        return await run_in_threadpool(run)

    async def write(self, fn: Callable[[Any], T]) -> T:
        def run() -> T:
            with db.write_session(self.engine) as s:
                return fn(s)

        return await run_in_threadpool(run)

    def secure(self, request: Request) -> bool:
        return self.settings.secure_cookies or request.url.scheme == "https"

    async def who(self, request: Request) -> sessions.SignedIn | None:
        token = request.cookies.get(sessions.COOKIE)
        now = self.clock()
        idle = self.settings.idle_minutes * 60_000
        found, stale = await self.read(
            lambda s: sessions.lookup(s, token, now_ms=now, idle_ms=idle)
        )
        if found is not None and stale:
            await self.write(lambda s: sessions.touch(s, found.token_hash, now))
        return found

    async def need(self, request: Request, *, admin: bool = False) -> sessions.SignedIn:
        found = await self.who(request)
        if found is None:
            raise Redirect(f"{BASE}/sign-in")
        if admin and not found.is_admin:
            raise Refused(
                403,
                "For administrators only",
                "Your account may look at the console but not change anything here: ask an "
                "HQ administrator.",
            )
        return found

    async def posted(self, request: Request, who: sessions.SignedIn) -> dict[str, str]:
        """The form of a POST, once its CSRF token is the session's; refused otherwise."""
        form = await self.form(request)
        if not csrf.matches(who.csrf_token, form.get(csrf.FIELD)):
            await self.refuse_csrf(request, who.name, who.admin_id)
        return form

    async def form(self, request: Request) -> dict[str, str]:
        try:
            return await read_form(request)
        except FormError as exc:
            raise Refused(400, "This form could not be read", str(exc)) from None

    async def refuse_csrf(self, request: Request, actor: str, admin_id: int | None) -> None:
        where, now = address_of(request), self.clock()
        if admin_id is None:
            # Anyone may post to the sign-in form: past the address's limit a refusal is no
            # longer written down (the audit must not be a way to fill HQ's disk).
            if self.by_address.blocked(where):
                raise Refused(403, "Form refused", csrf.REFUSED)
            self.by_address.record(where)
        await self.write(
            lambda s: audit.record(
                s,
                action="csrf_refused",
                actor=actor,
                admin_id=admin_id,
                address=where,
                now_ms=now,
                target=request.url.path[:200],
            )
        )
        raise Refused(403, "Form refused", csrf.REFUSED)

    def context(
        self, request: Request, who: sessions.SignedIn | None, **extra: Any
    ) -> dict[str, Any]:
        notice = NOTICES.get(request.query_params.get("notice", ""))
        return {
            "who": who,
            "csrf_field": csrf.FIELD,
            "csrf_token": who.csrf_token if who else "",
            "now_ms": self.clock(),
            "path": request.url.path,
            "notice": notice,
            "error": None,
            **extra,
        }

    def audit(
        self,
        s: Any,
        request: Request,
        who: sessions.SignedIn,
        action: str,
        target: str,
        detail: str = "",
    ) -> None:
        audit.record(
            s,
            action=action,
            actor=who.name,
            admin_id=who.admin_id,
            address=address_of(request),
            now_ms=self.clock(),
            target=target,
            detail=detail,
        )

    def server_url(self, request: Request) -> str:
        return self.settings.public_url or str(request.base_url).rstrip("/")


def build_router(console: Console) -> APIRouter:
    router = APIRouter(prefix=BASE, include_in_schema=False)
    c = console

    # --- signing in and out -------------------------------------------------------------

    def sign_in_page(
        request: Request, token: str, *, name: str = "", error: str | None = None, status: int = 200
    ) -> Response:
        response = page(
            "sign_in.html",
            c.context(request, None, pre_token=token, name=name, error=error),
            status,
        )
        response.set_cookie(
            csrf.PRE_COOKIE,
            token,
            max_age=3600,
            path=f"{BASE}/sign-in",
            httponly=True,
            samesite="strict",
            secure=c.secure(request),
        )
        return response

    @router.get("/sign-in")
    async def sign_in_form(request: Request) -> Response:
        if await c.who(request) is not None:
            return RedirectResponse(f"{BASE}/", 303)
        token = request.cookies.get(csrf.PRE_COOKIE, "")
        if not 20 <= len(token) <= 100 or not token.replace("-", "").replace("_", "").isalnum():
            token = csrf.new_token()
        return sign_in_page(request, token)

    @router.post("/sign-in")
    async def sign_in(request: Request) -> Response:
        form = await c.form(request)
        pre = request.cookies.get(csrf.PRE_COOKIE)
        if not csrf.matches(pre, form.get(csrf.FIELD)):
            await c.refuse_csrf(request, "(not signed in)", None)
        assert pre is not None
        where = address_of(request)
        try:
            name = text(form, "name")
        except FormError as exc:
            return sign_in_page(request, pre, error=str(exc), status=400)
        password = form.get("password", "")
        key = "name:" + store.name_key(name)
        too_many = (
            "Too many failed sign-ins for this account or from this computer: wait a minute, "
            "then try again."
        )
        if c.by_address.blocked(where) or c.by_name.blocked(key):
            return sign_in_page(request, pre, name=name, error=too_many, status=429)
        if not name or not password or len(password) > accounts.MAX_PASSWORD:
            return sign_in_page(
                request, pre, name=name, error="Type your account name and password.", status=400
            )
        now = c.clock()

        def attempt(s: Any) -> tuple[str, str | None]:
            outcome, admin = accounts.sign_in(s, name, password, now)
            if admin is None:
                audit.record(
                    s,
                    action="sign_in_failed",
                    actor=name,
                    admin_id=None,
                    address=where,
                    now_ms=now,
                    detail={
                        accounts.SignIn.WRONG: "wrong name or password",
                        accounts.SignIn.LOCKED: "account locked after repeated failures",
                        accounts.SignIn.DISABLED: "account disabled",
                    }[outcome],
                )
                return outcome, None
            token = sessions.start(
                s, admin, address=where, now_ms=now, session_hours=c.settings.session_hours
            )
            audit.record(
                s, action="sign_in", actor=admin.name, admin_id=admin.id, address=where, now_ms=now
            )
            return outcome, token

        outcome, token = await c.write(attempt)
        if token is None:
            if outcome == accounts.SignIn.DISABLED:
                message, status = (
                    "This account is disabled: ask an HQ administrator to enable it.",
                    403,
                )
            elif outcome == accounts.SignIn.LOCKED:
                message, status = too_many, 429
            else:
                c.by_address.record(where)
                c.by_name.record(key)
                message, status = "The account name or the password is wrong.", 401
            return sign_in_page(request, pre, name=name, error=message, status=status)
        response = RedirectResponse(f"{BASE}/", 303)
        response.set_cookie(
            sessions.COOKIE,
            token,
            path=sessions.COOKIE_PATH,
            httponly=True,
            samesite="strict",
            secure=c.secure(request),
        )
        response.delete_cookie(csrf.PRE_COOKIE, path=f"{BASE}/sign-in")
        return response

    @router.post("/sign-out")
    async def sign_out(request: Request) -> Response:
        who = await c.need(request)
        await c.posted(request, who)

        def run(s: Any) -> None:
            sessions.end(s, who.token_hash)
            c.audit(s, request, who, "sign_out", "")

        await c.write(run)
        response = RedirectResponse(f"{BASE}/sign-in?notice=signed_out", 303)
        response.delete_cookie(sessions.COOKIE, path=sessions.COOKIE_PATH)
        return response

    # --- what HQ knows ------------------------------------------------------------------

    @router.get("/")
    async def clinics(request: Request) -> Response:
        who = await c.need(request)
        now, quiet = c.clock(), c.settings.quiet_days
        views = await c.read(lambda s: queries.clinics(s, now_ms=now, quiet_days=quiet))
        labels = [day_label(d) for d in queries.day_starts(now)]
        charts = {v.status.name: chart.bars(v.per_day, labels) for v in views}
        return page(
            "clinics.html",
            c.context(request, who, clinics=views, charts=charts, chart=chart, quiet_days=quiet),
        )

    @router.get("/attention")
    async def attention(request: Request) -> Response:
        who = await c.need(request)
        now, quiet = c.clock(), c.settings.quiet_days
        found = await c.read(lambda s: queries.attention(s, now_ms=now, quiet_days=quiet))
        return page(
            "attention.html",
            c.context(
                request,
                who,
                found=found,
                quiet_days=quiet,
                conflict_days=queries.CONFLICT_DAYS,
            ),
        )

    # --- enrolment ----------------------------------------------------------------------

    async def enrol_form(
        request: Request, who: sessions.SignedIn, *, error: str | None = None, clinic: str = ""
    ) -> Response:
        names = await c.read(queries.clinic_names)
        return page(
            "enrol.html",
            c.context(
                request,
                who,
                clinic_names=names,
                clinic=clinic,
                error=error,
                server_url=c.server_url(request),
            ),
            400 if error else 200,
        )

    @router.get("/enrol")
    async def enrol_page(request: Request) -> Response:
        who = await c.need(request, admin=True)
        return await enrol_form(request, who)

    @router.post("/enrol")
    async def enrol(request: Request) -> Response:
        who = await c.need(request, admin=True)
        form = await c.posted(request, who)
        try:
            clinic = accounts.check_name(text(form, "clinic"))
        except (FormError, accounts.AccountError):
            return await enrol_form(
                request,
                who,
                error="Type the clinic's name (1 to 200 characters, no control characters).",
            )
        url = c.server_url(request)
        now = c.clock()

        def run(s: Any) -> tuple[str, str, bool]:
            code, row, created = store.issue_code(s, clinic, now)
            c.audit(
                s,
                request,
                who,
                "code_issued",
                row.name,
                "new clinic" if created else "",
            )
            return code, row.name, created

        code, clinic_name, created = await c.write(run)
        link: str | None = None
        link_error: str | None = None
        try:
            link = format_enrol_link(url, code)
        except EnrolLinkError as exc:  # HQ's own address is not one a laptop can use
            link_error = f"{exc} Set the address laptops use with `outpost-hq serve --public-url`."
        return page(
            "enrolled.html",
            c.context(
                request,
                who,
                code=code,
                clinic=clinic_name,
                created=created,
                link=link,
                link_error=link_error,
                qr=svg(link, label=f"QR code of the enrolment code for {clinic_name}")
                if link
                else None,
                server_url=url,
                expires_ms=now + store.CODE_LIFETIME_MS,
            ),
        )

    # --- devices ------------------------------------------------------------------------

    def device_id(text_id: str) -> uuid.UUID:
        try:
            return uuid.UUID(text_id)
        except ValueError:
            raise Refused(404, "No such device", "HQ has no device with this id.") from None

    async def device_or_404(text_id: str) -> queries.DeviceView:
        dev_id = device_id(text_id)
        found = await c.read(lambda s: queries.device(s, dev_id))
        if found is None:
            raise Refused(404, "No such device", "HQ has no device with this id.")
        return found

    @router.get("/devices/{text_id}/revoke")
    async def revoke_page(request: Request, text_id: str) -> Response:
        who = await c.need(request, admin=True)
        found = await device_or_404(text_id)
        return page("revoke.html", c.context(request, who, device=found))

    @router.post("/devices/{text_id}/revoke")
    async def revoke(request: Request, text_id: str) -> Response:
        who = await c.need(request, admin=True)
        form = await c.posted(request, who)
        found = await device_or_404(text_id)
        if form.get("confirm") != "yes":
            return page(
                "revoke.html",
                c.context(
                    request,
                    who,
                    device=found,
                    error="Tick the box to confirm that this device must stop syncing.",
                ),
                400,
            )
        now = c.clock()

        def run(s: Any) -> None:
            device = store.revoke_device(s, found.id, now)
            if device is not None:
                c.audit(
                    s, request, who, "device_revoked", f"{found.name} ({found.id})", found.clinic
                )

        if found.revoked_at_ms is None:
            await c.write(run)
        return RedirectResponse(f"{BASE}/?notice=device_revoked", 303)

    # --- accounts -----------------------------------------------------------------------

    async def accounts_page(
        request: Request,
        who: sessions.SignedIn,
        *,
        error: str | None = None,
        status: int = 200,
        **keep: str,
    ) -> Response:
        found = await c.read(accounts.list_accounts)
        return page(
            "accounts.html",
            c.context(
                request,
                who,
                accounts=found,
                roles=accounts.ROLES,
                error=error,
                new_name=keep.get("new_name", ""),
                new_role=keep.get("new_role", "admin"),
            ),
            status,
        )

    @router.get("/accounts")
    async def accounts_list(request: Request) -> Response:
        who = await c.need(request, admin=True)
        return await accounts_page(request, who)

    @router.post("/accounts")
    async def account_add(request: Request) -> Response:
        who = await c.need(request, admin=True)
        form = await c.posted(request, who)
        now = c.clock()
        role = form.get("role", "")
        try:
            name = text(form, "name")
            password = accounts.check_new_password(form.get("password", ""), form.get("again", ""))

            def run(s: Any) -> None:
                added = accounts.add(s, name, password, role, now)
                c.audit(s, request, who, "account_added", added.name, accounts.ROLES[role])

            await c.write(run)
        except (FormError, accounts.AccountError) as exc:
            return await accounts_page(
                request,
                who,
                error=str(exc),
                status=400,
                new_name=form.get("name", "")[:200],
                new_role=role,
            )
        return RedirectResponse(f"{BASE}/accounts?notice=account_added", 303)

    def account_id(text_id: str) -> int:
        if not text_id.isdigit() or len(text_id) > 12:
            raise Refused(404, "No such account", "HQ has no account with this number.")
        return int(text_id)

    @router.post("/accounts/{text_id}/active")
    async def account_active(request: Request, text_id: str) -> Response:
        who = await c.need(request, admin=True)
        form = await c.posted(request, who)
        target = account_id(text_id)
        active = form.get("active") == "1"

        def run(s: Any) -> None:
            changed = accounts.set_active(s, target, active, by=who.admin_id)
            if not active:
                sessions.end_all_of(s, target)
            c.audit(
                s, request, who, "account_enabled" if active else "account_disabled", changed.name
            )

        try:
            await c.write(run)
        except accounts.AccountError as exc:
            return await accounts_page(request, who, error=str(exc), status=400)
        notice = "account_enabled" if active else "account_disabled"
        return RedirectResponse(f"{BASE}/accounts?notice={notice}", 303)

    async def password_target(
        request: Request, text_id: str
    ) -> tuple[sessions.SignedIn, accounts.Account]:
        who = await c.need(request)
        target = account_id(text_id)
        if target != who.admin_id and not who.is_admin:
            raise Refused(
                403,
                "For administrators only",
                "Only an administrator may change another account's password.",
            )
        found = await c.read(lambda s: accounts.get(s, target))
        if found is None:
            raise Refused(404, "No such account", "HQ has no account with this number.")
        return who, found

    @router.get("/accounts/{text_id}/password")
    async def password_page(request: Request, text_id: str) -> Response:
        who, found = await password_target(request, text_id)
        return page("password.html", c.context(request, who, account=found))

    @router.post("/accounts/{text_id}/password")
    async def password_change(request: Request, text_id: str) -> Response:
        who, found = await password_target(request, text_id)
        form = await c.posted(request, who)
        current = form.get("current", "")
        wrong = "Your current password is wrong; nothing was changed."
        # Wrong current passwords count as failed sign-ins: an open session is no way to
        # guess its account's password at leisure.
        key = "name:" + store.name_key(who.name)

        def run(s: Any, new: str) -> None:
            # Asked again whoever's password it is: a session left open on a shared
            # computer must not be enough to take an account over.
            if not accounts.confirm_password(s, who.admin_id, current):
                raise accounts.AccountError(wrong)
            changed = accounts.set_password(s, found.id, new)
            sessions.end_all_of(s, found.id, keep=who.token_hash)
            mine = "own password" if found.id == who.admin_id else "by an administrator"
            c.audit(s, request, who, "password_changed", changed.name, mine)

        try:
            if c.by_name.blocked(key):
                raise accounts.AccountError(
                    "Too many wrong passwords for this account: wait a minute, then try again."
                )
            new = accounts.check_new_password(form.get("password", ""), form.get("again", ""))
            if len(current) > accounts.MAX_PASSWORD:
                raise accounts.AccountError(wrong)
            try:
                await c.write(lambda s: run(s, new))
            except accounts.AccountError:
                c.by_name.record(key)
                raise
        except accounts.AccountError as exc:
            return page(
                "password.html", c.context(request, who, account=found, error=str(exc)), 400
            )
        target = f"{BASE}/accounts" if who.is_admin else f"{BASE}/"
        return RedirectResponse(f"{target}?notice=password_changed", 303)

    # --- the audit ----------------------------------------------------------------------

    @router.get("/audit")
    async def audit_page(request: Request) -> Response:
        who = await c.need(request, admin=True)
        before_text = request.query_params.get("before", "")
        before = int(before_text) if before_text.isdigit() and len(before_text) < 12 else None
        events = await c.read(lambda s: audit.recent(s, before=before, limit=100))
        older = events[-1].id if len(events) == 100 else None
        return page("audit.html", c.context(request, who, events=events, older=older))

    @router.get("/{rest:path}")
    async def not_found(request: Request, rest: str) -> Response:
        who = await c.who(request)
        return page(
            "message.html",
            c.context(
                request,
                who,
                title="Nothing here",
                message="The console has no page at this address.",
            ),
            404,
        )

    return router
