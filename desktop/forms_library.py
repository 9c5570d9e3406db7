"""The clinic's form library: the forms shipped with Outpost plus the ones an administrator
installed into the encrypted store (`outpost forms install`, Settings → Forms).

Files left in <data folder>/forms are no longer read: each is named in a warning (in
`outpost forms list` and the log) saying how to install it. Only the folder's names are
looked at, never the files, so a FIFO, a link to /dev/zero or a huge file there cannot
stop or slow anything.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import forms
from desktop.messages import Message, msg
from desktop.paths import DataPaths
from forms.library import InstalledFile
from forms.loader import shown_path

log = logging.getLogger(__name__)


def loose_files(paths: DataPaths) -> list[str]:
    """Names of the form files left in <data folder>/forms (not installed, not read)."""
    try:
        with os.scandir(paths.forms) as entries:
            return sorted(e.name for e in entries if e.name.lower().endswith(".json"))
    except OSError:
        return []


def loose_warnings(paths: DataPaths, *, to_log: bool = True) -> list[Message]:
    """One warning per loose file, also written to the log (unless `to_log` is False)."""
    warnings = [
        msg(
            "{file} is not installed: run `outpost forms install FILE` (an administrator) to "
            "use it.",
            file=shown_path(paths.forms / name),
        )
        for name in loose_files(paths)
    ]
    for warning in warnings if to_log else ():
        log.warning("%s", warning)
    return warnings


def clinic_library(
    paths: DataPaths, installed: Iterable[InstalledFile] = (), *, warn: bool = True
) -> forms.FormLibrary:
    """Shipped forms, then the ones installed in the store (`installed`, read by the
    caller: `desktop.services.form_install.installed_files`). A bad installed form is
    reported in `problems` (and the log); the others load."""
    if warn:
        loose_warnings(paths)
    library = forms.FormLibrary.load(installed=installed)
    for problem in library.problems:
        log.warning("installed form not loaded: %s", str(problem).splitlines()[0])
    return library
