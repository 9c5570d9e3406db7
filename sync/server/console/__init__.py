"""HQ's console in a browser: server-rendered pages under /console/ for HQ staff signed in
with their HQ accounts (see `routes`). `mount` adds it to the app `create_app` builds; the
/v1 API is untouched by it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, Request
from sqlalchemy import Engine
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles

from sync.server.console.render import page
from sync.server.console.routes import BASE, Console, Redirect, Refused, build_router
from sync.server.console.settings import ConsoleSettings

STATIC = Path(__file__).with_name("static")


def mount(
    app: FastAPI,
    engine: Engine,
    clock: Callable[[], int],
    settings: ConsoleSettings | None = None,
) -> Console:
    console = Console(engine, clock, settings or ConsoleSettings.from_env())

    async def _redirect(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Redirect)
        return RedirectResponse(exc.url, 303)

    async def _refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refused)
        who = await console.who(request)
        context = console.context(request, who, title=exc.title, message=exc.message)
        return page("message.html", context, exc.status)

    async def _home(_request: Request) -> Response:
        return RedirectResponse(f"{BASE}/", 303)

    app.add_exception_handler(Redirect, _redirect)
    app.add_exception_handler(Refused, _refused)
    # Before the router: its last route answers every other /console/ address with a 404.
    app.mount(f"{BASE}/static", StaticFiles(directory=STATIC), name="console-static")
    app.include_router(build_router(console))
    app.add_route("/", _home, methods=["GET"], include_in_schema=False)
    app.add_route(BASE, _home, methods=["GET"], include_in_schema=False)
    return console
