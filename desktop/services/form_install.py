"""Installing a clinic's own forms and translations into the encrypted store.

A clinic form is no longer a loose file in the data folder (anyone who can write there could
change what the clinic prints, and one bad file could stop every print): an administrator
installs it. The file is read safely (a regular file only, its size checked before reading,
nesting bounded), checked as `outpost forms validate` checks it, printed once blank in each
of its languages on A4 and Letter, and stored with its SHA-256, who installed it and when, in
one transaction with its audit event; it syncs to the clinic's other laptops like any record.

Published versions never change:
- a file with the id and version of an installed or shipped form and different content is
  refused (the same content again is "already installed", nothing changes);
- a form shipped with Outpost keeps Outpost's wording: a clinic's own form takes its own id
  (`clinic.…`). To print the clinic's wording under a shipped id (a ministry's newer consent
  text, say), the administrator installs a higher version than Outpost's with
  `replace_shipped=True` (`--replace-shipped`): that is audited as such, and every printout
  of it says "version N, the clinic's own". Records filled with Outpost's versions keep them;
- a translation adds one language to one version of a shipped or installed form (it never
  replaces a language the form has), and is installed the same way, with no flag: it changes
  no wording a patient has already been read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

import forms
from desktop.errors import Conflict, InvalidInput
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.services import audit
from desktop.store.models import ClinicForm, User
from forms.library import InstalledFile
from forms.loader import Translation, load_bytes, read_form_file, shown_path, translate

FORM = "form"
TRANSLATION = "translation"


class FormRefused(InvalidInput):
    """A form or translation file that cannot be installed; `problems` lists why, each in
    plain words (the message is one line naming the first ones)."""

    def __init__(
        self, name: str, problems: Sequence[str], *, needs_replace_shipped: bool = False
    ) -> None:
        self.problems = tuple(problems)
        # The file is a higher version of a shipped form: it installs once the administrator
        # confirms the clinic's wording replaces Outpost's (`replace_shipped=True`).
        self.needs_replace_shipped = needs_replace_shipped
        shown = "; ".join(self.problems[:3])
        more = len(self.problems) - 3
        if more > 0:
            shown = msg("{shown} (and {more} more)", shown=shown, more=more)
        super().__init__(
            msg(
                "{name} was not installed: {problems}. Nothing was changed; correct the file "
                "(`outpost forms validate FILE` lists every problem) and install it again.",
                name=name,
                problems=shown,
            )
        )


@dataclass(frozen=True)
class InstalledForm:
    """One installed form or translation, as the Forms tab and `forms list` show it."""

    id: uuid.UUID
    kind: str  # "form" | "translation"
    form_id: str
    version: int
    language: str  # the language a translation adds; "" for a form
    languages: tuple[str, ...]  # a form's own languages (a translation: its one language)
    title: str  # in English, or the form's first language
    sha256: str
    replaces_shipped: bool
    installed_by: str  # a display name
    installed_at: dt.datetime  # UTC
    already: bool = False  # install found this exact file installed: nothing changed


def read_file(path: Path) -> bytes:
    """The bytes of a file to install, read as `forms.loader.read_form_file` reads (never a
    FIFO, device, folder or link; size checked first); InvalidInput in one line otherwise."""
    try:
        return read_form_file(path)
    except forms.DefinitionError as exc:
        raise FormRefused(shown_path(path), [i.message for i in exc.issues]) from None


def installed_files(session: Session) -> list[InstalledFile]:
    """Every live installed file, oldest first, as forms/ reads them (`FormLibrary.load`)."""
    rows = session.scalars(
        select(ClinicForm)
        .where(ClinicForm.deleted.is_(False))
        .order_by(ClinicForm.installed_at, ClinicForm.pk)
    )
    return [
        InstalledFile(_source(row), row.definition, clinic_own=row.replaces_shipped) for row in rows
    ]


def _source(row: ClinicForm) -> str:
    if row.kind == TRANSLATION:
        return f"installed translation {row.form_id} v{row.version} ({row.language})"
    return f"installed form {row.form_id} v{row.version}"


def list_installed(session: Session) -> list[InstalledForm]:
    """The installed forms and translations, by form id then version."""
    rows = list(session.scalars(select(ClinicForm).where(ClinicForm.deleted.is_(False))))
    names = _names(session, {r.installed_by for r in rows if r.installed_by is not None})
    out = []
    for row in rows:
        title, languages = _describe(row)
        out.append(
            InstalledForm(
                id=row.id,
                kind=row.kind,
                form_id=row.form_id,
                version=row.version,
                language=row.language,
                languages=languages,
                title=title,
                sha256=row.sha256,
                replaces_shipped=row.replaces_shipped,
                installed_by=names.get(row.installed_by, "") if row.installed_by else "",
                installed_at=row.installed_at,
            )
        )
    return sorted(out, key=lambda f: (f.form_id, f.version, f.kind, f.language))


def _describe(row: ClinicForm) -> tuple[str, tuple[str, ...]]:
    try:
        loaded = forms.loader.load_text(row.definition, _source(row))
    except forms.FormsError:
        return "", ()
    if isinstance(loaded, Translation):
        return loaded.language_name or loaded.language, (loaded.language,)
    return loaded.title_in("en"), loaded.languages


def _names(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return {u.id: u.display_name for u in session.scalars(select(User).where(User.id.in_(ids)))}


def install(
    session: Session,
    actor: Actor,
    data: bytes,
    name: str,
    *,
    replace_shipped: bool = False,
    now: dt.datetime | None = None,
) -> InstalledForm:
    """Check `data` (the bytes of the file called `name`) and store it as an installed form
    or translation, audited. FormRefused (every reason) when it cannot be installed;
    an identical file already installed changes nothing (`already=True`)."""
    actor.require(Permission.MANAGE_CLINIC)
    name = shown_path(name)
    try:
        loaded = load_bytes(data, name)
    except forms.DefinitionError as exc:
        raise FormRefused(name, [str(i) for i in exc.issues]) from None
    digest = hashlib.sha256(data).hexdigest()
    shipped = forms.shipped_library()
    library = forms.FormLibrary.load(installed=installed_files(session))
    existing = _existing(session, loaded)
    if existing is not None:
        if existing.sha256 == digest:
            found = next(f for f in list_installed(session) if f.id == existing.id)
            return dataclasses.replace(found, already=True)
        raise Conflict(
            msg(
                "{name} was not installed: {what} is already installed with different "
                "content, and a published version never changes. Give the file the next "
                "version number.",
                name=name,
                what=_what(loaded),
            )
        )
    if isinstance(loaded, Translation):
        definition = _check_translation(loaded, library, name)
        kind, language, flag = TRANSLATION, loaded.language, False
        form_id, version = loaded.form_id, loaded.version
    else:
        _check_definition(loaded, shipped, library, name, replace_shipped)
        definition = dataclasses.replace(loaded, clinic_own=replace_shipped)
        kind, language, flag = FORM, "", replace_shipped
        form_id, version = loaded.id, loaded.version
    from forms.render.check import print_problems

    problems = print_problems(definition)
    if problems:
        raise FormRefused(name, [p.message for p in problems])
    row = ClinicForm(
        clinic_id=actor.clinic_id,
        form_id=form_id,
        version=version,
        kind=kind,
        language=language,
        definition=data.decode("utf-8-sig"),
        sha256=digest,
        replaces_shipped=flag,
        installed_by=actor.user_id,
        installed_at=now or dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    detail = {"form": form_id, "version": str(version), "kind": kind, "sha256": digest}
    if language:
        detail["language"] = language
    if flag:
        # Outpost's wording of a shipped form is set aside by the clinic's: said in the trail.
        detail["replaces_shipped"] = "yes"
    audit.record(session, actor, "install", "clinic_forms", row.id, **detail)
    title, languages = _describe(row)
    return InstalledForm(
        id=row.id,
        kind=kind,
        form_id=form_id,
        version=version,
        language=language,
        languages=languages,
        title=title,
        sha256=digest,
        replaces_shipped=flag,
        installed_by=actor.display_name,
        installed_at=row.installed_at,
    )


def _what(loaded: forms.FormDefinition | Translation) -> str:
    if isinstance(loaded, Translation):
        return msg(
            "the {language} translation of {form} version {version}",
            language=loaded.language,
            form=loaded.form_id,
            version=loaded.version,
        )
    return msg("{form} version {version}", form=loaded.id, version=loaded.version)


def _existing(session: Session, loaded: forms.FormDefinition | Translation) -> ClinicForm | None:
    where: tuple[ColumnElement[bool], ...]
    if isinstance(loaded, Translation):
        where = (
            ClinicForm.form_id == loaded.form_id,
            ClinicForm.version == loaded.version,
            ClinicForm.kind == TRANSLATION,
            ClinicForm.language == loaded.language,
        )
    else:
        where = (
            ClinicForm.form_id == loaded.id,
            ClinicForm.version == loaded.version,
            ClinicForm.kind == FORM,
        )
    return session.scalars(
        select(ClinicForm).where(ClinicForm.deleted.is_(False), *where).limit(1)
    ).first()


def _check_definition(
    loaded: forms.FormDefinition,
    shipped: forms.FormLibrary,
    library: forms.FormLibrary,
    name: str,
    replace_shipped: bool,
) -> None:
    form_id, version = loaded.id, loaded.version
    if form_id in shipped:
        if version in shipped.versions(form_id):
            if shipped.get(form_id, version).fingerprint == loaded.fingerprint:
                raise Conflict(
                    msg(
                        "{name} is {form} version {version} as shipped with Outpost: it is "
                        "already there, nothing to install.",
                        name=name,
                        form=form_id,
                        version=version,
                    )
                )
            raise FormRefused(
                name,
                [
                    msg(
                        "{form} version {version} is shipped with Outpost with other wording, "
                        "and a published version never changes",
                        form=form_id,
                        version=version,
                    )
                ],
            )
        if not replace_shipped:
            raise FormRefused(
                name,
                [
                    msg(
                        "{form} is a form shipped with Outpost. Give the clinic's own form its "
                        "own id (such as clinic.{form}); or, to print the clinic's wording "
                        "instead of Outpost's, install a higher version with --replace-shipped",
                        form=form_id,
                    )
                ],
                needs_replace_shipped=version > max(library.versions(form_id)),
            )
        newest = max(library.versions(form_id))
        if version <= newest:
            raise FormRefused(
                name,
                [
                    msg(
                        "a clinic's version of {form} must have a higher version than "
                        "{newest}, the newest there is",
                        form=form_id,
                        newest=newest,
                    )
                ],
            )
        return
    if replace_shipped:
        raise FormRefused(
            name,
            [
                msg(
                    "{form} is not a form shipped with Outpost: install it without "
                    "--replace-shipped",
                    form=form_id,
                )
            ],
        )


def _check_translation(
    tr: Translation, library: forms.FormLibrary, name: str
) -> forms.FormDefinition:
    try:
        target = library.get(tr.form_id, tr.version)
    except forms.UnknownFormError:
        raise FormRefused(
            name,
            [
                msg(
                    "there is no form {form} version {version} to translate (install the form "
                    "first)",
                    form=tr.form_id,
                    version=tr.version,
                )
            ],
        ) from None
    if tr.language in target.languages:
        raise FormRefused(
            name,
            [
                msg(
                    "{form} version {version} already has {language} text, and the wording of "
                    "a published version never changes",
                    form=tr.form_id,
                    version=tr.version,
                    language=tr.language,
                )
            ],
        )
    try:
        return translate(target, tr)
    except forms.DefinitionError as exc:
        raise FormRefused(name, [str(i) for i in exc.issues]) from None
