"""Screenshots of the HQ console for docs/screenshots (run by hand, not a test):

    .venv/bin/python -m tests.console.make_screenshots [OUT_DIR]

A fresh HQ in a temporary folder gets three clinics whose laptops synced over the last
week (through HQ's own store functions, each push at its own day), then a real
`outpost-hq` and Debian's chromium take hq-console-clinics.png and hq-console-enrol.png.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

from sync.protocol import Change, DeviceSummary
from sync.server import db, store
from sync.server.config import now_ms, settings_for
from tests.console.browser import ARGS, CHROMIUM
from tests.hqserver import ADMIN, ADMIN_PASSWORD, HqServer

DAY = 24 * 3600 * 1000
OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# clinic -> its laptops: (name, changes per day for the last 7 days (oldest first) by kind,
# days since its last sync, items needing attention it reports, revoked)
CLINICS = {
    "Kisumu Health Post": [
        ("Front desk", [14, 22, 9, 0, 31, 18, 12], 0, 2, False),
        ("Nurse station", [3, 6, 2, 0, 8, 5, 4], 0, 0, False),
        ("Old laptop (stolen)", [5, 0, 0, 0, 0, 0, 0], 6, 0, True),
    ],
    "Lodwar Dispensary": [
        ("Reception", [11, 7, 4, 0, 0, 0, 0], 4, 1, False),
    ],
}
KINDS = ("patient", "appointment", "form_record")


def stamp(ms: int, counter: int) -> str:
    return f"{ms:015d}-{counter:06d}-shots"


def fill(hq: HqServer) -> None:
    engine = db.open_engine(settings_for(hq.data_dir).url)
    now = now_ms()
    try:
        for clinic, laptops in CLINICS.items():
            clinic_id = uuid.uuid4()
            for i, (name, per_day, quiet_days, attention, revoked) in enumerate(laptops):
                start = now - 8 * DAY
                with db.write_session(engine) as s:
                    code, _, _ = store.issue_code(s, clinic, start)
                    done = store.enrol(
                        s,
                        code=code,
                        device_name=name,
                        mode="join" if i == 0 else "new_laptop",
                        clinic_id=clinic_id if i == 0 else None,
                        now_ms=start,
                    )
                    device = store.authenticate(s, done.token)
                for day, n in enumerate(per_day):
                    at = now - (6 - day) * DAY - 3600 * 1000
                    if n == 0 or (quiet_days and at > now - quiet_days * DAY):
                        continue  # a quiet day, or the laptop had stopped syncing by then
                    changes = [
                        Change.model_validate(
                            {
                                "change_id": str(uuid.uuid4()),
                                "entity": KINDS[k % len(KINDS)],
                                "entity_id": str(uuid.uuid4()),
                                "clinic_id": str(done.clinic_id),
                                "op": "insert",
                                "patch": {"status": {"v": "booked"}},
                                "hlc": stamp(at, k),
                            }
                        )
                        for k in range(n)
                    ]
                    summary = DeviceSummary(
                        pending=0, needs_attention=attention, app_version="0.1.0"
                    )
                    with db.write_session(engine) as s:
                        store.push(s, device, changes, summary, at)
                        store.touch_device(s, device.id, at)
                if revoked:
                    with db.write_session(engine) as s:
                        store.revoke_device(s, device.id, now - 2 * DAY)
        with db.write_session(engine) as s:  # a clinic with a code issued, no laptop yet
            store.issue_code(s, "Marsabit Outreach", now - DAY)
    finally:
        engine.dispose()


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        hq = HqServer(Path(tmp) / "hq", env={"OUTPOST_HQ_PUBLIC_URL": "https://hq.example.org"})
        hq.init()
        fill(hq)
        hq.start()
        with hq, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            page.goto(hq.url + "/console/")
            page.get_by_label("Account name").fill(ADMIN)
            page.get_by_label("Password").fill(ADMIN_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.screenshot(path=str(out / "hq-console-clinics.png"), full_page=True)
            page.get_by_role("link", name="Enrol a laptop").click()
            page.get_by_label("Clinic").fill("Marsabit Outreach")
            page.get_by_role("button", name="Issue a code").click()
            page.screenshot(path=str(out / "hq-console-enrol.png"), full_page=True)
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
