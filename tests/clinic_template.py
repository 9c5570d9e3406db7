"""One clinic's store made once, copied for each laptop a test needs.

Making a store is slow (the key derivation, the migrations, founding the clinic's signing
authority in desktop/store/account_grants.py), so a test module makes one template and each
test copies its folder. Every copy is a laptop of the same clinic: the same clinic id, the
same accounts and the same signing authority, which is what a clinic's laptops share. A copy
made with `own_device=True` loses the template's device file, so it gets a device identity of
its own when it is first opened (the template's first laptop may keep the template's).

    template = make_template(tmp_path_factory.mktemp("clinic") / "template")
    a = copy_laptop(template, tmp_path / "a")
    b = copy_laptop(template, tmp_path / "b", own_device=True)

The session fixture `clinic_template` (tests/conftest.py) is one template for the whole run,
checked at the end to be untouched; a module that needs more in its template (providers...)
copies it once into a module fixture of its own and adds them there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.paths import DataPaths
from desktop.store import store as store_module
from tests.conftest import CLINIC, PASSWORD

ADMIN = "admin"
ADMIN_NAME = "Amina Odhiambo"
DEVICE_FILE = "device.json"


def make_template(root: Path) -> Path:
    """A new clinic's store in `root` (made here), closed; returns `root`."""
    paths = DataPaths(root)
    store, _recovery = store_module.create(
        paths,
        clinic_name=CLINIC,
        admin_username=ADMIN,
        admin_display_name=ADMIN_NAME,
        password=PASSWORD,
    )
    store.close()
    return paths.root


def copy_laptop(template: Path, root: Path, *, own_device: bool = False) -> Path:
    """A laptop of the template's clinic in `root` (which must not exist yet); returns `root`.
    `own_device`: without the template's device file, so this laptop has its own identity."""
    shutil.copytree(template, root)
    if own_device:
        (root / DEVICE_FILE).unlink(missing_ok=True)
    return root


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Each file's (size, mtime in ns) under `root`: to tell that nobody wrote to a template."""
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
