"""After realistic use, no file Outpost wrote contains a patient's data in clear."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.app.patients import PatientInput
from desktop.core import ClinicCore

# Distinctive values that cannot occur by chance in encrypted bytes.
GIVEN, FAMILY = "Qwertyuiopa", "Zxcvbnmlkjh"
PHONE_LOCAL, PHONE_DIGITS = "0712 987 654", "712987654"
NATIONAL_ID = "QZ55443322"
VILLAGE = "Mkwajuniville"
NEEDLES = [GIVEN, FAMILY, PHONE_DIGITS, NATIONAL_ID, VILLAGE, "Ánhxyzé"]


def encodings(needle: str) -> list[bytes]:
    return [needle.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")] + [
        needle.lower().encode("utf-8"),
        needle.upper().encode("utf-8"),
    ]


def leaks_under(folder: Path) -> list[str]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        blob = path.read_bytes()
        found += [
            f"{path.relative_to(folder)}: {n!r}"
            for n in NEEDLES
            if any(e in blob for e in encodings(n))
        ]
    return found


def use_the_clinic(core: ClinicCore, tmp_path: Path) -> None:
    """A morning's work through the core's API, as the GUI and the command line do it."""
    patient_id = core.patients.register(
        PatientInput(
            given_name=GIVEN,
            family_name=FAMILY,
            other_names="Ánhxyzé",
            estimated_age_years="34",
            phone=PHONE_LOCAL,
            national_id=NATIONAL_ID,
            village=VILLAGE,
            notes=f"{GIVEN} asked for a callback",
        )
    ).value
    provider = core.admin.add_provider("Dr. Otieno").value
    core.admin.set_working_hours(provider.id, {0: [(dt.time(8), dt.time(17))]})
    kind = core.admin.add_appointment_type("Consultation", 20).value
    core.schedule.book(
        patient_id=patient_id,
        provider_id=provider.id,
        type_id=kind.id,
        starts_at=dt.datetime(2026, 11, 23, 9, 0),
        reason=f"{FAMILY} fever",
    )
    core.patients.open_chart(patient_id)
    assert core.patients.search(GIVEN[:5])  # the search index is built
    assert core.patients.search(PHONE_DIGITS[-6:])
    core.backups.make(core.paths.backups / "manual.outpost-backup")
    core.settings.backup_dirs = [str(tmp_path / "usb")]
    assert core.backups.run_automatic("close").written


def test_no_file_holds_patient_data_in_clear_while_open_or_after_closing(
    core: ClinicCore, tmp_path: Path
) -> None:
    use_the_clinic(core, tmp_path)
    # While open: the -wal and -shm files exist and hold the latest pages.
    assert list(core.paths.root.glob("*.db-wal"))
    assert leaks_under(core.paths.root) == []
    core.close()
    assert leaks_under(tmp_path) == [], "patient data reached a file in clear"


def test_the_scan_would_notice_a_leak(core: ClinicCore, tmp_path: Path) -> None:
    # Guard against a scan that cannot fail: a clear-text file is detected.
    (core.paths.root / "export.csv").write_text(f"{GIVEN},{PHONE_DIGITS}\n", encoding="utf-16")
    assert len(leaks_under(core.paths.root)) == 2
