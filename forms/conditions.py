"""A small declarative condition language for visibility and cross-field rules.

Conditions are plain JSON, never code: a definition a clinic installs cannot run
anything. The grammar (documented with examples in FORMAT.md)::

    {"all": [cond, ...]}   {"any": [cond, ...]}   {"not": cond}
    {SUBJECT, OPERATOR}

SUBJECT is one of ``"field": id`` (with an optional ``"part"`` such as ``"systolic"``),
``"context": name`` (a plain value the caller passes, e.g. the patient's age) or
``"age_of": id`` (whole years from a date field to the reference date).
OPERATOR is one of ``eq ne lt lte gt gte`` (a literal or another subject object),
``in`` (a list of literals), ``between`` ([low, high], inclusive), ``includes``
(a multiple-choice value) or ``answered`` (true/false).

Evaluation is three-valued: a comparison whose operands are missing, or that cannot
be decided (an approximate date near the limit), is *unknown* (``None``). Callers
decide what unknown means: a field stays visible unless its condition is definitely
false, and a rule only fails when its check is definitely false.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

COMPARISONS = ("eq", "ne", "lt", "lte", "gt", "gte")
OPERATORS = (*COMPARISONS, "in", "between", "includes", "answered")
SUBJECT_KEYS = ("field", "context", "age_of")
#: Deepest nesting of all/any/not a condition may have. Every walk over a condition (checks,
#: evaluation, the "Only if: …" text) recurses once per level, so parsing is where depth is
#: bounded; a real form needs three or four levels.
MAX_DEPTH = 16


@dataclass(frozen=True, slots=True)
class FieldRef:
    field_id: str
    part: str | None = None


@dataclass(frozen=True, slots=True)
class ContextRef:
    name: str


@dataclass(frozen=True, slots=True)
class AgeRef:
    field_id: str


@dataclass(frozen=True, slots=True)
class Const:
    value: object


Operand = FieldRef | ContextRef | AgeRef | Const


@dataclass(frozen=True, slots=True)
class Compare:
    subject: Operand
    op: str
    target: Operand


@dataclass(frozen=True, slots=True)
class InSet:
    subject: Operand
    values: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Between:
    subject: Operand
    low: Operand
    high: Operand


@dataclass(frozen=True, slots=True)
class Includes:
    subject: Operand
    value: object


@dataclass(frozen=True, slots=True)
class Answered:
    subject: Operand
    expected: bool


@dataclass(frozen=True, slots=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Condition


Condition = AllOf | AnyOf | Not | Compare | InSet | Between | Includes | Answered


class ConditionSyntaxError(ValueError):
    """Raised by :func:`parse` with the JSON path of the offending part."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(message)


# --------------------------------------------------------------------------- parsing


