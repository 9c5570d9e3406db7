"""The forms a clinic has: shipped definitions plus any dropped into extra folders.

Every version of every form is kept, so a record filled with intake v1 reprints with
v1 after v2 arrives. A clinic adds a form by dropping its JSON file into an extra
folder, and a language by dropping a translation file (see FORMAT.md). A broken file
never takes the others down: it is reported in :attr:`FormLibrary.problems`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

from forms.errors import DefinitionError, DefinitionIssue, UnknownFormError
from forms.loader import Translation, load_file, translate
from forms.model import FormDefinition

SHIPPED_DIR = Path(__file__).resolve().parent / "definitions"


class FormLibrary:
    """An immutable index of form definitions by id and version."""

    def __init__(
        self, definitions: Iterable[FormDefinition] = (), problems: Iterable[DefinitionError] = ()
    ) -> None:
        self._forms: dict[str, dict[int, FormDefinition]] = {}
        for definition in definitions:
            self._forms.setdefault(definition.id, {})[definition.version] = definition
        self.problems: tuple[DefinitionError, ...] = tuple(problems)

    @classmethod
    def load(cls, extra_dirs: Sequence[str | Path] = (), *, shipped: bool = True) -> FormLibrary:
        """Shipped definitions first, then each extra folder in order (``*.json`` files,
        not recursive). A file that repeats an existing id and version with different
        content is refused: published versions never change."""
        folders = ([SHIPPED_DIR] if shipped else []) + [Path(d) for d in extra_dirs]
        found: dict[tuple[str, int], FormDefinition] = {}
        translations: list[Translation] = []
        problems: list[DefinitionError] = []
        for folder in folders:
            if not folder.is_dir():
                problems.append(
                    DefinitionError(str(folder), [DefinitionIssue("folder does not exist")])
                )
                continue
            for path in sorted(folder.glob("*.json")):
                try:
                    loaded = load_file(path)
                except DefinitionError as exc:
                    problems.append(exc)
                    continue
                if isinstance(loaded, Translation):
                    translations.append(loaded)
                    continue
                key = (loaded.id, loaded.version)
                existing = found.get(key)
                if existing is not None and existing.fingerprint != loaded.fingerprint:
                    problems.append(_conflict(path, loaded, existing))
                    continue
                found.setdefault(key, loaded)
        for tr in translations:
            target = found.get((tr.form_id, tr.version))
            if target is None:
                problems.append(
                    DefinitionError(
                        tr.source,
                        [
                            DefinitionIssue(
                                f"no form {tr.form_id!r} version {tr.version} to translate",
                                "$.form",
                            )
                        ],
                    )
                )
                continue
            if tr.language in target.languages:
                problems.append(
                    DefinitionError(
                        tr.source,
                        [
                            DefinitionIssue(
                                f"{tr.form_id} v{tr.version} already has {tr.language!r} text; "
                                "wording of a published version cannot change",
                                "$.language",
                            )
                        ],
                    )
                )
                continue
            try:
                found[(tr.form_id, tr.version)] = translate(target, tr)
            except DefinitionError as exc:
                problems.append(exc)
        return cls(found.values(), problems)

    def get(self, form_id: str, version: int | None = None) -> FormDefinition:
        """The exact ``version`` of a form, or its latest version when None."""
        versions = self._forms.get(form_id)
        if not versions:
            raise UnknownFormError(form_id, version, [])
        if version is None:
            return versions[max(versions)]
        try:
            return versions[version]
        except KeyError:
            raise UnknownFormError(form_id, version, sorted(versions)) from None

    def versions(self, form_id: str) -> tuple[int, ...]:
        return tuple(sorted(self._forms.get(form_id, {})))

    def latest(self) -> list[FormDefinition]:
        """The newest version of every form, ordered by id."""
        return [self.get(form_id) for form_id in sorted(self._forms)]

    def all(self) -> list[FormDefinition]:
        """Every version of every form, ordered by id then version."""
        return [self._forms[f][v] for f in sorted(self._forms) for v in sorted(self._forms[f])]

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms

    def __len__(self) -> int:
        return len(self._forms)


def _conflict(path: Path, loaded: FormDefinition, existing: FormDefinition) -> DefinitionError:
    message = (
        f"form {loaded.id!r} version {loaded.version} is already defined by {existing.source} "
        "with different content; give this file a new version number "
        "(or, for a clinic's own form, a different id)"
    )
    return DefinitionError(str(path), [DefinitionIssue(message, "$.version")])


@functools.cache
def shipped_library() -> FormLibrary:
    """The shipped forms only, loaded once per process (scripts, tests, benchmarks)."""
    return FormLibrary.load()
