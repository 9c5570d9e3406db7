"""Words for the core's codes (statuses, roles, field names), in the interface language.

The core speaks in enum values and field names; these functions turn them into text a
person reads. Each call translates afresh, so the active translator always applies.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from ui.language import localized


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: str) -> str:
    return {
        "booked": _tr("Booked"),
        "arrived": _tr("Arrived"),
        "in_consultation": _tr("In consultation"),
        "completed": _tr("Completed"),
        "no_show": _tr("No-show"),
        "cancelled": _tr("Cancelled"),
        "rescheduled": _tr("Moved"),
    }.get(str(status), str(status))


STATUS_MARKS = {
    "booked": "○",
    "arrived": "●",
    "in_consultation": "▶",
    "completed": "✓",
    "no_show": "✗",
    "cancelled": "⊘",
    "rescheduled": "→",
}
"""A sign per status so a status never depends on colour alone (colour-blind readers,
black-and-white printouts)."""

LATE_MARK = "⚠"


def status_text(status: str, *, late: bool = False) -> str:
    """ "⚠ Late" or "✓ Completed": the sign and the word."""
    if late:
        return f"{LATE_MARK} {_tr('Late')}"
    return f"{STATUS_MARKS.get(str(status), '')} {status_label(status)}".strip()


def walk_in_text(text: str, walk_in: bool) -> str:
    """ "● Arrived · walk-in": an appointment made on arrival says so wherever it shows (the
    day's list, the queue, the calendar, the record)."""
    return _tr("{text} · walk-in").format(text=text) if walk_in else text


def sex_label(sex: str) -> str:
    return {
        "female": _tr("Female"),
        "male": _tr("Male"),
        "other": _tr("Other"),
        "unknown": _tr("Not known"),
    }.get(str(sex), str(sex))


def birth_label(birth: dt.date | None, estimated: bool, today: dt.date) -> str:
    """ "21 Mar 1984 (40 y)", "about 45 y", or "Age not known" (chosen at registration)."""
    from ui.util import birth_text

    if birth is None:
        return _tr("Age not known")
    return birth_text(birth, estimated, today)


def clinic_number_label(number: str) -> str:
    """ "Clinic no. KHP-QX0042" (what the desk reads out; the record id stays internal)."""
    return _tr("Clinic no. {number}").format(number=number) if number else ""


def role_label(role: str) -> str:
    return {
        "admin": _tr("Administrator"),
        "coordinator": _tr("Coordinator"),
        "clinician": _tr("Clinician"),
    }.get(str(role), str(role))


def form_status_label(status: str) -> str:
    return {
        "draft": _tr("Draft"),
        "final": _tr("Final"),
        "signed": _tr("Signed"),
    }.get(str(status), str(status))


def field_label(name: str) -> str:
    """Patient fields, as named in audit events and validation problems."""
    return {
        "given_name": _tr("Given name"),
        "family_name": _tr("Family name"),
        "other_names": _tr("Other names"),
        "sex": _tr("Sex"),
        "birth_date": _tr("Date of birth"),
        "birth_date_estimated": _tr("Date of birth estimated"),
        "estimated_age_years": _tr("Estimated age"),
        "phone": _tr("Phone"),
        "phone_reversed": _tr("Phone"),
        "phone_alt": _tr("Other phone"),
        "village": _tr("Village"),
        "address": _tr("Address"),
        "national_id": _tr("National ID"),
        "clinic_number": _tr("Clinic number"),
        "next_of_kin_name": _tr("Next of kin"),
        "next_of_kin_relation": _tr("Relation"),
        "next_of_kin_phone": _tr("Next of kin's phone"),
        "preferred_language": _tr("Preferred language"),
        "coverage_scheme": _tr("Coverage scheme"),
        "coverage_member_id": _tr("Member number"),
        "notes": _tr("Notes"),
        "deleted": _tr("Removed"),
    }.get(name, name.replace("_", " "))


def audit_action_label(action: str) -> str:
    return {
        "create": _tr("Registered"),
        "update": _tr("Changed"),
        "delete": _tr("Removed"),
        "view": _tr("Opened the record"),
    }.get(action, action)


def duplicate_reason_label(reason: str) -> str:
    """The reasons `likely_duplicates` gives, for the side-by-side comparison."""
    return {
        "similar name": _tr("similar name"),
        "same phone": _tr("same phone"),
        "same date of birth and village": _tr("same date of birth and village"),
        "same date of birth": _tr("same date of birth"),
        "same village": _tr("same village"),
        "same clinic number": _tr("same clinic number"),
        "same national ID": _tr("same national ID"),
    }.get(reason) or localized(reason)  # the others from the core's catalogue


def weekday_label(weekday: int) -> str:
    return (
        _tr("Monday"),
        _tr("Tuesday"),
        _tr("Wednesday"),
        _tr("Thursday"),
        _tr("Friday"),
        _tr("Saturday"),
        _tr("Sunday"),
    )[weekday]


COUNTRIES = (
    "KE",
    "UG",
    "TZ",
    "RW",
    "BI",
    "SS",
    "ET",
    "SO",
    "CD",
    "CM",
    "NG",
    "GH",
    "SN",
    "ML",
    "BF",
    "NE",
    "CI",
    "GN",
    "TD",
    "MG",
    "MW",
    "MZ",
    "ZM",
    "ZW",
    "HT",
)

DEFAULT_TIMEZONES = {
    "KE": "Africa/Nairobi",
    "UG": "Africa/Kampala",
    "TZ": "Africa/Dar_es_Salaam",
    "RW": "Africa/Kigali",
    "BI": "Africa/Bujumbura",
    "SS": "Africa/Juba",
    "ET": "Africa/Addis_Ababa",
    "SO": "Africa/Mogadishu",
    "CD": "Africa/Kinshasa",
    "CM": "Africa/Douala",
    "NG": "Africa/Lagos",
    "GH": "Africa/Accra",
    "SN": "Africa/Dakar",
    "ML": "Africa/Bamako",
    "BF": "Africa/Ouagadougou",
    "NE": "Africa/Niamey",
    "CI": "Africa/Abidjan",
    "GN": "Africa/Conakry",
    "TD": "Africa/Ndjamena",
    "MG": "Indian/Antananarivo",
    "MW": "Africa/Blantyre",
    "MZ": "Africa/Maputo",
    "ZM": "Africa/Lusaka",
    "ZW": "Africa/Harare",
    "HT": "America/Port-au-Prince",
}


def country_label(code: str) -> str:
    return {
        "KE": _tr("Kenya"),
        "UG": _tr("Uganda"),
        "TZ": _tr("Tanzania"),
        "RW": _tr("Rwanda"),
        "BI": _tr("Burundi"),
        "SS": _tr("South Sudan"),
        "ET": _tr("Ethiopia"),
        "SO": _tr("Somalia"),
        "CD": _tr("DR Congo"),
        "CM": _tr("Cameroon"),
        "NG": _tr("Nigeria"),
        "GH": _tr("Ghana"),
        "SN": _tr("Senegal"),
        "ML": _tr("Mali"),
        "BF": _tr("Burkina Faso"),
        "NE": _tr("Niger"),
        "CI": _tr("Côte d'Ivoire"),
        "GN": _tr("Guinea"),
        "TD": _tr("Chad"),
        "MG": _tr("Madagascar"),
        "MW": _tr("Malawi"),
        "MZ": _tr("Mozambique"),
        "ZM": _tr("Zambia"),
        "ZW": _tr("Zimbabwe"),
        "HT": _tr("Haiti"),
    }.get(code, code)
