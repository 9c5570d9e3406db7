"""Read form definition and translation files into checked, immutable objects.

Every problem is collected before giving up, so a clinic editing a file sees all of
them at once, each with its JSON path and (when found) the line and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import os
import re
import stat
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator

from forms import conditions as cond
from forms import translation
from forms.errors import DefinitionError, DefinitionIssue
from forms.jsonpos import PathKey, Positions, format_path, line_column
from forms.model import (
    FIELD_TYPES,
    Choice,
    Field,
    FieldType,
    FormDefinition,
    Rule,
    Section,
    Severity,
    build_definition,
)
from forms.text import Text
from forms.vitals import PARTS

SCHEMA_DIR = Path(__file__).parent / "schema"
FORM_FORMAT = "outpost-form/1"
TRANSLATION_FORMAT = "outpost-translation/1"

#: A definition file larger than this is refused before parsing (a stray data dump, not a form).
MAX_FILE_BYTES = 2_000_000
#: Deepest nesting of JSON objects and lists a file may have (the shipped forms need 8): checked
#: before parsing, so neither json nor the schema check ever recurses deeply.
MAX_JSON_DEPTH = 40
#: Longest text (in characters) of each kind of text slot: a label or a choice is printed in one
#: block that must fit on a page; paragraphs and bullets (the schema's 8,000) flow across pages.
TEXT_LIMITS: dict[str, int] = {
    "title": 300,
    "label": 500,
    "choice": 300,
    "help": 1000,
    "when_text": 300,
    "message": 500,
    "description": 2000,
}


@dataclass(frozen=True, slots=True)
class Translation:
    """One language for one version of one form, loaded from a translation file."""

    form_id: str
    version: int
    language: str
    language_name: str | None
    texts: Mapping[str, str]
    source: str


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def definition_schema() -> Mapping[str, Any]:
    """The JSON Schema every definition file must satisfy (for editors and other tools)."""
    return cast(Mapping[str, Any], _validator("definition.schema.json").schema)


# --------------------------------------------------------------------------- entry points


def shown_path(path: str | Path) -> str:
    """A path short enough for one line of an error message (long ones keep both ends)."""
    text = str(path)
    if len(text) <= 160:
        return text
    return f"{text[:60]}…{text[-60:]} ({len(text)} characters)"


def read_form_file(path: str | Path) -> bytes:
    """The bytes of a form or translation file, read safely whatever the path names.

    Only a regular file is read (never a FIFO, a device, a folder or a symbolic link: the
    link's target could be /dev/zero), it is opened without blocking and without following
    links, its size is checked on the open file before reading, and at most
    MAX_FILE_BYTES + 1 bytes are ever read (a file that grows while read is still refused).
    """
    source = shown_path(path)

    def refuse(message: str) -> DefinitionError:
        return DefinitionError(source, [DefinitionIssue(message)])

    try:
        info = os.lstat(path)
    except OSError as exc:
        raise refuse(f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise refuse("is a symbolic link; give the form file itself")
    if stat.S_ISDIR(info.st_mode):
        raise refuse("is a folder, not a form file")
    if not stat.S_ISREG(info.st_mode):
        raise refuse("is not a regular file (a pipe, socket or device); give a form file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise refuse(f"cannot read file: {exc.strerror or exc}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped between the two looks
            raise refuse("is not a regular file (a pipe, socket or device); give a form file")
        if opened.st_size > MAX_FILE_BYTES:
            raise refuse(_too_big(opened.st_size))
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise refuse(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise refuse(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return f"file is {size:,} bytes; a form is at most {MAX_FILE_BYTES:,}"


def load_file(path: str | Path) -> FormDefinition | Translation:
    """A definition or a translation, depending on the file's ``format``."""
    data = read_form_file(path)
    return load_bytes(data, shown_path(path))


def load_bytes(data: bytes, source: str) -> FormDefinition | Translation:
    """A definition or a translation from a file's bytes (UTF-8, an optional BOM)."""
    if len(data) > MAX_FILE_BYTES:
        raise DefinitionError(source, [DefinitionIssue(_too_big(len(data)))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = line_column(data[: exc.start].decode("utf-8", "replace"), exc.start)
        raise DefinitionError(
            source,
            [DefinitionIssue("file is not UTF-8 text (save it as UTF-8)", "$", line, column)],
        ) from exc
    return load_text(text, source)


def load_text(text: str, source: str = "<text>") -> FormDefinition | Translation:
    if len(text) > MAX_FILE_BYTES:
        raise DefinitionError(source, [DefinitionIssue(_too_big(len(text)))])
    raw = _parse_json(text, source)
    if isinstance(raw, dict) and raw.get("format") == TRANSLATION_FORMAT:
        return _build_translation(raw, text, source)
    return _build_definition(raw, text, source)


def load_definition_file(path: str | Path) -> FormDefinition:
    loaded = load_file(path)
    if not isinstance(loaded, FormDefinition):
        raise DefinitionError(
            str(path), [DefinitionIssue("this is a translation, not a form definition")]
        )
    return loaded


def load_definition_text(text: str, source: str = "<text>") -> FormDefinition:
    loaded = load_text(text, source)
    if not isinstance(loaded, FormDefinition):
        raise DefinitionError(
            source, [DefinitionIssue("this is a translation, not a form definition")]
        )
    return loaded


def check_file(path: str | Path) -> list[DefinitionIssue]:
    """Every problem in a definition or translation file; an empty list means it is fine.

    (A translation is checked on its own here; whether it matches its form is checked
    when the library loads it next to that form.)
    """
    try:
        load_file(path)
    except DefinitionError as exc:
        return exc.issues
    return []


def from_raw(raw: Mapping[str, object], source: str = "<data>") -> FormDefinition:
    """Build a definition from already-parsed JSON data (positions are then unknown)."""
    depth = data_depth(raw)
    if depth > MAX_JSON_DEPTH:
        raise DefinitionError(source, [_depth_issue(depth)])
    return _build_definition(raw, None, source)


def translate(definition: FormDefinition, tr: Translation) -> FormDefinition:
    """``definition`` with the translation's language added; every text must be given."""
    issues: list[DefinitionIssue] = []
    if (tr.form_id, tr.version) != (definition.id, definition.version):
        issues.append(
            DefinitionIssue(
                f"translation is for {tr.form_id} v{tr.version}, "
                f"not {definition.id} v{definition.version}"
            )
        )
    expected = translation.template(definition.raw, definition.languages[0])
    for key in expected:
        if key not in tr.texts:
            issues.append(DefinitionIssue(f"missing translation for {key!r}", "$.texts"))
    for key in tr.texts:
        if key not in expected:
            issues.append(
                DefinitionIssue(f"no text called {key!r} in this form", f"$.texts[{key!r}]")
            )
    if issues:
        raise DefinitionError(tr.source, issues)
    raw = translation.apply(definition.raw, tr.language, tr.texts)
    return _build_definition(raw, None, f"{definition.source} + {tr.source}")


# --------------------------------------------------------------------------- parsing


class _DuplicateKeys(ValueError):
    pass


def _reject_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeys(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in a form definition")


_DEPTH_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def text_depth(text: str) -> tuple[int, int]:
    """How deeply ``text``'s JSON objects and lists nest (strings skipped), without parsing
    it, and the offset where that depth is first passed over MAX_JSON_DEPTH (or -1)."""
    depth = deepest = 0
    where = -1
    for match in _DEPTH_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth == MAX_JSON_DEPTH + 1:
                    where = match.start()
        elif token in "]}":
            depth -= 1
    return deepest, where


def data_depth(raw: object) -> int:
    """How deeply parsed JSON data nests (iteratively: any depth is measured safely)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(raw, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Mapping):
            children: Iterable[object] = node.values()
        elif isinstance(node, list | tuple):
            children = node
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def _depth_issue(depth: int, line: int | None = None, column: int | None = None) -> DefinitionIssue:
    shown = f"more than {MAX_JSON_DEPTH}" if depth > MAX_JSON_DEPTH else str(depth)
    return DefinitionIssue(
        f"objects and lists are nested {shown} deep; a form needs at most {MAX_JSON_DEPTH}",
        "$",
        line,
        column,
    )


def _parse_json(text: str, source: str) -> object:
    depth, where = text_depth(text)
    if depth > MAX_JSON_DEPTH:
        at_line, at_column = line_column(text, where)
        raise DefinitionError(source, [_depth_issue(depth, at_line, at_column)])
    try:
        return json.loads(
            text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        issue = DefinitionIssue(f"invalid JSON: {exc.msg}", "$", exc.lineno, exc.colno)
        raise DefinitionError(source, [issue]) from None
    except _DuplicateKeys as exc:
        positions = Positions(text)
        issues = []
        for path in positions.duplicates:
            line, column = positions.locate(path) or (None, None)
            issues.append(
                DefinitionIssue(f"key {path[-1]!r} appears twice", format_path(path), line, column)
            )
        if not issues:  # pragma: no cover - the scanner finds what json found
            issues.append(DefinitionIssue(f"key {exc.args[0]!r} appears twice"))
        raise DefinitionError(source, issues) from None
    except ValueError as exc:
        raise DefinitionError(source, [DefinitionIssue(str(exc))]) from None


class _Issues:
    """Collects issues and puts line numbers on them (only computed if there are any)."""

    def __init__(self, text: str | None, source: str) -> None:
        self._text = text
        self._source = source
        self._found: list[tuple[tuple[PathKey, ...], str]] = []

    def add(self, path: Sequence[PathKey], message: str) -> None:
        self._found.append((tuple(path), message))

    def __bool__(self) -> bool:
        return bool(self._found)

    def raise_if_any(self) -> None:
        if not self._found:
            return
        positions = Positions(self._text) if self._text is not None else None
        issues = []
        for path, message in self._found:
            where = positions.locate(path) if positions else None
            line, column = where if where else (None, None)
            issues.append(DefinitionIssue(message, format_path(path), line, column))
        raise DefinitionError(self._source, issues)


def _schema_issues(raw: object, validator: Draft202012Validator, issues: _Issues) -> None:
    errors = sorted(validator.iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        issues.add(list(error.absolute_path), _schema_message(error.message))


def _schema_message(message: str) -> str:
    # jsonschema quotes whole sub-documents in some messages; keep the first line short.
    first = message.splitlines()[0] if message else "invalid value"
    return first if len(first) <= 300 else first[:297] + "…"


# --------------------------------------------------------------------------- translation


def _build_translation(raw: dict[str, object], text: str, source: str) -> Translation:
    issues = _Issues(text, source)
    _schema_issues(raw, _validator("translation.schema.json"), issues)
    issues.raise_if_any()
    texts = cast(dict[str, str], raw["texts"])
    name = raw.get("language_name")
    return Translation(
        form_id=cast(str, raw["form"]),
        version=cast(int, raw["version"]),
        language=cast(str, raw["language"]),
        language_name=name if isinstance(name, str) else None,
        texts=dict(texts),
        source=source,
    )


# --------------------------------------------------------------------------- definitions


def _build_definition(raw: object, text: str | None, source: str) -> FormDefinition:
    issues = _Issues(text, source)
    if not isinstance(raw, dict):
        issues.add((), "a form definition must be a JSON object")
        issues.raise_if_any()
    assert isinstance(raw, dict)
    _schema_issues(raw, _validator("definition.schema.json"), issues)
    issues.raise_if_any()
    return _Builder(raw, issues, source).build()


class _Builder:
    def __init__(self, raw: dict[str, object], issues: _Issues, source: str) -> None:
        self.raw = raw
        self.issues = issues
        self.source = source
        self.languages = tuple(cast(list[str], raw["languages"]))
        self.field_raw: dict[str, tuple[dict[str, Any], tuple[PathKey, ...]]] = {}

    def build(self) -> FormDefinition:
        self._check_languages()
        self._index_fields()
        sections = tuple(
            self._section(s, i) for i, s in enumerate(cast(list[Any], self.raw["sections"]))
        )
        fields = {f.id: f for s in sections for f in s.fields}
        rules = tuple(
            self._rule(r, ("rules", i), fields)
            for i, r in enumerate(cast(list[Any], self.raw.get("rules", [])))
        )
        for section in sections:
            self._check_condition(
                section.visible_if, (*self._path(section.path), "visible_if"), fields
            )
            for field in section.fields:
                self._check_condition(
                    field.visible_if, (*self._path(field.path), "visible_if"), fields
                )
        order = self._dependency_order(sections)
        self.issues.raise_if_any()
        canonical = json.dumps(self.raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        description = self.raw.get("description")
        return build_definition(
            id=cast(str, self.raw["id"]),
            version=cast(int, self.raw["version"]),
            title=_text(self.raw["title"]),
            languages=self.languages,
            sections=sections,
            rules=rules,
            fingerprint=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
            source=self.source,
            raw=self.raw,
            description=_text(description) if description is not None else None,
            about_patient=bool(self.raw.get("about_patient", True)),
            order=order,
        )

    @staticmethod
    def _path(path: str) -> tuple[PathKey, ...]:
        # Paths are kept as strings on the model; parse "$.sections[0].fields[2]" back.
        out: list[PathKey] = []
        for chunk in path[2:].replace("[", ".[").split("."):
            if not chunk:
                continue
            out.append(int(chunk[1:-1]) if chunk.startswith("[") else chunk)
        return tuple(out)

    def _check_languages(self) -> None:
        wanted = set(self.languages)
        for slot in translation.text_slots(self.raw):
            have = set(slot.text)
            for lang in sorted(wanted - have):
                self.issues.add(
                    slot.path,
                    f"missing {lang!r} text (the form declares languages {list(self.languages)})",
                )
            for lang in sorted(have - wanted):
                self.issues.add(
                    (*slot.path, lang), f"text in {lang!r}, which is not in the form's languages"
                )
            limit = TEXT_LIMITS.get(_slot_kind(slot.key))
            for lang, value in slot.text.items():
                if limit is not None and isinstance(value, str) and len(value) > limit:
                    self.issues.add(
                        (*slot.path, lang),
                        f"text is {len(value):,} characters; a {_slot_kind(slot.key)} is printed "
                        f"in one block and may have at most {limit:,} (long text belongs in "
                        "a section's paragraphs)",
                    )

    def _index_fields(self) -> None:
        section_ids: set[str] = set()
        for s_index, section in enumerate(cast(list[dict[str, Any]], self.raw["sections"])):
            if section["id"] in section_ids:
                self.issues.add(
                    ("sections", s_index, "id"), f"section id {section['id']!r} is used twice"
                )
            section_ids.add(section["id"])
            for f_index, field in enumerate(section.get("fields", [])):
                path = ("sections", s_index, "fields", f_index)
                if field["id"] in self.field_raw:
                    self.issues.add((*path, "id"), f"field id {field['id']!r} is used twice")
                    continue
                self.field_raw[field["id"]] = (field, path)

    def _section(self, raw: dict[str, Any], index: int) -> Section:
        path = ("sections", index)
        fields = tuple(
            self._field(f, (*path, "fields", i)) for i, f in enumerate(raw.get("fields", []))
        )
        return Section(
            id=raw["id"],
            title=_text(raw["title"]),
            path=format_path(path),
            fields=fields,
            help=_opt_text(raw.get("help")),
            paragraphs=tuple(_text(p) for p in raw.get("paragraphs", [])),
            bullets=tuple(_text(b) for b in raw.get("bullets", [])),
            visible_if=self._parse_condition(raw.get("visible_if"), (*path, "visible_if")),
            when_text=_opt_text(raw.get("when_text")),
            on_paper=bool(raw.get("on_paper", False)),
        )

    def _field(self, raw: dict[str, Any], path: tuple[PathKey, ...]) -> Field:
        ftype = cast(FieldType, raw["type"])
        assert ftype in FIELD_TYPES
        # Checked here rather than in the JSON Schema: it says which option is wrong for
        # which type, and conditional schemas made loading ten times slower.
        allowed = _COMMON_OPTIONS | _TYPE_OPTIONS.get(ftype, frozenset())
        for key in raw:
            if key not in allowed:
                self.issues.add((*path, key), f"a {ftype} field has no option {key!r}")
        for key in _REQUIRED_OPTIONS.get(ftype, ()):
            if key not in raw:
                self.issues.add(path, f"a {ftype} field needs {key!r}")
        choices = tuple(Choice(c["value"], _text(c["label"])) for c in raw.get("choices", []))
        seen: set[str] = set()
        for i, choice in enumerate(choices):
            if choice.value in seen:
                self.issues.add(
                    (*path, "choices", i, "value"), f"choice {choice.value!r} is listed twice"
                )
            seen.add(choice.value)
        limits = [(key, raw.get(key)) for key in ("min", "plausible_min", "plausible_max", "max")]
        present = [(key, value) for key, value in limits if value is not None]
        for (key_a, a), (key_b, b) in itertools.pairwise(present):
            if a > b:
                self.issues.add((*path, key_b), f"{key_b} ({b}) is below {key_a} ({a})")
        return Field(
            id=raw["id"],
            type=ftype,
            label=_text(raw["label"]),
            path=format_path(path),
            help=_opt_text(raw.get("help")),
            required=bool(raw.get("required", False)),
            visible_if=self._parse_condition(raw.get("visible_if"), (*path, "visible_if")),
            when_text=_opt_text(raw.get("when_text")),
            max_length=raw.get("max_length"),
            lines=raw.get("lines"),
            unit=raw.get("unit"),
            integer=bool(raw.get("integer", False)),
            min=raw.get("min"),
            max=raw.get("max"),
            plausible_min=raw.get("plausible_min"),
            plausible_max=raw.get("plausible_max"),
            decimals=raw.get("decimals"),
            choices=choices,
            allow_unknown=bool(raw.get("allow_unknown", False)),
            measure=raw.get("measure"),
            not_future=bool(raw.get("not_future", False)),
            source=raw.get("source"),
            style=raw.get("style"),
        )

    def _rule(
        self, raw: dict[str, Any], path: tuple[PathKey, ...], fields: Mapping[str, Field]
    ) -> Rule:
        check = self._parse_condition(raw["check"], (*path, "check"))
        for i, field_id in enumerate(raw["fields"]):
            if field_id not in fields:
                self.issues.add((*path, "fields", i), f"rule refers to unknown field {field_id!r}")
        self._check_condition(check, (*path, "check"), fields)
        severity = cast(Severity, raw.get("severity", "error"))
        return Rule(
            id=raw["id"],
            check=check if check is not None else cond.AllOf(()),
            fields=tuple(raw["fields"]),
            message=_text(raw["message"]),
            severity=severity,
            path=format_path(path),
        )

    def _parse_condition(self, raw: object, path: tuple[PathKey, ...]) -> cond.Condition | None:
        if raw is None:
            return None
        try:
            return cond.parse(raw, format_path(path))
        except cond.ConditionSyntaxError as exc:
            self.issues.add(_unformat(exc.path), str(exc))
            return None

    # ------------------------------------------------------------ condition semantics

    def _check_condition(
        self,
        condition: cond.Condition | None,
        path: tuple[PathKey, ...],
        fields: Mapping[str, Field],
    ) -> None:
        if condition is None:
            return
        for problem in _condition_problems(condition, fields):
            self.issues.add(path, problem)

    def _dependency_order(self, sections: Iterable[Section]) -> tuple[str, ...]:
        depends: dict[str, set[str]] = {}
        for section in sections:
            section_refs = cond.field_ids(section.visible_if) if section.visible_if else set()
            for field in section.fields:
                refs = set(section_refs)
                if field.visible_if:
                    refs |= cond.field_ids(field.visible_if)
                depends[field.id] = {r for r in refs if r in self.field_raw}
        order: list[str] = []
        indegree = {f: len(deps) for f, deps in depends.items()}
        users: dict[str, list[str]] = {f: [] for f in depends}
        for f, deps in depends.items():
            for d in deps:
                users.setdefault(d, []).append(f)
        ready = deque(f for f, n in indegree.items() if n == 0)
        while ready:
            f = ready.popleft()
            order.append(f)
            for user in users.get(f, []):
                indegree[user] -= 1
                if indegree[user] == 0:
                    ready.append(user)
        for f in depends:
            if f not in order:
                _, fpath = self.field_raw[f]
                self.issues.add(
                    (*fpath, "visible_if"),
                    f"visibility of {f!r} depends on itself (through {sorted(depends[f])})",
                )
        return tuple(order)


def _slot_kind(key: str) -> str:
    """What kind of text a translation key names: "label", "choice", "paragraphs", …"""
    parts = key.split(".")
    if key.startswith("fields.") and ".choices." in key:
        return "choice"
    if len(parts) >= 2 and parts[-2] in ("paragraphs", "bullets"):
        return parts[-2]
    return parts[-1]


def _unformat(path: str) -> tuple[PathKey, ...]:
    return _Builder._path(path)


def _text(raw: object) -> Text:
    return dict(cast(Mapping[str, str], raw))


def _opt_text(raw: object) -> Text | None:
    return _text(raw) if raw is not None else None


_COMMON_OPTIONS = frozenset({"id", "type", "label", "help", "required", "visible_if", "when_text"})
_TYPE_OPTIONS: dict[str, frozenset[str]] = {
    "text": frozenset({"max_length", "lines"}),
    "long_text": frozenset({"max_length", "lines"}),
    "number": frozenset(
        {"unit", "integer", "min", "max", "plausible_min", "plausible_max", "decimals"}
    ),
    "date": frozenset({"not_future"}),
    "partial_date": frozenset({"not_future"}),
    "single_choice": frozenset({"choices"}),
    "multiple_choice": frozenset({"choices"}),
    "yes_no": frozenset({"allow_unknown"}),
    "vitals": frozenset({"measure"}),
    "line_items": frozenset({"decimals", "lines"}),
    "display": frozenset({"source", "style"}),
}
_REQUIRED_OPTIONS: dict[str, tuple[str, ...]] = {
    "single_choice": ("choices",),
    "multiple_choice": ("choices",),
    "vitals": ("measure",),
    "display": ("source",),
}

# Kinds decide which operators make sense on a field.
_KINDS: dict[str, str] = {
    "number": "number",
    "vitals": "number",
    "date": "date",
    "partial_date": "date",
    "single_choice": "choice",
    "multiple_choice": "multi",
    "yes_no": "bool",
    "text": "text",
    "long_text": "text",
}
_ORDERED = {"number", "date", "any"}


def _operand_kind(operand: cond.Operand, fields: Mapping[str, Field], problems: list[str]) -> str:
    if isinstance(operand, cond.ContextRef):
        return "any"
    if isinstance(operand, cond.Const):
        return "const"
    field = fields.get(operand.field_id)
    if field is None:
        problems.append(f"refers to unknown field {operand.field_id!r}")
        return "unknown"
    if isinstance(operand, cond.AgeRef):
        if field.type not in ("date", "partial_date"):
            problems.append(f"'age_of' needs a date field, and {field.id!r} is {field.type}")
        return "number"
    if field.type == "vitals" and field.measure == "blood_pressure":
        if operand.part is None:
            return "bp"
        if operand.part not in PARTS:
            problems.append(f"blood pressure has parts {sorted(PARTS)}, not {operand.part!r}")
        return "number"
    if operand.part is not None:
        problems.append(f"field {field.id!r} has no parts (only blood pressure does)")
    return _KINDS.get(field.type, "other")


def _condition_problems(condition: cond.Condition, fields: Mapping[str, Field]) -> list[str]:
    problems: list[str] = []
    _check(condition, fields, problems)
    return problems


def _check(condition: cond.Condition, fields: Mapping[str, Field], problems: list[str]) -> None:
    if isinstance(condition, cond.AllOf | cond.AnyOf):
        for item in condition.items:
            _check(item, fields, problems)
        return
    if isinstance(condition, cond.Not):
        _check(condition.item, fields, problems)
        return
    kind = _operand_kind(condition.subject, fields, problems)
    if kind == "unknown":
        return
    subject = condition.subject
    field = fields.get(subject.field_id) if isinstance(subject, cond.FieldRef) else None
    name = f"{field.id!r} ({field.type})" if field else "this value"
    if isinstance(condition, cond.Answered):
        if field is not None and field.type == "display":
            problems.append(f"{name} shows a value and is never answered")
        return
    if isinstance(condition, cond.Includes):
        if kind not in ("multi", "any"):
            problems.append(f"'includes' works on multiple choice fields, not {name}")
        elif field is not None and field.choice(cast(str, condition.value)) is None:
            problems.append(f"{condition.value!r} is not a choice of {field.id!r}")
        return
    if isinstance(condition, cond.InSet):
        for value in condition.values:
            _check_literal(kind, field, value, name, problems)
        return
    if isinstance(condition, cond.Between):
        targets = [condition.low, condition.high]
        op = "between"
    else:
        targets = [condition.target]
        op = condition.op
    if op not in ("eq", "ne") and kind not in _ORDERED:
        problems.append(f"'{op}' compares numbers or dates, and {name} is neither")
        return
    if kind in ("multi", "bp", "other"):
        problems.append(f"'{op}' cannot compare {name}; use 'includes' or 'answered'")
        return
    for target in targets:
        if isinstance(target, cond.Const):
            _check_literal(kind, field, target.value, name, problems)
            continue
        other = _operand_kind(target, fields, problems)
        if "any" not in (kind, other) and "unknown" not in (kind, other) and other != kind:
            problems.append(f"cannot compare {name} with a {other} value")


def _check_literal(
    kind: str, field: Field | None, value: object, name: str, problems: list[str]
) -> None:
    if kind == "any":
        return
    if kind == "number" and not (isinstance(value, int | float) and not isinstance(value, bool)):
        problems.append(f"{name} holds a number; {value!r} is not one")
    elif kind == "date":
        try:
            dt.date.fromisoformat(value if isinstance(value, str) else "")
        except ValueError:
            problems.append(f"{name} holds a date; write {value!r} as YYYY-MM-DD")
    elif (
        kind == "choice"
        and field is not None
        and (not isinstance(value, str) or field.choice(value) is None)
    ):
        problems.append(f"{value!r} is not a choice of {field.id!r}")
    elif kind == "bool" and field is not None:
        allowed: tuple[object, ...] = (
            (True, False, "unknown") if field.allow_unknown else (True, False)
        )
        if not any(value is a or (isinstance(a, str) and value == a) for a in allowed):
            answers = 'true, false or "unknown"' if field.allow_unknown else "true or false"
            problems.append(f"{name} is answered with {answers}, not {value!r}")
    elif kind == "text" and not isinstance(value, str):
        problems.append(f"{name} holds text; {value!r} is not text")