def parse(raw: object, path: str, *, depth: int = 1) -> Condition:
    """Build a condition from its JSON form; shape errors raise ConditionSyntaxError, and so
    does nesting deeper than MAX_DEPTH (checked before going further down)."""
    if depth > MAX_DEPTH:
        raise ConditionSyntaxError(
            path,
            f"conditions are nested more than {MAX_DEPTH} deep (all/any/not inside each other)",
        )
    if not isinstance(raw, Mapping):
        raise ConditionSyntaxError(path, "a condition must be a JSON object")
    if "all" in raw or "any" in raw:
        key = "all" if "all" in raw else "any"
        items = raw[key]
        if len(raw) != 1 or not isinstance(items, list) or not items:
            raise ConditionSyntaxError(path, f"'{key}' takes a non-empty list and nothing else")
        parsed = tuple(
            parse(item, f"{path}.{key}[{i}]", depth=depth + 1) for i, item in enumerate(items)
        )
        return AllOf(parsed) if key == "all" else AnyOf(parsed)
    if "not" in raw:
        if len(raw) != 1:
            raise ConditionSyntaxError(path, "'not' takes one condition and nothing else")
        return Not(parse(raw["not"], f"{path}.not", depth=depth + 1))
    subject = _parse_subject(raw, path)
    ops = [key for key in raw if key in OPERATORS]
    extra = [key for key in raw if key not in OPERATORS and key not in (*SUBJECT_KEYS, "part")]
    if extra:
        raise ConditionSyntaxError(path, f"unknown key {extra[0]!r} in condition")
    if len(ops) != 1:
        raise ConditionSyntaxError(
            path, f"a condition needs exactly one operator out of: {', '.join(OPERATORS)}"
        )
    op = ops[0]
    arg = raw[op]
    where = f"{path}.{op}"
    if op in COMPARISONS:
        return Compare(subject, op, _parse_operand(arg, where))
    if op == "in":
        if not isinstance(arg, list) or not arg or not all(_is_literal(v) for v in arg):
            raise ConditionSyntaxError(where, "'in' takes a non-empty list of plain values")
        return InSet(subject, tuple(arg))
    if op == "between":
        if not isinstance(arg, list) or len(arg) != 2:
            raise ConditionSyntaxError(where, "'between' takes [low, high]")
        return Between(
            subject, _parse_operand(arg[0], f"{where}[0]"), _parse_operand(arg[1], f"{where}[1]")
        )
    if op == "includes":
        if not isinstance(arg, str):
            raise ConditionSyntaxError(where, "'includes' takes one choice value (a string)")
        return Includes(subject, arg)
    if not isinstance(arg, bool):
        raise ConditionSyntaxError(where, "'answered' takes true or false")
    return Answered(subject, arg)


def _parse_subject(raw: Mapping[str, object], path: str) -> Operand:
    keys = [key for key in SUBJECT_KEYS if key in raw]
    if len(keys) != 1:
        raise ConditionSyntaxError(
            path, "a condition needs exactly one of 'field', 'context' or 'age_of' (or all/any/not)"
        )
    operand = _parse_operand({key: raw[key] for key in (*keys, "part") if key in raw}, path)
    if isinstance(operand, Const):  # pragma: no cover - the dict always has a subject key
        raise ConditionSyntaxError(path, "a condition's subject cannot be a constant")
    return operand


def _parse_operand(raw: object, path: str) -> Operand:
    if isinstance(raw, Mapping):
        keys = set(raw)
        name = raw.get("field", raw.get("context", raw.get("age_of")))
        if not isinstance(name, str) or not name:
            raise ConditionSyntaxError(path, "a reference needs 'field', 'context' or 'age_of'")
        if "field" in keys and keys <= {"field", "part"}:
            part = raw.get("part")
            if part is not None and not isinstance(part, str):
                raise ConditionSyntaxError(path, "'part' must be a string such as 'systolic'")
            return FieldRef(name, part)
        if keys == {"context"}:
            return ContextRef(name)
        if keys == {"age_of"}:
            return AgeRef(name)
        raise ConditionSyntaxError(path, f"cannot read reference with keys {sorted(keys)}")
    if _is_literal(raw):
        return Const(raw)
    raise ConditionSyntaxError(path, "expected a plain value or a {'field': ...} reference")


