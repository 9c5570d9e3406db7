"""forms/ is a pure library: no Qt, no database, no other layer of the app."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import forms
from forms.examples import answers_for, context_for
lib = forms.shipped_library()
d = lib.get("intake")
forms.validate(d, answers_for(d))
forms.render_pdf(d, answers_for(d), context=context_for("intake"))
banned = {"PySide6", "shiboken6", "desktop", "ui", "sync", "sqlalchemy", "sqlcipher3"}
bad = sorted(m for m in sys.modules if m.split(".")[0] in banned)
print(",".join(bad))
"""


def test_forms_loads_and_renders_without_gui_or_database_modules() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == ""
