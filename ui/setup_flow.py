"""The first-run set-up, as plain Python: which page comes next, what is missing, when the
person may finish. No Qt here (Electrum's `wizard.py` habit): the dialog in
`ui.setup_wizard` only draws the pages and asks this object.

    WELCOME → CLINIC → WEEK → ADMIN → (the store is created) → RECOVERY → finish
    WELCOME → JOIN → (set up from HQ: enrol, pull, sign in) → JOINED → finish (signed in)

"Join an existing clinic" (chosen on the welcome page) sets this laptop up for a clinic HQ
already knows, with HQ's address and a one-time enrolment code (typed, or pasted as an
enrolment link: sync.protocol.enrol_link), and an existing account of the clinic; the core
does the work (desktop.app.from_server, as `outpost init --from-server`). The code is used
when the laptop enrols, before the password can be checked, so a try that fails after that
keeps the enrolment while the wizard is open (`PendingSetup`, held by ui.setup_join): the
flow stays on JOIN, and Join again needs the password only, not a new code.

The WEEK page offers what a clinic needs before it can book: its opening hours, a first
provider (working those hours) and an appointment type.

Going back is possible until the store exists. After that, the only way out is to
acknowledge the recovery key: it is shown once and never again.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.messages import message_of

if TYPE_CHECKING:
    from desktop.app.session import NewClinic


class Page(enum.Enum):
    WELCOME = "welcome"
    CLINIC = "clinic"
    WEEK = "week"
    ADMIN = "admin"
    RECOVERY = "recovery"
    JOIN = "join"
    JOINED = "joined"


ORDER = (Page.WELCOME, Page.CLINIC, Page.WEEK, Page.ADMIN, Page.RECOVERY)
JOIN_ORDER = (Page.WELCOME, Page.JOIN, Page.JOINED)
HOURS_FIELDS = tuple(f"hours_{day}" for day in range(7))

PAGE_FIELDS = {
    Page.WELCOME: (),
    Page.CLINIC: ("clinic_name", "country", "timezone"),
    Page.WEEK: ("provider_name", "provider_title", "type_name", "type_minutes", *HOURS_FIELDS),
    Page.ADMIN: ("admin_display_name", "admin_username", "password", "password_confirm"),
    Page.RECOVERY: (),
    Page.JOIN: ("server_url", "code", "username", "join_password"),
    Page.JOINED: (),
}


class FlowError(RuntimeError):
    """The GUI asked for a move the flow does not allow (a bug in the GUI, not the person)."""


@dataclass(frozen=True)
class Problem:
    """What is wrong with one answer. `code` is "required", "mismatch" or "invalid"; an
    "invalid" problem carries the core's own message (written for a person)."""

    code: str
    message: str = ""


def _default_hours() -> dict[int, str]:
    """Monday to Friday 08:00–17:00, as typed on the page."""
    return {day: ("08:00–17:00" if day < 5 else "") for day in range(7)}


@dataclass
class SetupAnswers:
    clinic_name: str = ""
    country: str = "KE"
    timezone: str = "Africa/Nairobi"
    provider_name: str = ""
    provider_title: str = ""
    type_name: str = "Consultation"
    type_minutes: int = 20
    hours: dict[int, str] = field(default_factory=_default_hours)  # weekday → "08:00–17:00"
    admin_display_name: str = ""
    admin_username: str = ""
    password: str = field(default="", repr=False)
    password_confirm: str = field(default="", repr=False)
    # Joining a clinic HQ knows:
    server_url: str = ""
    code: str = field(default="", repr=False)
    username: str = ""
    join_password: str = field(default="", repr=False)
    device_name: str = ""


@dataclass(frozen=True)
class Joined:
    """What the set-up from HQ brought (shown on the JOINED page)."""

    clinic_name: str
    received: int
    fingerprint: str | None  # "Accounts signed by" (compare with another laptop)


