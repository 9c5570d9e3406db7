"""The one line at the top of a patient's record that says what is pending: the next
appointment, open referrals (overdue ones counted), results waiting to be relayed (urgent ones
counted) and allergies, from the core's read (`core.patients.summary`).

Allergies are always said, in bold when one is reported: "no known allergy" and "allergies
not recorded" are different things, and a person reading the line must be able to tell them
apart. Each part is words, never a colour alone.
"""

from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.util import format_date, format_time, is_alive

if TYPE_CHECKING:
    from desktop.app.patient_summary import PatientSummary
    from ui.context import ClinicContext

SEPARATOR = "  ·  "
SEPARATOR_HTML = "&nbsp;&nbsp;·&nbsp;&nbsp;"  # rich text folds plain spaces into one


class RecordSummary(QLabel):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: PatientSummary | None = None
        self._asked_for: uuid.UUID | None = None
        self.setObjectName("record_follow_through")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def clear_summary(self) -> None:
        self.summary = None
        self._asked_for = None
        self.clear()
        self.setAccessibleName("")

    def load(self, patient_id: uuid.UUID) -> None:
        """Read `patient_id`'s summary on the database thread and show it."""
        self._asked_for = patient_id
        try:
            self.ctx.ask(
                lambda core: core.patients.summary(patient_id),
                lambda summary, error: self._read(patient_id, summary, error),
            )
        except RuntimeError:  # the session is closing: its task runner has stopped
            return

    def _read(
        self,
        patient_id: uuid.UUID,
        summary: PatientSummary | None,
        error: BaseException | None,
    ) -> None:
        # Only the latest patient's answer; an error (the record removed meanwhile) is the
        # record's to say: the line stays empty.
        if not is_alive(self) or patient_id != self._asked_for:
            return
        if error is None and summary is not None:
            self.show_summary(summary)

    def show_summary(self, summary: PatientSummary) -> None:
        self.summary = summary
        parts = self.parts(summary)
        self.setText(SEPARATOR_HTML.join(html_part for html_part, _plain in parts))
        # Screen readers get the plain words.
        self.setAccessibleName(SEPARATOR.join(plain for _html, plain in parts))

    def parts(self, summary: PatientSummary) -> list[tuple[str, str]]:
        """Each part of the line as (rich text, plain text)."""
        out: list[tuple[str, str]] = []

        def add(text: str, *, strong: bool = False) -> None:
            escaped = html.escape(text)
            out.append((f"<b>{escaped}</b>" if strong else escaped, text))

        nxt = summary.next_appointment
        if nxt is None:
            add(self.tr("No appointment booked"))
        else:
            when = self.tr("{date} {time}").format(
                date=format_date(nxt.starts_at.date()), time=format_time(nxt.starts_at)
            )
            if nxt.starts_at.date() == self.ctx.today():
                when = self.tr("today {time}").format(time=format_time(nxt.starts_at))
            text = self.tr("Next appointment: {when}, {provider}").format(
                when=when, provider=nxt.provider
            )
            if nxt.late:
                text = self.tr("{text} (⚠ late)").format(text=text)
            add(text, strong=nxt.late)

        if summary.open_referrals:
            text = (
                self.tr("1 open referral")
                if summary.open_referrals == 1
                else self.tr("{n} open referrals").format(n=summary.open_referrals)
            )
            if summary.overdue_referrals:
                text = self.tr("{text} ({n} overdue)").format(
                    text=text, n=summary.overdue_referrals
                )
            add(text, strong=bool(summary.overdue_referrals))
        else:
            add(self.tr("No open referral"))

        if summary.results_waiting:
            text = (
                self.tr("1 result to relay")
                if summary.results_waiting == 1
                else self.tr("{n} results to relay").format(n=summary.results_waiting)
            )
            if summary.urgent_results_waiting:
                text = self.tr("{text} ({n} urgent)").format(
                    text=text, n=summary.urgent_results_waiting
                )
            add(text, strong=True)
        else:
            add(self.tr("No result to relay"))

        allergies = summary.allergies
        if allergies is None:
            add(self.tr("Allergies not recorded"))
        elif allergies.known is True:
            what = allergies.what or self.tr("reported, not described")
            add(self.tr("⚠ Allergy: {what}").format(what=what), strong=True)
        elif allergies.known is False:
            add(self.tr("No known allergy"))
        else:
            add(self.tr("Allergies not known"))
        return out
