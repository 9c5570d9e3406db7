"""The first-run flow, without Qt: which page comes next, what is missing, when to finish."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ui.setup_flow import FlowError, Page, SetupFlow


def filled() -> SetupFlow:
    flow = SetupFlow()
    flow.go_next()
    a = flow.answers
    a.clinic_name, a.country, a.timezone = "Kisumu Health Post", "KE", "Africa/Nairobi"
    flow.go_next()
    a.provider_name, a.provider_title = "Dr. Achieng Otieno", "Clinical officer"
    flow.go_next()
    a.admin_display_name, a.admin_username = "Amina Odhiambo", "amina"
    a.password = a.password_confirm = "a long sentence here"
    return flow


def test_the_flow_has_no_qt() -> None:
    code = "import sys, ui.setup_flow; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pages_go_in_order_and_back() -> None:
    flow = SetupFlow()
    assert flow.page is Page.WELCOME and not flow.can_go_back()
    assert flow.go_next() is Page.CLINIC
    assert flow.can_go_back()
    assert flow.go_back() is Page.WELCOME


def test_clinic_page_names_each_missing_or_wrong_answer() -> None:
    flow = SetupFlow()
    flow.go_next()
    flow.answers.clinic_name = "  "
    flow.answers.timezone = ""
    problems = flow.problems()
    assert problems["clinic_name"].code == "required"
    assert problems["timezone"].code == "required"
    assert not flow.can_go_next()
    with pytest.raises(FlowError):
        flow.go_next()
    flow.answers.clinic_name = "Kisumu"
    flow.answers.timezone = "Mars/Olympus_Mons"
    problems = flow.problems()
    assert list(problems) == ["timezone"]
    assert problems["timezone"].code == "invalid"
    assert "time zone" in problems["timezone"].message


def test_admin_page_checks_user_name_password_rules_and_confirmation() -> None:
    flow = filled()
    assert flow.page is Page.ADMIN and not flow.problems()
    flow.answers.admin_username = "Amina Odhiambo"
    assert flow.problems()["admin_username"].code == "invalid"
    flow.answers.admin_username = "amina"
    flow.answers.password = flow.answers.password_confirm = "short"
    assert flow.problems()["password"].code == "invalid"
    flow.answers.password = "a long sentence here"
    flow.answers.password_confirm = "a long sentence HERE"
    assert flow.problems() == {"password_confirm": flow.problems()["password_confirm"]}
    assert flow.problems()["password_confirm"].code == "mismatch"


def test_the_store_is_created_from_the_admin_page_then_no_way_back() -> None:
    flow = filled()
    assert flow.needs_creation()
    with pytest.raises(FlowError):
        flow.go_next()  # the GUI must create the store first
    flow.store_created("ABCD-EFGH")
    assert flow.page is Page.RECOVERY
    assert flow.answers.password == ""  # not kept in memory longer than needed
    assert not flow.can_go_back() and not flow.can_cancel()
    with pytest.raises(FlowError):
        flow.store_created("again")


def test_finish_needs_the_recovery_key_acknowledged() -> None:
    flow = filled()
    assert not flow.can_finish()
    flow.acknowledge_recovery(True)
    assert not flow.recovery_acknowledged  # nothing to acknowledge before it exists
    flow.store_created("ABCD-EFGH")
    assert not flow.can_finish()
    flow.acknowledge_recovery(True)
    assert flow.can_finish()
    flow.acknowledge_recovery(False)
    assert not flow.can_finish()


def test_the_welcome_page_announces_as_many_steps_as_follow_it() -> None:
    flow = SetupFlow()
    assert flow.steps == 4
    flow.go_next()
    assert (flow.step, flow.steps) == (1, 4)


def test_the_week_page_asks_for_a_provider_a_type_and_opening_hours() -> None:
    flow = SetupFlow()
    flow.go_next()
    flow.answers.clinic_name = "Kisumu Health Post"
    assert flow.go_next() is Page.WEEK
    assert flow.problems()["provider_name"].code == "required"
    flow.answers.provider_name = "Dr. Achieng"
    assert flow.problems() == {}  # a default type and Monday–Friday hours are offered
    flow.answers.hours[2] = "9 to 5"
    assert flow.problems()["hours_2"].code == "invalid"
    flow.answers.hours[2] = "13:00-09:00"
    assert "ends before it starts" in flow.problems()["hours_2"].message
    flow.answers.hours = {day: "" for day in range(7)}
    assert list(flow.problems()) == ["hours_0"]
    flow.answers.hours[5] = "08:00-12:00"
    assert flow.go_next() is Page.ADMIN
    flow.answers.admin_display_name, flow.answers.admin_username = "Amina", "amina"
    flow.answers.password = flow.answers.password_confirm = "a long sentence here"
    new = flow.new_clinic()
    assert new.provider_name == "Dr. Achieng" and new.type_name == "Consultation"
    import datetime as dt

    assert new.opening_hours[5] == [(dt.time(8), dt.time(12))]
    assert new.opening_hours[0] == []
