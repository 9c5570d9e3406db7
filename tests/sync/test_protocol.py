"""The wire models refuse what would sort or size wrongly once stored."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from desktop.hlc import Stamp
from sync.protocol import Change


def change(hlc: str) -> dict[str, object]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": "patients",
        "entity_id": str(uuid.uuid4()),
        "clinic_id": str(uuid.uuid4()),
        "op": "update",
        "patch": {"village": {"v": "Kisian", "hlc": hlc}},
        "hlc": hlc,
    }


@pytest.mark.parametrize(
    "stamp",
    [
        "\u0660" * 15 + "-000000-evil",  # Arabic-Indic digits sort above every real stamp
        "\uff11" * 15 + "-000000-evil",  # full-width digits
        "000001700000000-\u0660\u0660\u0660\u0660\u0660\u0660-evil",
    ],
)
def test_a_stamp_in_another_script_s_digits_is_refused(stamp: str) -> None:
    with pytest.raises(ValidationError):
        Change.model_validate(change(stamp))
    with pytest.raises(ValueError):
        Stamp.decode(stamp)


def test_an_ordinary_stamp_is_taken() -> None:
    assert Change.model_validate(change("001764000000000-000001-a1b2")).hlc.startswith("0017")
