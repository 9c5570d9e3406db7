"""The dependency rules of ../shared/DESIGN.md ("The house"), enforced on the source tree.

- desktop/, forms/ and sync/ never import PySide6 or ui (the core runs headless);
- ui/ never imports sqlalchemy or desktop.store, and never opens a session: it calls the
  core's application API, which owns every transaction;
- forms/ never touches the database;
- sync/server never imports desktop/ or ui/ (HQ is a program of its own), and sync/protocol
  and sync/client import neither desktop/ nor sync/server: what both sides share lives in
  sync/protocol.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


# `python -m desktop` starts the GUI (DESIGN.md, "The house"): the one door from the core's
# package into the face, and nothing imports it.
_GUI_ENTRY = {Path("desktop/__main__.py")}


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if path.relative_to(ROOT) in _GUI_ENTRY:
            continue
        for line, name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return bad


@pytest.mark.parametrize("package", ["desktop", "forms", "sync"])
def test_the_core_never_imports_qt_or_the_gui(package: str) -> None:
    assert _violations(package, ("PySide6", "ui")) == []


def test_forms_never_touch_the_database() -> None:
    assert _violations("forms", ("sqlalchemy", "sqlcipher3", "desktop")) == []


def test_hq_never_imports_the_laptop_s_code() -> None:
    assert _violations("sync/server", ("desktop", "ui", "PySide6")) == []


@pytest.mark.parametrize("package", ["sync/protocol", "sync/client"])
def test_what_both_sides_share_depends_on_neither(package: str) -> None:
    assert _violations(package, ("desktop", "ui", "sync.server")) == []


def test_importing_hq_loads_none_of_the_laptop_s_code() -> None:
    code = (
        "import sys, sync.server.app, sync.server.cli;"
        "sys.exit(1 if any(m.split('.')[0] in ('desktop', 'ui', 'PySide6') for m in sys.modules)"
        " else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_the_gui_never_imports_sqlalchemy_or_the_store() -> None:
    assert _violations("ui", ("sqlalchemy", "sqlcipher3", "desktop.store")) == []


_SESSION_USE = re.compile(r"\.(read_)?session\(|\bcore\.store\b|\bctx\.db\(|\bctx\.query\(")


def test_the_gui_never_opens_a_session() -> None:
    bad = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if _SESSION_USE.search(line):
                bad.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert bad == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    code = (
        "import sys, desktop.core, desktop.cli.main, forms, forms.render;"
        "sys.exit(1 if any(m.split('.')[0] in ('PySide6', 'ui') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
