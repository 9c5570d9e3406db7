"""One referral: to whom and why, how urgent, where it stands (drafted → sent → appointment
given → seen → feedback received → closed, or declined / lost to follow-up), its dates, the
counter-referral when it comes back, and why it is overdue when it is.

Only the steps the spec's status machine allows from the referral's status are offered
(`desktop.app.followup.referral_steps`), each asking for what that step needs (the date, the
appointment's date, the counter-referral's words, the reason it was declined or lost); the
core checks again and its refusals are shown in its words. The screen follows the core's
change events. Referring a patient (from the patient record) is `add_referral`, with the
facility chosen from the directory or added to it there.
"""

from __future__ import annotations

import functools
import itertools
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.followup_dialogs import FollowupDialog
from ui.language import localized
from ui.record_reads import OneRead
from ui.util import format_date, heading, is_alive, make_button, raise_or_open, row, with_colon

if TYPE_CHECKING:
    from desktop.app.followup import ReferralLine, ReferralStatus
    from desktop.changes import Changes
    from ui.context import ClinicContext

WATCHED = ("referrals", "facilities", "users", "patients")

STATUS_MARKS = {
    "drafted": "✎",
    "sent": "→",
    "appointment_given": "▣",
    "seen": "●",
    "feedback_received": "↩",
    "closed": "✓",
    "declined": "⊘",
    "lost": "✗",
}
OVERDUE_MARK = "⚠"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferralScreen", text)


def status_text(line: ReferralLine) -> str:
    mark = STATUS_MARKS.get(line.status.value, "")
    return f"{mark} {localized(line.status_words)}".strip()


def step_label(step: str, current: str) -> str:
    """The button that takes a referral to `step` (with its Alt+letter)."""
    if step == "appointment_given" and current == "appointment_given":
        return _tr("New &appointment date…")
    return {
        "sent": _tr("Mark as &sent…"),
        "appointment_given": _tr("&Appointment given…"),
        "seen": _tr("Patient s&een…"),
        "feedback_received": _tr("&Feedback received…"),
        "closed": _tr("Clos&e the referral…"),
        "declined": _tr("Decli&ned…"),
        "lost": _tr("&Lost to follow-up…"),
    }.get(step, step)


