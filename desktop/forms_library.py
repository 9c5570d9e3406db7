"""The clinic's form library: shipped definitions plus the clinic's own folder."""

from __future__ import annotations

import forms
from desktop.paths import DataPaths


def clinic_library(paths: DataPaths) -> forms.FormLibrary:
    """Shipped forms, then any the clinic added or translated in <data folder>/forms."""
    extra = [paths.forms] if paths.forms.is_dir() else []
    return forms.FormLibrary.load(extra_dirs=extra)