def _is_literal(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


# --------------------------------------------------------------------------- walking


def operands(condition: Condition) -> Iterator[Operand]:
    """Every operand used anywhere in ``condition`` (subjects and targets)."""
    if isinstance(condition, AllOf | AnyOf):
        for item in condition.items:
            yield from operands(item)
    elif isinstance(condition, Not):
        yield from operands(condition.item)
    elif isinstance(condition, Compare):
        yield condition.subject
        yield condition.target
    elif isinstance(condition, Between):
        yield condition.subject
        yield condition.low
        yield condition.high
    else:
        yield condition.subject


def field_ids(condition: Condition) -> set[str]:
    """Ids of the fields a condition reads (directly or through ``age_of``)."""
    found: set[str] = set()
    for operand in operands(condition):
        if isinstance(operand, FieldRef | AgeRef):
            found.add(operand.field_id)
    return found


# --------------------------------------------------------------------------- evaluating

Interval = tuple[object, object]
"""A value known to lie between two bounds: exact values are (x, x)."""

Resolver = Callable[[Operand], object]
"""Returns an operand's value: None when missing, a (low, high) tuple for ordered
values (numbers, dates, ages: approximate ones have low < high), a frozenset for
multiple choices, else the plain value."""


def evaluate(condition: Condition, resolve: Resolver) -> bool | None:
    """True, False, or None when the answer cannot be known from the values at hand."""
    if isinstance(condition, AllOf):
        results = [evaluate(item, resolve) for item in condition.items]
        if False in results:
            return False
        return None if None in results else True
    if isinstance(condition, AnyOf):
        results = [evaluate(item, resolve) for item in condition.items]
        if True in results:
            return True
        return None if None in results else False
    if isinstance(condition, Not):
        inner = evaluate(condition.item, resolve)
        return None if inner is None else not inner
    if isinstance(condition, Answered):
        return (resolve(condition.subject) is not None) == condition.expected
    subject = resolve(condition.subject)
    if subject is None:
        return None
    if isinstance(condition, Includes):
        return isinstance(subject, frozenset) and condition.value in subject
    if isinstance(condition, InSet):
        results = [_compare(subject, "eq", _like(subject, value)) for value in condition.values]
        if True in results:
            return True
        return None if None in results else False
    if isinstance(condition, Between):
        low, high = resolve(condition.low), resolve(condition.high)
        if low is None or high is None:
            return None
        lower = _compare(subject, "gte", _like(subject, low))
        upper = _compare(subject, "lte", _like(subject, high))
        if lower is False or upper is False:
            return False
        return None if lower is None or upper is None else True
    target = resolve(condition.target)
    if target is None:
        return None
    return _compare(subject, condition.op, _like(subject, target))


def _like(subject: object, other: object) -> object:
    """Bring a literal into the shape of ``subject`` so the two compare (dates, ranges)."""
    if isinstance(other, tuple):
        return other
    if isinstance(subject, tuple):
        if isinstance(subject[0], dt.date) and isinstance(other, str):
            try:
                day = dt.date.fromisoformat(other)
            except ValueError:
                return None
            return (day, day)
        if isinstance(other, int | float) and not isinstance(other, bool):
            return (other, other)
        return None
    return other


def _compare(left: object, op: str, right: object) -> bool | None:
    if right is None:
        return None
    if isinstance(left, tuple) and isinstance(right, tuple):
        try:
            return _compare_ranges(left, op, right)
        except TypeError:  # a date against a number: the definition check forbids it
            return None
    if isinstance(left, tuple) or isinstance(right, tuple):
        return None if op not in ("eq", "ne") else op == "ne"
    if op == "eq":
        return left == right
    if op == "ne":
        return left != right
    return None


def _compare_ranges(left: Interval, op: str, right: Interval) -> bool | None:
    (l_low, l_high), (r_low, r_high) = left, right
    if op in ("eq", "ne"):
        exact = l_low == l_high == r_low == r_high
        disjoint = _lt(l_high, r_low) or _lt(r_high, l_low)
        if exact:
            return op == "eq"
        if disjoint:
            return op == "ne"
        return None
    if op in ("gt", "gte"):
        flipped = "lt" if op == "gt" else "lte"
        return _compare_ranges(right, flipped, left)
    strict = op == "lt"
    # Definitely true when even the largest left value passes against the smallest right.
    if _lt(l_high, r_low) or (not strict and l_high == r_low):
        return True
    if _lt(r_high, l_low) or (strict and r_high == l_low):
        return False
    return None


def _lt(a: object, b: object) -> bool:
    return bool(a < b)  # type: ignore[operator]
