"""The forms a clinic has: shipped definitions plus the ones the clinic installed.

Every version of every form is kept, so a record filled with intake v1 reprints with
v1 after v2 arrives. The desktop gives the clinic's installed forms (and translations) as
:class:`InstalledFile` texts from its encrypted store; plain folders (``extra_dirs``) are
for scripts and tests. A broken file never takes the others down: it is reported in
:attr:`FormLibrary.problems` and the rest load.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from forms.errors import DefinitionError, DefinitionIssue, FormsError, UnknownFormError
from forms.loader import Translation, load_file, load_text, translate
from forms.model import FormDefinition

SHIPPED_DIR = Path(__file__).resolve().parent / "definitions"


@dataclass(frozen=True)
class InstalledFile:
    """A form or translation file the clinic installed, as its text.

    ``source`` is how problems name it ("installed form clinic.wound_care v1");
    ``clinic_own`` marks a version of a shipped form's id that an administrator installed
    on purpose (``--replace-shipped``): it prints as the clinic's own wording.
    """

    source: str
    text: str
    clinic_own: bool = False


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
    def load(
        cls,
        extra_dirs: Sequence[str | Path] = (),
        *,
        shipped: bool = True,
        installed: Iterable[InstalledFile] = (),
    ) -> FormLibrary:
        """Shipped definitions first, then each extra folder in order (``*.json`` files,
        not recursive), then the installed files. A file that repeats an existing id and
        version with different content is refused: published versions never change. An
        installed form that takes a shipped form's id must be marked ``clinic_own``."""
        folders = ([SHIPPED_DIR] if shipped else []) + [Path(d) for d in extra_dirs]
        found: dict[tuple[str, int], FormDefinition] = {}
        translations: list[Translation] = []
        problems: list[DefinitionError] = []
        shipped_ids: set[str] = set()

        def add(loaded: FormDefinition | Translation, source: str) -> None:
            if isinstance(loaded, Translation):
                translations.append(loaded)
                return
            key = (loaded.id, loaded.version)
            existing = found.get(key)
            if existing is not None and existing.fingerprint != loaded.fingerprint:
                problems.append(_conflict(source, loaded, existing))
                return
            found.setdefault(key, loaded)

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
                add(loaded, str(path))
                if shipped and folder == SHIPPED_DIR and isinstance(loaded, FormDefinition):
                    shipped_ids.add(loaded.id)
        for item in installed:
            try:
                loaded = load_text(item.text, item.source)
            except FormsError as exc:
                problems.append(_as_definition_error(item.source, exc))
                continue
            except RecursionError:  # pragma: no cover - nesting is bounded before parsing
                problems.append(
                    DefinitionError(item.source, [DefinitionIssue("nested too deeply to read")])
                )
                continue
            if isinstance(loaded, FormDefinition):
                if loaded.id in shipped_ids and not item.clinic_own:
                    message = (
                        f"{loaded.id!r} is the id of a form shipped with Outpost; a clinic's "
                        "version of it is installed with --replace-shipped"
                    )
                    problems.append(
                        DefinitionError(item.source, [DefinitionIssue(message, "$.id")])
                    )
                    continue
                loaded = dataclasses.replace(loaded, clinic_own=item.clinic_own)
            add(loaded, item.source)
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
                translated = translate(target, tr)
            except DefinitionError as exc:
                problems.append(exc)
                continue
            found[(tr.form_id, tr.version)] = dataclasses.replace(
                translated, clinic_own=target.clinic_own
            )
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


def _as_definition_error(source: str, exc: FormsError) -> DefinitionError:
    if isinstance(exc, DefinitionError):
        return exc
    return DefinitionError(source, [DefinitionIssue(str(exc))])


def _conflict(path: str, loaded: FormDefinition, existing: FormDefinition) -> DefinitionError:
    message = (
        f"form {loaded.id!r} version {loaded.version} is already defined by {existing.source} "
        "with different content; give this file a new version number "
        "(or, for a clinic's own form, a different id)"
    )
    return DefinitionError(path, [DefinitionIssue(message, "$.version")])


@functools.cache
def shipped_library() -> FormLibrary:
    """The shipped forms only, loaded once per process (scripts, tests, benchmarks)."""
    return FormLibrary.load()
