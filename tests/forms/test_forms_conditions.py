"""The condition language: parsing and three-valued evaluation."""

from __future__ import annotations

import datetime as dt

import pytest

from forms import conditions as cond


def run(raw: dict[str, object], values: dict[str, object]) -> bool | None:
    condition = cond.parse(raw, "$")

    def resolve(operand: cond.Operand) -> object:
        if isinstance(operand, cond.Const):
            return operand.value
        key = operand.name if isinstance(operand, cond.ContextRef) else operand.field_id
        return values.get(key)

    return cond.evaluate(condition, resolve)


def test_comparisons_on_exact_values() -> None:
    assert run({"context": "age", "gte": 18}, {"age": (18, 18)}) is True
    assert run({"context": "age", "lt": 18}, {"age": (18, 18)}) is False
    assert run({"context": "age", "between": [10, 55]}, {"age": (34, 34)}) is True
    assert run({"context": "sex", "eq": "female"}, {"sex": "male"}) is False
    assert run({"context": "sex", "in": ["female", "other"]}, {"sex": "other"}) is True


def test_missing_values_are_unknown_and_logic_is_three_valued() -> None:
    assert run({"context": "age", "gte": 18}, {}) is None
    assert run({"not": {"context": "age", "gte": 18}}, {}) is None
    assert (
        run({"all": [{"context": "age", "gte": 18}, {"context": "sex", "eq": "f"}]}, {"sex": "m"})
        is False
    )
    assert (
        run({"any": [{"context": "age", "gte": 18}, {"context": "sex", "eq": "f"}]}, {"sex": "f"})
        is True
    )
    assert run({"context": "age", "answered": False}, {}) is True


def test_ranges_decide_only_when_certain() -> None:
    march = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    visit = (dt.date(2025, 3, 4), dt.date(2025, 3, 4))
    assert (
        run({"field": "onset", "lte": {"field": "visit"}}, {"onset": march, "visit": visit}) is None
    )
    february = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert (
        run({"field": "onset", "lte": {"field": "visit"}}, {"onset": february, "visit": visit})
        is True
    )
    assert run({"field": "onset", "gt": "2025-03-31"}, {"onset": march}) is False
    assert run({"field": "age", "between": [10, 55]}, {"age": (54, 56)}) is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "must be a JSON object"),
        ({"all": []}, "non-empty list"),
        ({"field": "a"}, "exactly one operator"),
        ({"field": "a", "eq": 1, "ne": 2}, "exactly one operator"),
        ({"eq": 1}, "exactly one of 'field'"),
        ({"field": "a", "context": "b", "eq": 1}, "exactly one of 'field'"),
        ({"field": "a", "in": []}, "non-empty list"),
        ({"field": "a", "between": [1]}, "[low, high]"),
        ({"field": "a", "answered": "yes"}, "true or false"),
        ({"field": "a", "eq": {"nonsense": 1}}, "reference"),
        ({"field": "a", "eq": 1, "colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_malformed_conditions_are_explained(raw: object, message: str) -> None:
    with pytest.raises(cond.ConditionSyntaxError, match=message):
        cond.parse(raw, "$.x")