class SetupFlow:
    def __init__(self) -> None:
        self.page = Page.WELCOME
        self.answers = SetupAnswers()
        self.recovery_key: str | None = None
        self.recovery_acknowledged = False
        self.joining = False  # "Join an existing clinic" chosen on the welcome page
        self.joined: Joined | None = None

    # -- state --

    @property
    def created(self) -> bool:
        return self.recovery_key is not None

    @property
    def order(self) -> tuple[Page, ...]:
        return JOIN_ORDER if self.joining else ORDER

    @property
    def step(self) -> int:
        """1-based position after the welcome page (0 there), for "Step 2 of 4"."""
        return self.order.index(self.page)

    @property
    def steps(self) -> int:
        """The steps the welcome page announces (every page after it) for a new clinic."""
        return len(ORDER) - 1

    def choose_join(self, joining: bool) -> None:
        """On the welcome page: join a clinic HQ knows (True) or set up a new one."""
        if self.page is not Page.WELCOME:
            raise FlowError("the kind of set-up is chosen on the welcome page")
        self.joining = bool(joining)

    def take_link(self, text: str) -> str | None:
        """A pasted enrolment link (or a QR code's text) fills HQ's address and the code;
        returns why not (a message for a person), or None when it did."""
        from sync.protocol.enrol_link import EnrolLinkError, parse_enrol_link

        try:
            link = parse_enrol_link(text)
        except EnrolLinkError as exc:
            return str(exc)
        self.answers.server_url, self.answers.code = link.url, link.code
        return None

    # -- checking answers --

    def problems(self, page: Page | None = None) -> dict[str, Problem]:
        page = page or self.page
        if page is Page.CLINIC:
            return self._clinic_problems()
        if page is Page.WEEK:
            return self._week_problems()
        if page is Page.ADMIN:
            return self._admin_problems()
        if page is Page.JOIN:
            return self._join_problems()
        return {}

    def _join_problems(self) -> dict[str, Problem]:
        a = self.answers
        problems: dict[str, Problem] = {}
        url = a.server_url.strip()
        if not url:
            problems["server_url"] = Problem("required")
        elif not url.lower().startswith(("https://", "http://")):
            problems["server_url"] = Problem("scheme")
        if not a.code.strip():
            problems["code"] = Problem("required")
        if not a.username.strip():
            problems["username"] = Problem("required")
        if not a.join_password:
            problems["join_password"] = Problem("required")
        return problems

    def opening_hours(self) -> dict[int, list[tuple[dt.time, dt.time]]]:
        """The opening hours typed on the WEEK page (InvalidInput for one that is not)."""
        from desktop.app.admin import parse_windows
        from desktop.errors import InvalidInput

        week = {}
        for day, text in sorted(self.answers.hours.items()):
            try:
                week[day] = parse_windows(text)
            except InvalidInput as exc:
                raise InvalidInput(exc.args[0], field=f"hours_{day}") from exc
        return week

    def new_clinic(self) -> NewClinic:
        """Everything the core needs to create the clinic (once every page is valid)."""
        from desktop.app.session import NewClinic

        a = self.answers
        return NewClinic(
            clinic_name=a.clinic_name,
            admin_username=a.admin_username,
            admin_display_name=a.admin_display_name,
            password=a.password,
            country=a.country,
            timezone=a.timezone,
            provider_name=a.provider_name.strip(),
            provider_title=a.provider_title.strip(),
            type_name=a.type_name.strip(),
            type_minutes=a.type_minutes,
            opening_hours=self.opening_hours(),
        )

    def _week_problems(self) -> dict[str, Problem]:
        from desktop.app.session import NewClinic, check_week
        from desktop.errors import InvalidInput

        a = self.answers
        problems: dict[str, Problem] = {}
        if not a.provider_name.strip():
            problems["provider_name"] = Problem("required")
        if not a.type_name.strip():
            problems["type_name"] = Problem("required")
        try:
            hours = self.opening_hours()
        except InvalidInput as exc:
            problems[exc.field or "hours_0"] = Problem("invalid", message_of(exc))
            return problems
        if problems:
            return problems
        try:
            check_week(
                NewClinic(
                    clinic_name="",
                    admin_username="",
                    admin_display_name="",
                    password="",
                    provider_name=a.provider_name,
                    provider_title=a.provider_title,
                    type_name=a.type_name,
                    type_minutes=a.type_minutes,
                    opening_hours=hours,
                )
            )
        except InvalidInput as exc:
            name = (exc.field or "hours_0").replace("hours:", "hours_")
            problems["hours_0" if name == "hours" else name] = Problem("invalid", message_of(exc))
        return problems

    def _clinic_problems(self) -> dict[str, Problem]:
        from desktop.clinic_rules import validate_new_clinic
        from desktop.errors import InvalidInput

        a = self.answers
        problems: dict[str, Problem] = {}
        if not a.clinic_name.strip():
            problems["clinic_name"] = Problem("required")
        if not a.country.strip():
            problems["country"] = Problem("required")
        if not a.timezone.strip():
            problems["timezone"] = Problem("required")
        if problems:
            return problems
        try:
            # A placeholder user name: this page is about the clinic only.
            validate_new_clinic(a.clinic_name, "admin", a.country, a.timezone)
        except InvalidInput as exc:
            problems[exc.field or "clinic_name"] = Problem("invalid", message_of(exc))
        return problems

    def _admin_problems(self) -> dict[str, Problem]:
        from desktop.clinic_rules import validate_username
        from desktop.errors import InvalidInput
        from desktop.passwords import check_password

        a = self.answers
        problems: dict[str, Problem] = {}
        if not a.admin_display_name.strip():
            problems["admin_display_name"] = Problem("required")
        if not a.admin_username:
            problems["admin_username"] = Problem("required")
        else:
            try:
                validate_username(a.admin_username)
            except InvalidInput as exc:
                problems["admin_username"] = Problem("invalid", message_of(exc))
        if not a.password:
            problems["password"] = Problem("required")
        else:
            try:
                check_password(a.password, username=a.admin_username)
            except InvalidInput as exc:
                problems["password"] = Problem("invalid", message_of(exc))
        if "password" not in problems and a.password_confirm != a.password:
            problems["password_confirm"] = Problem("mismatch")
        return problems

    # -- moving --

    def can_go_back(self) -> bool:
        return self.page in (Page.CLINIC, Page.WEEK, Page.ADMIN, Page.JOIN) and not self.created

    def can_go_next(self) -> bool:
        return (
            self.page in (Page.WELCOME, Page.CLINIC, Page.WEEK, Page.ADMIN, Page.JOIN)
            and not self.problems()
        )

    def needs_join(self) -> bool:
        """On the join page with every answer given: the GUI now sets the laptop up from HQ
        (off the GUI thread) and calls `joined_clinic`."""
        return self.page is Page.JOIN and not self.created and not self.problems()

    def joined_clinic(self, recovery_key: str, joined: Joined) -> None:
        if self.page is not Page.JOIN or self.created:
            raise FlowError("a laptop joins a clinic once, from the join page")
        self.recovery_key = recovery_key
        self.joined = joined
        self.answers.clinic_name = joined.clinic_name  # the recovery sheet names it
        self.answers.join_password = ""  # not kept in memory longer than needed
        self.answers.code = ""  # used: HQ accepts it once
        self.page = Page.JOINED

    def needs_creation(self) -> bool:
        """On the administrator page with valid answers: the GUI must now create the store
        (off the GUI thread) and call `store_created` with the recovery key."""
        return self.page is Page.ADMIN and not self.created and not self.problems()

    def can_cancel(self) -> bool:
        return not self.created

    def can_finish(self) -> bool:
        return (
            self.page in (Page.RECOVERY, Page.JOINED)
            and self.created
            and self.recovery_acknowledged
        )

    def go_next(self) -> Page:
        if self.page is Page.ADMIN:
            raise FlowError("the store must be created before the recovery page")
        if self.page is Page.JOIN:
            raise FlowError("the laptop must join the clinic before the last page")
        if not self.can_go_next():
            raise FlowError(f"cannot leave {self.page.value}: {sorted(self.problems())}")
        self.page = self.order[self.order.index(self.page) + 1]
        return self.page

    def go_back(self) -> Page:
        if not self.can_go_back():
            raise FlowError(f"cannot go back from {self.page.value}")
        self.page = self.order[self.order.index(self.page) - 1]
        return self.page

    def store_created(self, recovery_key: str) -> None:
        if self.page is not Page.ADMIN or self.created:
            raise FlowError("the store is created once, from the administrator page")
        self.recovery_key = recovery_key
        # The password is no longer needed here; do not keep it in memory longer than that.
        self.answers.password = self.answers.password_confirm = ""
        self.page = Page.RECOVERY

    def acknowledge_recovery(self, done: bool) -> None:
        self.recovery_acknowledged = bool(done) and self.created
