"""Patient search and duplicate detection, against a real SQLCipher store.

Patients are added directly through the store's sessions (so the outbox, the audit trail and
the FTS triggers all run as in the application); the search then has to find them by name
(accents, scripts, typos, prefixes), phone, identifier and date of birth, never return a
tombstoned patient, and never raise on anything a person can type.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.names import query_tokens
from desktop.paths import DataPaths
from desktop.services.search import PatientSearch, SearchHit, likely_duplicates
from desktop.store import store as store_module
from desktop.store.models import Patient, Sex
from desktop.store.store import Store

REGION = "KE"
_counter = itertools.count(1)


def _add(store: Store, given: str, family: str, **fields: Any) -> uuid.UUID:
    phone = fields.get("phone")
    fields.setdefault("phone_reversed", phone[1:][::-1] if phone else None)
    fields.setdefault("clinic_number", f"T{next(_counter):06d}")
    with store.session() as session, session.begin():
        patient = Patient(clinic_id=store.clinic_id, given_name=given, family_name=family, **fields)
        session.add(patient)
        session.flush()
        return patient.id


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root: Path = tmp_path_factory.mktemp("search")
    store, _recovery = store_module.create(
        DataPaths(root / "d"),
        clinic_name="Search Test Clinic",
        admin_username="admin",
        admin_display_name="Admin",
        password="correct horse",
    )
    ids: dict[str, uuid.UUID] = {}
    ids["wanjiru"] = _add(
        store,
        "Wanjiru",
        "Kamau",
        other_names="Njeri",
        sex=Sex.FEMALE,
        birth_date=dt.date(1990, 3, 17),
        phone="+254712345678",
        national_id="23456789",
        clinic_number="OP000101",
        village="Kiambu",
    )
    ids["muhammad"] = _add(
        store,
        "Muhammad",
        "Hassan",
        sex=Sex.MALE,
        birth_date=dt.date(1985, 7, 1),
        birth_date_estimated=True,
        phone="+254722000111",
        village="Garissa",
    )
    ids["dorde"] = _add(store, "Đorđe", "Đorđević", sex=Sex.MALE, village="Eldoret")
    ids["ivan"] = _add(store, "Иван", "Петров", sex=Sex.MALE, village="Nakuru")
    ids["abebe"] = _add(store, "አበበ", "ከበደ", sex=Sex.MALE, village="Moyale")
    ids["wang"] = _add(store, "伟", "王", sex=Sex.MALE, village="Nairobi")
    ids["huong"] = _add(store, "Hương", "Nguyễn", other_names="Thị", sex=Sex.FEMALE)
    ids["aissatou"] = _add(store, "Aïssatou", "Keïta", sex=Sex.FEMALE, village="Kisumu")
    ids["achieng"] = _add(
        store,
        "Achieng",
        "Otieno",
        sex=Sex.FEMALE,
        birth_date=dt.date(2001, 1, 1),
        village="Bondo",
        phone="+254733111222",
    )
    ids["removed"] = _add(
        store,
        "Zawadi",
        "Mwakilema",
        sex=Sex.FEMALE,
        birth_date=dt.date(2001, 1, 1),
        phone="+254733999888",
        national_id="99999999",
        village="Bondo",
        deleted=True,
    )
    # Neighbours that share parts of the names above, so ranking has to choose.
    for first, family in [
        ("Wanjiru", "Mwangi"),
        ("John", "Kamau"),
        ("Grace", "Otieno"),
        ("Wambui", "Kamau"),
        ("Mohamed", "Abdi"),
        ("Hassan", "Omar"),
        ("Mary", "Wanjiku"),
        ("Peter", "Ochieng"),
        ("Ivana", "Petrović"),
        ("Aminata", "Diallo"),
        ("Mercy", "Akinyi"),
        ("James", "Kariuki"),
    ]:
        _add(store, first, family, village="Ruiru")
    yield {"store": store, "ids": ids}
    store.close()


@pytest.fixture(scope="module")
def search() -> PatientSearch:
    return PatientSearch(REGION)


def _find(clinic: dict[str, Any], search: PatientSearch, query: str, **kw: Any) -> list[SearchHit]:
    with clinic["store"].session() as session:
        return search.search(session, query, **kw)


def _ids(hits: list[SearchHit]) -> list[uuid.UUID]:
    return [h.patient_id for h in hits]


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("Wanjiru Kamau", "wanjiru"),
        ("kamau wanjiru", "wanjiru"),
        ("Wanjiru Njeri Kamau", "wanjiru"),
        ("WANJIRU KAMAU", "wanjiru"),
        ("nguyen", "huong"),
        ("Nguyễn Thị Hương", "huong"),
        ("huong nguyen", "huong"),
        ("Aissatou Keita", "aissatou"),
        ("AÏSSATOU", "aissatou"),
    ],
)
def test_names_are_found_regardless_of_case_accents_and_order(
    clinic: dict[str, Any], search: PatientSearch, query: str, who: str
) -> None:
    hits = _find(clinic, search, query)
    assert hits and hits[0].patient_id == clinic["ids"][who]
    assert hits[0].matched == "name"


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("ivan petrov", "ivan"),
        ("Иван Петров", "ivan"),
        ("петров", "ivan"),
        ("abebe kebede", "abebe"),
        ("አበበ", "abebe"),
        ("wang wei", "wang"),
        ("王", "wang"),
        ("Dorde Dordevic", "dorde"),
        ("Đorđe", "dorde"),
        ("dorde", "dorde"),
    ],
)
def test_names_in_other_scripts_are_found_as_written_and_transliterated(
    clinic: dict[str, Any], search: PatientSearch, query: str, who: str
) -> None:
    hits = _find(clinic, search, query)
    assert hits and hits[0].patient_id == clinic["ids"][who]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("wanjuru kamau", "wanjiru"),  # one letter wrong
        ("wnajiru kamau", "wanjiru"),  # two letters swapped
        ("wanjru kamua", "wanjiru"),  # a letter missing, a swap
        ("mohamed hassan", "muhammad"),  # another spelling of the same name
        ("muhamad hasan", "muhammad"),
        ("aisatou keyta", "aissatou"),
        ("Djordje", "dorde"),
        ("petrov ivann", "ivan"),
        ("otieno achiegn", "achieng"),
    ],
)
def test_typos_and_local_spellings_still_find_the_patient(
    clinic: dict[str, Any], search: PatientSearch, query: str, who: str
) -> None:
    hits = _find(clinic, search, query)
    assert clinic["ids"][who] in _ids(hits)[:3], [h.display_name for h in hits]


def test_a_typo_ranks_the_closest_name_first(clinic: dict[str, Any], search: PatientSearch) -> None:
    hits = _find(clinic, search, "wanjuru kamau")
    assert hits[0].patient_id == clinic["ids"]["wanjiru"]
    assert hits[0].score > hits[-1].score or len(hits) == 1


@pytest.mark.parametrize(
    "typed", ["w", "wa", "wan", "wanj", "wanjiru", "wanjiru k", "wanjiru kam", "wanjiru kamau"]
)
def test_prefix_as_you_type(clinic: dict[str, Any], search: PatientSearch, typed: str) -> None:
    hits = _find(clinic, search, typed)
    assert clinic["ids"]["wanjiru"] in _ids(hits)
    if len(typed) >= 9:  # "wanjiru k" and longer: the target leads
        assert hits[0].patient_id == clinic["ids"]["wanjiru"]


def test_a_misspelt_word_being_typed_is_completed(
    clinic: dict[str, Any], search: PatientSearch
) -> None:
    assert clinic["ids"]["wanjiru"] in _ids(_find(clinic, search, "kamau wanjur"))


def test_exact_name_outranks_a_longer_name_that_contains_it(
    clinic: dict[str, Any], search: PatientSearch
) -> None:
    hits = _find(clinic, search, "john kamau")
    assert hits[0].display_name == "John Kamau"


# --- phone, identifiers, date of birth ------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "+254712345678",
        "+254 712 345 678",
        "0712 345 678",
        "0712-345-678",
        "(0712) 345678",
        "712345678",
        "254712345678",
    ],
)
def test_a_full_phone_number_in_any_local_form(
    clinic: dict[str, Any], search: PatientSearch, query: str
) -> None:
    hits = _find(clinic, search, query)
    assert hits[0].patient_id == clinic["ids"]["wanjiru"]
    assert hits[0].matched == "phone" and hits[0].score == 100.0


@pytest.mark.parametrize("query", ["5678", "45678", "345678", "345 678"])
def test_the_last_digits_of_a_phone(
    clinic: dict[str, Any], search: PatientSearch, query: str
) -> None:
    hits = _find(clinic, search, query)
    assert clinic["ids"]["wanjiru"] in _ids(hits)
    assert all(h.phone and h.phone.endswith(query.replace(" ", "")) for h in hits)


def test_three_digits_are_not_a_phone_search(clinic: dict[str, Any], search: PatientSearch) -> None:
    assert _find(clinic, search, "678") == []


@pytest.mark.parametrize(
    ("query", "kind"), [("23456789", "id"), ("OP000101", "id"), ("op000101", "id")]
)
def test_identifiers_exactly_and_case_insensitively(
    clinic: dict[str, Any], search: PatientSearch, query: str, kind: str
) -> None:
    hits = _find(clinic, search, query)
    assert hits[0].patient_id == clinic["ids"]["wanjiru"]
    assert hits[0].matched == kind and hits[0].score == 100.0


def test_identifier_prefix(clinic: dict[str, Any], search: PatientSearch) -> None:
    hits = _find(clinic, search, "op0001")
    assert clinic["ids"]["wanjiru"] in _ids(hits)
    assert all(h.clinic_number and h.clinic_number.startswith("OP0001") for h in hits)


@pytest.mark.parametrize(
    "query", ["1990-03-17", "17/03/1990", "17.03.1990", "17-03-1990", "1990/3/17", "3/17/1990"]
)
def test_date_of_birth_in_common_formats(
    clinic: dict[str, Any], search: PatientSearch, query: str
) -> None:
    hits = _find(clinic, search, query)
    assert _ids(hits) == [clinic["ids"]["wanjiru"]]
    assert hits[0].matched == "dob"


def test_an_estimated_birth_date_matches_any_date_in_its_year(
    clinic: dict[str, Any], search: PatientSearch
) -> None:
    hits = _find(clinic, search, "02/02/1985")
    assert _ids(hits) == [clinic["ids"]["muhammad"]]
    assert hits[0].birth_date_estimated and hits[0].matched == "dob"
    assert _find(clinic, search, "02/02/1986") == []


def test_hits_carry_what_the_list_shows(clinic: dict[str, Any], search: PatientSearch) -> None:
    hit = _find(clinic, search, "wanjiru kamau")[0]
    assert hit.display_name == "Wanjiru Njeri Kamau"
    assert hit.birth_date == dt.date(1990, 3, 17) and not hit.birth_date_estimated
    assert (hit.sex, hit.phone, hit.village) == ("female", "+254712345678", "Kiambu")
    assert (hit.national_id, hit.clinic_number) == ("23456789", "OP000101")
    assert isinstance(hit.sex, str) and type(hit.sex) is str


# --- tombstones, new registrations --------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "zawadi",
        "Zawadi Mwakilema",
        "mwakilem",
        "zawdi mwakilema",
        "+254733999888",
        "9888",
        "99999999",
        "2001-01-01",
    ],
)
def test_tombstoned_patients_are_never_returned(
    clinic: dict[str, Any], search: PatientSearch, query: str
) -> None:
    assert clinic["ids"]["removed"] not in _ids(_find(clinic, search, query))


def test_a_patient_tombstoned_later_disappears(tmp_path: Path) -> None:
    store, _ = store_module.create(
        DataPaths(tmp_path / "d"),
        clinic_name="C",
        admin_username="admin",
        admin_display_name="Admin",
        password="correct horse",
    )
    try:
        search = PatientSearch(REGION)
        pid = _add(store, "Neema", "Mramba", phone="+254700000001", national_id="11112222")
        with store.session() as session:
            assert _ids(search.search(session, "neema mramba")) == [pid]
        with store.session() as session, session.begin():
            patient = session.query(Patient).filter_by(id=pid).one()
            patient.deleted = True
        with store.session() as session:
            for query in ("neema mramba", "neema", "0700000001", "11112222"):
                assert search.search(session, query) == []
    finally:
        store.close()


def test_new_names_are_typo_tolerant_at_once(tmp_path: Path) -> None:
    """The name-term index is kept by the database: a patient written by any writer is
    found with typos on the next search, without telling the search object anything."""
    store, _ = store_module.create(
        DataPaths(tmp_path / "d"),
        clinic_name="C",
        admin_username="admin",
        admin_display_name="Admin",
        password="correct horse",
    )
    try:
        search = PatientSearch(REGION)
        _add(store, "Grace", "Otieno")
        with store.session() as session:
            search.warm(session)
        pid = _add(store, "Sikudhani", "Mwadime")
        with store.session() as session:
            assert _ids(search.search(session, "sikudhani mwadime")) == [pid]
            assert _ids(search.search(session, "sikudani mwadme")) == [pid]
            search.invalidate()
            assert _ids(search.search(session, "sikudani mwadme")) == [pid]
    finally:
        store.close()


def test_the_remembered_answers_belong_to_the_search_object(tmp_path: Path) -> None:
    """No module-level cache: each PatientSearch remembers its own answers, and forgets
    them when told of new names."""
    import weakref

    import desktop.services.search as module

    caches = [n for n, v in vars(module).items() if isinstance(v, weakref.WeakKeyDictionary)]
    assert caches == []
    store, _ = store_module.create(
        DataPaths(tmp_path / "d"),
        clinic_name="C",
        admin_username="admin",
        admin_display_name="Admin",
        password="correct horse",
    )
    try:
        first, second = PatientSearch(REGION), PatientSearch(REGION)
        _add(store, "Grace", "Otieno")
        with store.session() as session:
            assert first.search(session, "sikudani") == []
            assert second.search(session, "sikudani") == []  # both remember: no spelling
        pid = _add(store, "Sikudhani", "Mwadime")
        first.note_new_names("Sikudhani", "", "Mwadime")
        with store.session() as session:
            assert _ids(first.search(session, "sikudani")) == [pid]
            assert second.search(session, "sikudani") == []  # its own, stale answer
            second.invalidate()
            assert _ids(second.search(session, "sikudani")) == [pid]
            assert first.vocabulary(session) is not second.vocabulary(session)
    finally:
        store.close()


def test_a_clinic_number_is_found_as_people_type_it(tmp_path: Path) -> None:
    store, _ = store_module.create(
        DataPaths(tmp_path / "d"),
        clinic_name="C",
        admin_username="admin",
        admin_display_name="Admin",
        password="correct horse",
    )
    try:
        search = PatientSearch(REGION)
        pid = _add(store, "Amani", "Otieno", clinic_number="KNC-QX0042")
        _add(store, "Bahati", "Odera", clinic_number="KNC-QX0043")
        with store.session() as session:
            for typed in ("KNC-QX0042", "knc-qx0042", "kncqx0042", "KNC QX0042", "knc qx0042"):
                hits = search.search(session, typed)
                assert _ids(hits)[:1] == [pid], typed
                assert hits[0].matched == "id" and hits[0].score == 100.0
            assert set(_ids(search.search(session, "knc-qx004"))) >= {pid}  # as it is typed
    finally:
        store.close()


# --- likely duplicates --------------------------------------------------------------------


def _dups(clinic: dict[str, Any], **fields: Any) -> list[tuple[SearchHit, list[str]]]:
    values: dict[str, Any] = {
        "given_name": "",
        "family_name": "",
        "other_names": "",
        "birth_date": None,
        "phone_e164": None,
        "village": "",
    }
    values.update(fields)
    with clinic["store"].session() as session:
        return likely_duplicates(session, **values)


def test_duplicate_the_same_person_spelled_differently(clinic: dict[str, Any]) -> None:
    found = _dups(
        clinic,
        given_name="Wanjuru",
        family_name="Kamau",
        birth_date=dt.date(1990, 3, 17),
        village="KIAMBU",
    )
    hit, reasons = found[0]
    assert hit.patient_id == clinic["ids"]["wanjiru"]
    assert reasons == ["similar name", "same date of birth and village"]


def test_duplicate_by_phone_alone(clinic: dict[str, Any]) -> None:
    found = _dups(clinic, given_name="Baraka", family_name="Omondi", phone_e164="+254712345678")
    assert [(h.patient_id, r) for h, r in found] == [(clinic["ids"]["wanjiru"], ["same phone"])]
    assert found[0][0].matched == "phone"


def test_duplicate_by_date_of_birth_and_village(clinic: dict[str, Any]) -> None:
    found = _dups(
        clinic,
        given_name="Baraka",
        family_name="Omondi",
        birth_date=dt.date(1990, 3, 17),
        village="Kiambu",
    )
    assert [(h.patient_id, r) for h, r in found] == [
        (clinic["ids"]["wanjiru"], ["same date of birth and village"])
    ]
    # The same date in another village, with another name, is just a coincidence.
    assert (
        _dups(
            clinic,
            given_name="Baraka",
            family_name="Omondi",
            birth_date=dt.date(1990, 3, 17),
            village="Kisumu",
        )
        == []
    )


def test_an_estimated_birth_year_is_no_duplicate_by_date_alone(clinic: dict[str, Any]) -> None:
    """Muhammad Hassan's birth date is estimated (stored as 1 July 1985): a stranger born on
    1 July 1985 in his village is not him, but a similar name born then still is."""
    stranger = _dups(
        clinic,
        given_name="Baraka",
        family_name="Omondi",
        birth_date=dt.date(1985, 7, 1),
        village="Garissa",
    )
    assert stranger == []
    found = _dups(
        clinic,
        given_name="Mohamed",
        family_name="Hasan",
        birth_date=dt.date(1985, 7, 1),
        village="Garissa",
    )
    assert [h.patient_id for h, _ in found] == [clinic["ids"]["muhammad"]]
    assert found[0][1][0] == "similar name"


def test_duplicate_other_spellings_and_estimated_ages(clinic: dict[str, Any]) -> None:
    found = _dups(
        clinic,
        given_name="Mohamed",
        family_name="Hasan",
        birth_date=dt.date(1986, 7, 1),
        phone_e164="+254722000111",
    )
    hit, reasons = found[0]
    assert hit.patient_id == clinic["ids"]["muhammad"]
    assert reasons == ["similar name", "same phone"]


def test_duplicate_with_only_an_estimated_age(clinic: dict[str, Any]) -> None:
    found = _dups(
        clinic,
        given_name="Mohamed",
        family_name="Hasan",
        birth_date=dt.date(1985, 7, 1),
        birth_date_estimated=True,
        village="garissa",
    )
    hit, reasons = found[0]
    assert hit.patient_id == clinic["ids"]["muhammad"]
    assert reasons == ["similar name", "same year of birth and village"]
    # The year and the village alone are shared by too many people to be a reason.
    found = _dups(
        clinic,
        given_name="Baraka",
        family_name="Omondi",
        birth_date=dt.date(1985, 7, 1),
        birth_date_estimated=True,
        village="Garissa",
    )
    assert found == []


def test_duplicate_strongest_first(clinic: dict[str, Any]) -> None:
    found = _dups(
        clinic,
        given_name="Wanjiru",
        family_name="Kamau",
        birth_date=dt.date(1990, 3, 17),
        phone_e164="+254712345678",
        village="Kiambu",
    )
    assert found[0][0].patient_id == clinic["ids"]["wanjiru"]
    assert found[0][1] == ["similar name", "same phone", "same date of birth and village"]
    scores = [h.score for h, _ in found]
    assert scores == sorted(scores, reverse=True)


def test_duplicate_exclusions(clinic: dict[str, Any]) -> None:
    wanjiru = clinic["ids"]["wanjiru"]
    found = _dups(clinic, given_name="Wanjiru", family_name="Kamau", exclude_id=wanjiru)
    assert wanjiru not in [h.patient_id for h, _ in found]
    # A similar name is no reason when the birth dates say these are two people.
    found = _dups(clinic, given_name="Wanjiru", family_name="Kamau", birth_date=dt.date(1950, 1, 1))
    assert wanjiru not in [h.patient_id for h, _ in found]
    # Nobody like this is registered.
    assert (
        _dups(
            clinic,
            given_name="Tumaini",
            family_name="Kazungu",
            birth_date=dt.date(1999, 9, 9),
            phone_e164="+254799000000",
        )
        == []
    )
    # A tombstoned patient is never a duplicate.
    found = _dups(
        clinic,
        given_name="Zawadi",
        family_name="Mwakilema",
        phone_e164="+254733999888",
        birth_date=dt.date(2001, 1, 1),
        village="Bondo",
    )
    assert clinic["ids"]["removed"] not in [h.patient_id for h, _ in found]


# --- hostile input ------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "\t\n",
    "a" * 5000,
    "wanjiru " * 700,
    "0" * 5000,
    "+" * 100,
    '"',
    "'",
    '""',
    '"wanjiru',
    "wanjiru*",
    "*",
    "**",
    "NEAR(wanjiru kamau)",
    "NEAR",
    "wanjiru AND kamau",
    "AND",
    "OR",
    "NOT",
    "wanjiru OR",
    "(",
    ")",
    "((wanjiru)",
    "-",
    "- kamau",
    "-kamau",
    "^",
    "^wanjiru",
    ":",
    "terms:wanjiru",
    "{terms}: kamau",
    "wanjiru\x00kamau",
    "\x00",
    "💉🩺",
    "1990-02-30",
    "31/31/2020",
    "00/00/0000",
    "9999-99-99",
    "+",
    "+-",
    "()",
    "0",
    "00000",
    "%",
    "_",
    "%wanjiru%",
    "'; DROP TABLE patients; --",
    "𞤀𞤁𞤂",
    "\u0301\u0301",
    "ǅ",
    "a" + "\u0301" * 200,
    "OP%",
    "op_",
    "\\",
    "\u202e",
    "1" * 30 + "a",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(
    clinic: dict[str, Any], search: PatientSearch, query: str
) -> None:
    hits = _find(clinic, search, query)
    assert isinstance(hits, list)
    assert clinic["ids"]["removed"] not in _ids(hits)


def test_fts_operators_are_words_not_syntax(clinic: dict[str, Any], search: PatientSearch) -> None:
    assert _find(clinic, search, '"wanjiru kamau"')[0].patient_id == clinic["ids"]["wanjiru"]
    assert _find(clinic, search, "wanjiru* kamau*")[0].patient_id == clinic["ids"]["wanjiru"]
    assert _find(clinic, search, "(kamau) -wanjiru")[0].patient_id == clinic["ids"]["wanjiru"]


def test_limit(clinic: dict[str, Any], search: PatientSearch) -> None:
    assert _find(clinic, search, "kamau", limit=0) == []
    assert len(_find(clinic, search, "kamau", limit=1)) == 1
    assert len(_find(clinic, search, "k", limit=2)) == 2
    assert len(_find(clinic, search, "kamau", limit=10**9)) >= 3


# --- properties ---------------------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY_SETTINGS
@given(st.text(max_size=300))
def test_search_never_raises(clinic: dict[str, Any], search: PatientSearch, query: str) -> None:
    assert isinstance(_find(clinic, search, query), list)


name_parts = st.text(st.characters(categories=("Lu", "Ll", "Lo")), min_size=1, max_size=12).filter(
    lambda s: bool(query_tokens(s))
)


@PROPERTY_SETTINGS
@given(given_name=name_parts, family_name=name_parts, data=st.data())
def test_a_registered_patient_is_found_by_full_name_and_every_token_prefix(
    clinic: dict[str, Any],
    search: PatientSearch,
    given_name: str,
    family_name: str,
    data: st.DataObject,
) -> None:
    pid = _add(clinic["store"], given_name, family_name)
    full = f"{given_name} {family_name}"
    assert pid in _ids(_find(clinic, search, full, limit=100)), full
    for token in query_tokens(full):
        length = data.draw(st.integers(1, len(token)), label=f"prefix of {token!r}")
        assert pid in _ids(_find(clinic, search, token[:length], limit=100)), token[:length]


def test_names_with_apostrophes_are_found_typed_with_or_without_them(tmp_path: Path) -> None:
    store, _ = store_module.create(
        DataPaths(tmp_path / "k"),
        clinic_name="K",
        admin_username="admin",
        admin_display_name="A",
        password="correct horse",
    )
    try:
        with store.session() as session, session.begin():
            session.add(
                Patient(clinic_id=store.clinic_id, given_name="Njeri", family_name="Ng'ang'a")
            )
        search = PatientSearch("KE")
        with store.session() as session:
            for typed in ("nganga", "Ng'ang'a", "ng’ang’a", "njeri ngang"):
                assert [h.display_name for h in search.search(session, typed)] == [
                    "Njeri Ng'ang'a"
                ], typed
    finally:
        store.close()
