"""After realistic use, no file Outpost wrote contains a patient's data in clear."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core import ClinicCore
from desktop.services import backup, clinic_setup, scheduling
from desktop.services.patients import PatientInput, open_chart, register_patient
from desktop.settings import Settings

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
    with core.store.session() as session, session.begin():
        patient = register_patient(
            session,
            core.actor,
            PatientInput(
                given_name=GIVEN,
                family_name=FAMILY,
                other_names="Ánhxyzé",
                phone=PHONE_LOCAL,
                national_id=NATIONAL_ID,
                village=VILLAGE,
                notes=f"{GIVEN} asked for a callback",
            ),
            region=core.region,
            search=core.search,
        )
        provider = clinic_setup.add_provider(session, core.actor, "Dr. Otieno")
        clinic_setup.set_working_hours(
            session, core.actor, provider.id, 0, [(dt.time(8), dt.time(17))]
        )
        kind = clinic_setup.add_appointment_type(session, core.actor, "Consultation", 20)
        scheduling.book(
            session,
            core.actor,
            patient_id=patient.id,
            provider_id=provider.id,
            type_id=kind.id,
            starts_at=dt.datetime(2026, 11, 23, 9, 0),
            reason=f"{FAMILY} fever",
        )
    with core.store.session() as session, session.begin():
        open_chart(session, core.actor, patient.id)
    with core.store.session() as session:
        assert core.search.search(session, GIVEN[:5])  # the search index is built
        assert core.search.search(session, PHONE_DIGITS[-6:])
    backup.make_backup(core.store, core.paths.backups / "manual.outpost-backup")
    backup.auto_backup(core.store, Settings(backup_dirs=[str(tmp_path / "usb")]), reason="close")


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
