"""Filling, signing and correcting forms, and the form view's data."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import forms
from desktop.store.models import FormStatus

if TYPE_CHECKING:
    from desktop.core import ClinicCore

__all__ = ["FormStatus", "FormsApi", "form_title"]


def form_title(
    definition_id: str,
    version: int | None,
    language: str,
    library: forms.FormLibrary | None = None,
) -> str:
    """A form's title in `language` ("Consent to examination and treatment"), for lists that
    name a patient's forms. The clinic's own library when given (`core.forms.library()`),
    else the shipped forms; an unknown form keeps its id rather than failing the list."""
    found = library if library is not None else forms.shipped_library()
    try:
        definition = found.get(definition_id, version)
    except forms.UnknownFormError:
        try:
            definition = found.get(definition_id)
        except forms.UnknownFormError:
            return definition_id
    return definition.title_in(language)


class FormsApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx
        self._library: forms.FormLibrary | None = None
        self._library_lock = threading.Lock()

    def library(self) -> forms.FormLibrary:
        """The clinic's forms (shipped, then the clinic's own folder), loaded once."""
        with self._library_lock:
            if self._library is None:
                from desktop.forms_library import clinic_library

                self._library = clinic_library(self._core.paths)
            return self._library

    def title(self, definition_id: str, version: int | None, language: str) -> str:
        """`form_title` with the clinic's own library."""
        return form_title(definition_id, version, language, self.library())
