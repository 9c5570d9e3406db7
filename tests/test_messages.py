"""Core messages in the interface language: English as they are, French and Swahili from the
catalogues."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
import re
from pathlib import Path

import pytest

from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, ValidationFailed
from desktop.messages import Message, catalogue, join, localize, message_of, msg
from desktop.services import clinic_setup, scheduling
from desktop.services.patients import PatientInput, register_patient, validate_patient

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"
MONDAY = dt.date(2026, 11, 23)


def test_a_message_is_its_english_text() -> None:
    text = msg("Too long: {n} characters at most.", n=80)
    assert isinstance(text, str)
    assert text == "Too long: 80 characters at most."
    assert text.template == "Too long: {n} characters at most."
    assert text.params == {"n": "80"}
    assert f"{text}" == str(text) == "Too long: 80 characters at most."
    assert pickle.loads(pickle.dumps(text)).template == text.template


def test_localize_to_french_keeps_the_parameters() -> None:
    text = msg("Too long: {n} characters at most.", n=80)
    assert localize(text, "fr") == "Trop long\u00a0: 80 caractères au maximum."
    assert localize(text, "en") == text


def test_words_inside_a_message_are_translated_too() -> None:
    text = msg(
        "An appointment that is {status} cannot become {to}.",
        status=msg("completed"),
        to=msg("cancelled"),
    )
    assert text == "An appointment that is completed cannot become cancelled."
    assert localize(text, "fr") == (
        "Un rendez-vous à l’état «\u00a0terminé\u00a0» ne peut pas passer à l’état "
        "«\u00a0annulé\u00a0»."
    )
    joined = join(", ", [msg("similar name"), msg("same phone")])
    assert joined == "similar name, same phone"
    assert localize(joined, "fr") == "nom semblable, même téléphone"


def test_unknown_language_template_or_plain_text_fall_back_to_english() -> None:
    text = msg("Too long: {n} characters at most.", n=80)
    assert localize(text, "xh") == text  # no isiXhosa catalogue
    assert localize(text, "../etc") == text
    assert localize(msg("Not in any catalogue ({n}).", n=1), "fr") == "Not in any catalogue (1)."
    assert localize("plain English", "fr") == "plain English"


def test_an_error_keeps_its_message() -> None:
    error = InvalidInput(msg("The password must not be the user name."), field="password")
    assert str(error) == "The password must not be the user name."
    assert isinstance(message_of(error), Message)
    assert localize(message_of(error), "fr") == (
        "Le mot de passe ne doit pas être le nom d’utilisateur."
    )
    assert message_of(ValueError("a", "b")) == str(ValueError("a", "b"))


def test_validation_problems_localize_field_by_field() -> None:
    with pytest.raises(ValidationFailed) as caught:
        validate_patient(
            PatientInput(given_name="", family_name="Kamau", phone="12", birth_date="1984-13-40"),
            region="KE",
        )
    problems = caught.value.problems
    assert problems["given_name"] == "The patient's given name is required."
    assert all(isinstance(p, Message) for p in problems.values())
    french = {name: localize(p, "fr") for name, p in problems.items()}
    assert french["given_name"] == "Le prénom du patient est obligatoire."
    assert french["birth_date"] == (
        "Il n’y a pas de mois 13\u00a0: écrivez la date sous la forme AAAA-MM-JJ ou "
        "JJ/MM/AAAA (par ex. 1984-03-21)."
    )
    assert french["phone"].startswith("'12' n’est pas un numéro de téléphone valable pour KE")
    assert localize(message_of(caught.value), "fr").count("; ") == 2


def test_a_double_booking_localizes(core: ClinicCore) -> None:
    with core.store.session() as session, session.begin():
        provider = clinic_setup.add_provider(session, core.actor, "Dr. Grace Otieno")
        clinic_setup.set_working_hours(
            session, core.actor, provider.id, 0, [(dt.time(8), dt.time(12))]
        )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 30)
        patient = register_patient(
            session,
            core.actor,
            PatientInput(given_name="Wanjiru", family_name="Kamau"),
            region="KE",
            confirmed_new=True,
        )

    def book(at: dt.datetime) -> None:
        with core.store.session() as session, session.begin():
            scheduling.book(
                session,
                core.actor,
                patient_id=patient.id,
                provider_id=provider.id,
                type_id=kind.id,
                starts_at=at,
            )

    book(dt.datetime.combine(MONDAY, dt.time(9)))
    with pytest.raises(Conflict) as clash:
        book(dt.datetime.combine(MONDAY, dt.time(9, 15)))
    english = str(clash.value)
    assert english == "Dr. Grace Otieno already sees Wanjiru Kamau 09:00–09:30. Free next: " + (
        "09:30, 09:45, 10:00."
    )
    french = localize(message_of(clash.value), "fr")
    assert french == (
        "Dr. Grace Otieno reçoit déjà Wanjiru Kamau de 09:00 à 09:30. "
        "Prochains horaires libres\u00a0: 09:30, 09:45, 10:00."
    )

    with pytest.raises(InvalidInput) as closed:
        book(dt.datetime.combine(MONDAY + dt.timedelta(days=1), dt.time(9)))
    assert str(closed.value).startswith("Dr. Grace Otieno does not work on Tuesdays.")
    assert localize(message_of(closed.value), "fr").startswith(
        "Dr. Grace Otieno ne travaille pas le mardi."
    )


def _placeholders(template: str) -> set[str]:
    return set(re.findall(r"\{(\w*)\}", template))


def test_every_french_entry_has_the_same_placeholders() -> None:
    french = catalogue("fr")
    assert french
    for english, translated in french.items():
        assert _placeholders(translated) == _placeholders(english), english
        assert translated.strip() and translated != "TODO", english
        assert not re.search(r"(?<![\u00a0(])[:;?!»](?=\s|$)", translated.replace(" ", "")), english


def _templates_in_source() -> set[str]:
    """The first argument of every `msg(...)` call in desktop/ (literal or `a if c else b`)."""
    found: set[str] = set()
    for path in sorted(DESKTOP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg"):
                continue
            stack = list(node.args[:1])
            while stack:
                arg = stack.pop()
                if isinstance(arg, ast.IfExp):
                    stack += [arg.body, arg.orelse]
                else:
                    assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                        f"{path.name}:{node.lineno}: msg() needs a literal template"
                    )
                    found.add(arg.value)
    return found


def test_every_template_in_the_source_has_a_french_entry() -> None:
    templates = _templates_in_source()
    assert "{provider} already sees {patient} {start}–{end}." in templates
    french = catalogue("fr")
    assert sorted(templates - set(french)) == []
    assert sorted(set(french) - templates) == []  # no stale entries either


# Swahili (issue 7, defect 27): every core message has a Swahili template too.


def test_localize_to_swahili_keeps_the_parameters_and_inner_words() -> None:
    text = msg("Too long: {n} characters at most.", n=80)
    assert localize(text, "sw") == "Ni ndefu mno: isizidi herufi 80."
    status = msg(
        "An appointment that is {status} cannot become {to}.",
        status=msg("completed"),
        to=msg("cancelled"),
    )
    assert localize(status, "sw") == (
        "Miadi iliyo katika hali ya “imekamilika” haiwezi kubadilishwa kuwa “imeghairiwa”."
    )
    joined = join(", ", [msg("similar name"), msg("same phone")])
    assert localize(joined, "sw") == "jina linalofanana, simu ileile"
    error = InvalidInput(msg("The password must not be the user name."), field="password")
    assert localize(message_of(error), "sw") == "Nenosiri lisiwe sawa na jina la mtumiaji."


def test_every_swahili_entry_has_the_same_placeholders() -> None:
    swahili = catalogue("sw")
    assert swahili
    for english, translated in swahili.items():
        assert _placeholders(translated) == _placeholders(english), english
        assert translated.strip() and translated != "TODO", english
        translated.format(**{name: "x" for name in _placeholders(english)})  # well formed


def test_every_template_in_the_source_has_a_swahili_entry() -> None:
    templates = _templates_in_source()
    swahili = catalogue("sw")
    assert sorted(templates - set(swahili)) == []
    assert sorted(set(swahili) - templates) == []  # no stale entries either
    assert set(swahili) == set(catalogue("fr"))  # as complete as French