class ReferralScreen(QDialog):
    open_patient_requested = Signal(object)  # patient id

    def __init__(
        self,
        ctx: ClinicContext,
        referral_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        patient_button: bool = True,
    ) -> None:
        super().__init__(parent)
        from desktop.app.followup import ReferralStatus
        from desktop.permissions import Permission

        self.ctx = ctx
        self.referral_id = referral_id
        self.line: ReferralLine | None = None
        self.error: BaseException | None = None
        self.loads = 0
        self._reads: OneRead[ReferralLine] = OneRead(self, ctx, self._loaded, self.refresh)
        self._may = ctx.can(Permission.MANAGE_REFERRALS)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Referral"))
        self.setAccessibleName(self.windowTitle())

        self.title = heading(self.tr("Loading…"))
        self.title.setObjectName("referral_title")
        self.summary = QLabel()
        self.summary.setObjectName("referral_summary")
        self.summary.setWordWrap(True)
        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.counter = QLabel()
        self.counter.setObjectName("referral_counter")
        self.counter.setWordWrap(True)
        self.counter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addLayout(self.details)
        inner.addWidget(heading(self.tr("Counter-referral"), level=2))
        inner.addWidget(self.counter)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = QLabel()
        self.status.setObjectName("referral_status")
        self.status.setWordWrap(True)

        self.step_buttons: dict[ReferralStatus, QPushButton] = {}
        for step in ReferralStatus:
            if step is ReferralStatus.DRAFTED:
                continue  # never a step: where a referral starts
            button = make_button(
                step_label(step.value, ""), functools.partial(self.take_step, step)
            )
            button.setObjectName(f"referral_step_{step.value}")
            button.hide()
            self.step_buttons[step] = button
        self.patient_button = make_button(self.tr("Open the &patient's record"), self.open_patient)
        self.patient_button.setVisible(patient_button)
        self.close_button = make_button(self.tr("&Close"), self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(row(*self.step_buttons.values(), None))
        layout.addLayout(row(self.patient_button, None, self.close_button))
        order = [*self.step_buttons.values(), self.patient_button, self.close_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.resize(820, 560)
        ctx.changes.changed.connect(self._on_changes)
        self.refresh()

    # -- loading --

    def refresh(self) -> None:
        referral_id = self.referral_id
        self._reads.start(lambda core: core.referrals.show(referral_id))

    def _loaded(self, line: ReferralLine | None, error: BaseException | None) -> None:
        self.error = error
        if error is not None or line is None:
            self.status.setText(error_text(error) if error else "")
            self.line = None
            self._sync()
            return
        self.status.clear()
        self.loads += 1
        self.show_line(line)

    def _on_changes(self, changes: Changes) -> None:
        if not is_alive(self) or not changes.touches(*WATCHED):
            return
        mine = self.line is None or changes.touches_patient(self.line.patient_id)
        if mine or changes.touches("facilities", "users"):
            self.refresh()

    # -- drawing --

    def show_line(self, line: ReferralLine) -> None:
        from desktop.app.followup import URGENCY_WORDS

        self.line = line
        where = line.facility.name if line.facility else self.tr("a facility not chosen yet")
        self.title.setText(
            self.tr("Referral of {patient} to {where}").format(
                patient=line.patient_name, where=where
            )
        )
        self.setWindowTitle(self.tr("Referral: {patient}").format(patient=line.patient_name))
        urgency = localized(URGENCY_WORDS[line.urgency])
        if line.urgency.value != "routine":
            urgency = f"‼ {urgency}"  # a sign, not only a word among others
        parts = [status_text(line), urgency]
        if line.overdue is not None:
            parts.append(f"{OVERDUE_MARK} {self.tr('overdue')}: {localized(line.overdue)}")
        self.summary.setText("   ·   ".join(parts))
        self._fill_details(line)
        self.counter.setText(line.counter_referral or self.tr("Not received yet."))
        self._sync()

    def _fill_details(self, line: ReferralLine) -> None:
        from desktop.app.followup import FACILITY_KIND_WORDS

        form = self.details
        while form.rowCount():
            form.removeRow(0)
        who = " · ".join(
            p for p in (line.patient_name, line.clinic_number, line.patient_phone) if p
        )
        facility = ""
        if line.facility is not None:
            f = line.facility
            kind = localized(FACILITY_KIND_WORDS[f.kind])
            facility = " · ".join(p for p in (f"{f.name} ({kind})", f.phone, f.address) if p)
        rows: list[tuple[str, str, str]] = [
            ("patient", self.tr("Patient"), who),
            ("facility", self.tr("Referred to"), facility or self.tr("not chosen yet")),
            ("reason", self.tr("Reason"), line.reason),
            ("referred_by", self.tr("Referred by"), line.referred_by or ""),
            ("created_on", self.tr("Drafted"), format_date(line.created_on)),
            ("sent_on", self.tr("Sent"), format_date(line.sent_on)),
            ("appointment_on", self.tr("Appointment"), format_date(line.appointment_on)),
            ("seen_on", self.tr("Seen"), format_date(line.seen_on)),
            ("feedback_on", self.tr("Feedback received"), format_date(line.feedback_on)),
            ("closed_on", self.tr("Closed"), format_date(line.closed_on)),
            ("end_reason", self.tr("Declined or lost because"), line.end_reason),
            ("notes", self.tr("Notes"), line.notes),
        ]
        for name, title, value in rows:
            if not value and name not in ("patient", "facility", "reason"):
                continue  # the dates and words this referral has so far
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"referral_{name}")
            label.setAccessibleName(title)
            form.addRow(with_colon(title), label)

    def _sync(self) -> None:
        from desktop.app.followup import referral_steps

        line = self.line
        steps = referral_steps(line.status) if line is not None else ()
        for step, button in self.step_buttons.items():
            button.setVisible(self._may and step in steps)
            if line is not None:
                button.setText(step_label(step.value, line.status.value))
        self.patient_button.setEnabled(line is not None)

    # -- the steps --

    def offered_steps(self) -> list[ReferralStatus]:
        return [s for s, b in self.step_buttons.items() if b.isVisibleTo(self)]

    def take_step(self, step: ReferralStatus) -> FollowupDialog | None:
        from desktop.app.followup import ReferralStatus as S

        line = self.line
        if line is None or step not in self.offered_steps():
            return None
        today = self.ctx.today()
        title = self.tr("{step}: {patient}").format(
            step=step_label(step.value, line.status.value).replace("&", "").rstrip("…"),
            patient=line.patient_name,
        )
        dialog = FollowupDialog(self.ctx, self, title, ok_text=self.tr("Save"))
        referral_id = self.referral_id
        call: Callable[[Any, dict[str, Any]], Any]
        if step is S.SENT:
            if line.facility is None:
                dialog.add_facility("facility_id", self.tr("&Referred to:"))
            dialog.add_date("sent_on", self.tr("&Sent on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                if v.get("facility_id") is not None:
                    core.referrals.edit(referral_id, facility_id=v["facility_id"])
                return core.referrals.move(referral_id, S.SENT, on=v["sent_on"])

        elif step is S.APPOINTMENT_GIVEN:
            dialog.add_date("appointment_on", self.tr("&Appointment on:"), line.appointment_on)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.referrals.move(
                    referral_id, S.APPOINTMENT_GIVEN, appointment_on=v["appointment_on"]
                )

        elif step is S.SEEN:
            dialog.add_date("seen_on", self.tr("&Seen on:"), line.appointment_on, latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.referrals.move(referral_id, S.SEEN, on=v["seen_on"])

        elif step is S.FEEDBACK_RECEIVED:
            dialog.add_text(
                "counter_referral",
                self.tr("What the &counter-referral says:"),
                text=line.counter_referral,
            )
            dialog.add_date("feedback_on", self.tr("&Received on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.referrals.move(
                    referral_id,
                    S.FEEDBACK_RECEIVED,
                    on=v["feedback_on"],
                    counter_referral=v["counter_referral"],
                )

        elif step is S.CLOSED:
            if not line.counter_referral:
                dialog.add_text("counter_referral", self.tr("&Counter-referral, if one came back:"))
            dialog.add_date("closed_on", self.tr("Closed &on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.referrals.move(
                    referral_id,
                    S.CLOSED,
                    on=v["closed_on"],
                    counter_referral=v.get("counter_referral") or None,
                )

        else:  # declined or lost: why, in words
            dialog.add_text(
                "end_reason",
                self.tr("&Why:"),
                hint=self.tr("Who declined, or what is known of the patient."),
            )
            if step is S.DECLINED:
                dialog.add_date("closed_on", self.tr("Declined &on:"), latest=today)

            def call(core: Any, v: dict[str, Any]) -> Any:
                return core.referrals.move(
                    referral_id, step, on=v.get("closed_on"), end_reason=v["end_reason"]
                )

        dialog.calls(call)
        dialog.open()
        return dialog

    def open_patient(self) -> None:
        if self.line is not None:
            self.open_patient_requested.emit(self.line.patient_id)
            self.accept()


def open_referral(
    ctx: ClinicContext,
    parent: QWidget | None,
    referral_id: uuid.UUID,
    *,
    patient_button: bool = True,
) -> ReferralScreen:
    """The referral's screen, raised when it is open already."""
    return raise_or_open(
        parent,
        ReferralScreen,
        lambda w: w.referral_id == referral_id,
        lambda host: ReferralScreen(ctx, referral_id, host, patient_button=patient_button),
    )


def add_referral(
    ctx: ClinicContext, parent: QWidget | None, patient_id: uuid.UUID, patient_name: str
) -> FollowupDialog:
    """Refer a patient to a facility of the directory (or one added to it here); once
    saved, the referral's screen opens."""
    from desktop.app.followup import URGENCY_WORDS, ReferralUrgency

    dialog = FollowupDialog(
        ctx,
        parent,
        _tr("Refer {patient}").format(patient=patient_name),
        ok_text=_tr("Save the referral"),
    )
    dialog.add_facility(
        "facility_id", _tr("&Referred to:"), none_text=_tr("(choose later: kept as a draft)")
    )
    dialog.add_text("reason", _tr("&Why:"), hint=_tr("What the facility should know and do."))
    dialog.add_combo(
        "urgency",
        _tr("&Urgency:"),
        [(localized(URGENCY_WORDS[u]), u) for u in ReferralUrgency],
        ReferralUrgency.ROUTINE,
    )
    dialog.add_check("sent", _tr("The referral was &sent today"))
    dialog.add_text("notes", _tr("&Notes:"))
    dialog.fields["facility_id"].setFocus()

    def call(core: Any, v: dict[str, Any]) -> Any:
        return core.referrals.add(
            patient_id,
            v["reason"],
            facility_id=v["facility_id"],
            urgency=v["urgency"],
            notes=v["notes"],
            send_on=core.today() if v["sent"] else None,
        )

    dialog.calls(call)
    dialog.succeeded.connect(
        lambda done: open_referral(ctx, parent, done.value.referral_id, patient_button=False)
    )
    return dialog
