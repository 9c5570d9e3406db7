"""A large, realistic clinic for the benchmarks: seeded, built in a few minutes, cached.

    python -m benchmarks.generate [--patients N] [--seed S] [--force]

The default clinic has 200,000 patients (names from Kenyan, Somali, Ethiopian, West African,
Vietnamese and Slavic traditions, in Latin, Ge'ez and Cyrillic script, from the lists under
benchmarks/names/), 1,000,000 form records from their visits, 500,000 appointments with 14
providers over eight years, appointment types, working hours, and one audit event per
registration. Everything scales with --patients (5 form records and 2.5 appointments per
patient).

Two copies of the same data are built side by side, one per core:

- data/<key>/store/: a real Outpost store (SQLCipher, key file, admin user) made by
  `desktop.store.store.create`, password `PASSWORD`;
- data/<key>/plain/outpost.db: the same schema, from the same Alembic migration, in a plain
  (unencrypted) SQLite file, to measure what encryption costs. It is opened with the same
  SQLite library (sqlcipher3 without a key): the standard `sqlite3` module here is SQLite
  3.40, which cannot create the contentless-delete FTS5 table the migration makes.

<key> is a hash of the parameters and the generator version; a finished build (its
manifest.json written last) is reused by later runs. benchmarks/data/ is git-ignored.

Speed comes from bypassing the ORM: rows are written with SQLAlchemy Core executemany, in
transactions of `CHUNK` rows, with synchronous=OFF and a large page cache on the loading
connection only. The FTS triggers still index every name (through the same
outpost_search_terms function the application registers). Seeded rows are not written to
the outbox: they stand for data that was synced long ago, and the outbox holds only pending
changes. Appointment status events are not generated.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import multiprocessing
import random
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, Table, create_engine, event, insert, select
from sqlalchemy.pool import QueuePool

from desktop.names import search_terms
from desktop.paths import DataPaths
from desktop.services import icd10
from desktop.store import name_index, schema
from desktop.store import store as store_mod
from desktop.store.engine import PRAGMAS
from desktop.store.models import (
    AppointmentStatus,
    Base,
    CareItemKind,
    CareItemStatus,
    CarePlanStatus,
    ClaimStatus,
    FacilityKind,
    FormStatus,
    InvoiceStatus,
    PaymentMethod,
    ReferralStatus,
    ReferralUrgency,
    RelayMethod,
    RelayOutcome,
    ResultCategory,
    ResultStatus,
    SchemeKind,
    Sex,
    VerificationMethod,
    VerificationResult,
)

GENERATOR_VERSION = 5  # 3: rows stamped (hlc) so the clinic can sync; 4: spellings; 5: follow-up
HERE = Path(__file__).resolve().parent
NAMES = HERE / "names"
DATA = HERE / "data"

PASSWORD = "benchmark clinic 2026"
ADMIN = "admin"
REGION = "KE"
TODAY = dt.date(2026, 11, 2)  # fixed, so a build is the same whatever day it runs
FIRST_DAY = dt.date(2018, 11, 5)
NAIROBI = dt.timezone(dt.timedelta(hours=3))  # Africa/Nairobi has no daylight saving
CHUNK = 20_000

# (name list, share of patients, preferred language)
GROUPS: tuple[tuple[str, float, str], ...] = (
    ("kikuyu", 0.26, "ki"),
    ("luo", 0.16, "luo"),
    ("luhya_kalenjin_kamba", 0.16, "sw"),
    ("swahili_coastal", 0.12, "sw"),
    ("somali_arabic", 0.12, "so"),
    ("amharic", 0.06, "am"),
    ("west_african_french", 0.05, "fr"),
    ("vietnamese", 0.03, "vi"),
    ("cyrillic", 0.025, "ru"),
    ("serbian_latin", 0.005, "sr"),
)
COPIED_TABLES = ("store_meta", "clinics", "users")  # made by store.create, copied to plain
KENYAN = frozenset({"kikuyu", "luo", "luhya_kalenjin_kamba", "swahili_coastal"})

PROVIDERS = (
    ("Dr. Grace Wambui Njoroge", "Medical Officer"),
    ("Dr. Abdirahman Hassan", "Medical Officer"),
    ("Peter Otieno Ouma", "Clinical Officer"),
    ("Mercy Chebet Korir", "Clinical Officer"),
    ("Samuel Kiprono Rotich", "Clinical Officer"),
    ("Faith Akinyi Odhiambo", "Nurse"),
    ("Esther Nafula Wekesa", "Nurse"),
    ("Halima Fatuma Bakari", "Nurse"),
    ("Joseph Mutua Kioko", "Nurse"),
    ("Ruth Wanjiku Kamau", "Midwife"),
    ("Tigist Alemu", "Midwife"),
    ("Daniel Kariuki Mwangi", "Laboratory Technologist"),
    ("Aminata Diallo", "Nutritionist"),
    ("Omar Salim Kombo", "Dental Officer"),
)
SATURDAY_PROVIDERS = 4  # the first four also work Saturday mornings
APPOINTMENT_TYPES = (  # (name, minutes, share)
    ("General consultation", 15, 0.40),
    ("Follow-up", 15, 0.15),
    ("Antenatal care", 30, 0.10),
    ("Immunisation", 10, 0.10),
    ("Laboratory test", 10, 0.08),
    ("HIV care and treatment", 20, 0.07),
    ("Family planning", 20, 0.06),
    ("Dental", 30, 0.04),
)
FORMS = (  # (definition id, version, share)
    ("vitals", 1, 0.33),
    ("visit-note", 2, 0.33),
    ("lab-result", 1, 0.12),
    ("intake", 3, 0.10),
    ("consent-general", 1, 0.08),
    ("referral", 1, 0.04),
)
COMPLAINTS = (
    "Cough for three days",
    "Fever and headache",
    "Diarrhoea",
    "Abdominal pain",
    "Antenatal visit",
    "Child immunisation",
    "Skin rash",
    "Joint pain",
    "Follow-up of hypertension",
    "Diabetes review",
    "Eye discharge",
    "Refill of ART",
    "Painful urination",
    "Back pain",
    "Toothache",
)
DIAGNOSES = (
    "J06.9",
    "B54",
    "A09",
    "I10",
    "E11.9",
    "N39.0",
    "L30.9",
    "M54.5",
    "Z34.9",
    "Z23",
    "K02.9",
    "H10.9",
    "B20",
    "J18.9",
    "R51",
)
LAB_TESTS = (
    ("Malaria RDT", ("negative", "positive")),
    ("HIV rapid test", ("non-reactive", "reactive")),
    ("Haemoglobin", ("9.8 g/dL", "11.2 g/dL", "12.6 g/dL", "13.9 g/dL")),
    ("Random blood sugar", ("5.4 mmol/L", "7.9 mmol/L", "11.3 mmol/L")),
    ("Urinalysis", ("normal", "protein +", "leucocytes ++")),
)
REFERRAL_TO = (
    "Kenyatta National Hospital",
    "County Referral Hospital",
    "Rehabilitation centre",
    "Eye unit",
    "Dental unit",
    "Regional laboratory",
)
ALLERGIES = ("none known", "none known", "none known", "penicillin", "sulfa drugs", "peanuts")
RELATIONS = ("mother", "father", "spouse", "sibling", "child", "aunt", "uncle")


# --- parameters and the cached result ------------------------------------------------------


@dataclass(frozen=True)
class Params:
    patients: int = 200_000
    seed: int = 20261122
    visits: float = 1.0
    """Scale of the visit history (form records, appointments): 1.0 is the DESIGN.md clinic,
    5 form records and 2.5 appointments per patient. A smaller scale builds a large register
    sooner when only search is measured."""

    @property
    def forms(self) -> int:
        return round(self.patients * 5 * self.visits)

    @property
    def appointments(self) -> int:
        return round(self.patients * 5 * self.visits) // 2

    def key(self) -> str:
        """Names the cached build: the parameters, this generator, the schema revision and the
        migrations' text (a new or changed migration means a new build)."""
        versions = sorted((schema.MIGRATIONS / "versions").glob("*.py"))
        migrations = hashlib.sha256(b"".join(p.read_bytes() for p in versions)).hexdigest()
        params = dataclasses.asdict(self)
        if self.visits == 1.0:
            del params["visits"]  # the builds made before the scale existed keep their key
        identity = {
            **params,
            "version": GENERATOR_VERSION,
            "schema": schema.head_revision(),
            # A migration edited before its release (same revision) is a new build too.
            "migrations": migrations[:16],
        }
        raw = json.dumps(identity, sort_keys=True).encode()
        return f"p{self.patients}-{hashlib.sha256(raw).hexdigest()[:10]}"


@dataclass(frozen=True)
class BenchData:
    root: Path
    params: Params
    manifest: dict[str, Any]

    @property
    def store_paths(self) -> DataPaths:
        return DataPaths(self.root / "store")

    @property
    def plain_paths(self) -> DataPaths:
        return DataPaths(self.root / "plain")


# --- a plain SQLite engine configured like the real one ------------------------------------


def _plain_connect(path: Path) -> sqlcipher3.dbapi2.Connection:
    # No PRAGMA key: SQLCipher then reads and writes ordinary, unencrypted SQLite files.
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    conn.create_function("outpost_search_terms", 3, search_terms, deterministic=True)
    name_index.register(conn)
    return conn


def make_plain_engine(path: Path, *, pool_size: int = 4) -> Engine:
    """Like `desktop.store.engine.make_engine`, same pragmas and functions, no encryption."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: _plain_connect(path),
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


# --- name lists ---------------------------------------------------------------------------


@dataclass
class NameGroup:
    sections: dict[str, list[str]] = field(default_factory=dict)
    latin: dict[str, str] = field(default_factory=dict)  # Ge'ez spelling -> Latin

    def get(self, section: str) -> list[str]:
        return self.sections.get(section, [])


def load_names(stem: str) -> NameGroup:
    group = NameGroup()
    section = None
    for line in (NAMES / f"{stem}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            group.sections.setdefault(section, [])
            continue
        if section is None:
            raise ValueError(f"{stem}.txt: a name before the first [section]")
        native, _, latin = line.partition("|")
        if latin:
            group.latin[native] = latin
        if native not in group.sections[section]:
            group.sections[section].append(native)
    return group


def load_villages() -> list[str]:
    lines = (NAMES / "villages.txt").read_text(encoding="utf-8").splitlines()
    return [v.strip() for v in lines if v.strip() and not v.startswith("#")]


# --- deterministic values -----------------------------------------------------------------


def seeded_uuid7(rng: random.Random, when: dt.datetime) -> uuid.UUID:
    """A UUIDv7 for `when` whose random bits come from `rng` (so both copies agree)."""
    ms = int(when.timestamp() * 1000)
    value = (
        (ms & ((1 << 48) - 1)) << 80
        | 0x7 << 76
        | rng.getrandbits(12) << 64
        | 0b10 << 62
        | rng.getrandbits(62)
    )
    return uuid.UUID(int=value)


def stamp_at(when: dt.datetime) -> str:
    """The HLC stamp of a row created at `when` (desktop.hlc's encoding), so that the
    clinic's records are synced records: a sync (a snapshot at its first join to HQ) sends
    them."""
    return f"{int(when.timestamp() * 1000):015d}-000000-benchmark"


def _weighted(rng: random.Random, items: list[Any], cum: list[float]) -> Any:
    return items[bisect.bisect(cum, rng.random() * cum[-1])]


def _cumulative(weights: Iterable[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _feminine(family: str) -> str:
    """Russian family names agree with the bearer: Иванов, Иванова."""
    if family.endswith(("ов", "ев", "ин")):
        return family + "а"
    return family


# --- the register's vocabulary: how names vary as clerks write them down -------------------

# Per name written (given, other and family name each), in this order of precedence:
RARE_NAME = 0.17
"""A rarer name of the same community, not in our lists: drawn from a character model of the
community's list (so it reads like one of its names: "Wanjugo", "Odhiamba", "Abdiqani")."""
JOINED_FAMILY = 0.015
"""A double family name written as one word ("Kamaunjoroge", "Abdinasir")."""
HYPHENATED_FAMILY = 0.02
"""A double family name with a hyphen ("Wanjiru-Kamau"): two known terms, no new one."""
ESTABLISHED_SPELLING = 0.20
"""A recognised other spelling of the name (transliteration, doubled or dropped letter, vowel
change): "Mohamed" / "Muhammad", "Ochieng" / "Ochieng'" / "Otieno", "Hassan" / "Hasan"."""
CLERK_TYPO = 0.05
"""A slip when the name was first typed (a wrong, missing, extra or swapped letter), applied
after the rest: the register keeps it."""
SPELLINGS_PER_NAME = 6
_ZIPF = [_cumulative(1 / (i + 1) for i in range(n)) for n in range(SPELLINGS_PER_NAME + 1)]

# Transliteration and local spelling alternations, tried in both directions.
_ALTERNATIONS = (
    ("ou", "u"),
    ("ph", "f"),
    ("kh", "k"),
    ("kh", "h"),
    ("q", "k"),
    ("c", "k"),
    ("ch", "sh"),
    ("dh", "d"),
    ("th", "t"),
    ("y", "i"),
    ("ee", "i"),
    ("oo", "u"),
    ("r", "l"),
    ("mb", "b"),
    ("nd", "d"),
    ("aa", "a"),
    ("ie", "e"),
    ("j", "dj"),
    ("w", "v"),
    ("ts", "s"),
    ("gh", "g"),
    ("ei", "ay"),
)
_VOWEL_SWAPS = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
_KEYBOARD = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "q": "w",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_CLUSTER = re.compile(r"[^aeiou][kpgd]h|h[kpgd]h")


def _restyle(word: str, like: str) -> str:
    """`word` (lower case) written with the capitalisation of `like`."""
    if like.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _spelling_variants(name: str) -> list[str]:
    """The other spellings of `name` a register plausibly holds, most usual first."""
    word = name.lower()
    if not word or not set(word) <= _LATIN:
        return []  # Ge'ez, Cyrillic, accented names: transliteration already varies them
    out: list[str] = []

    def add(candidate: str) -> None:
        tripled = any(
            a == b == c for a, b, c in zip(candidate, candidate[1:], candidate[2:], strict=False)
        )
        if tripled or _CLUSTER.search(candidate):
            return  # no register writes "ooo" or "tkh"
        if len(candidate) >= 3 and candidate != word and candidate not in out:
            out.append(candidate)

    for a, b in _ALTERNATIONS:
        for src, dst in ((a, b), (b, a)):
            if src in word[1:]:
                i = word.index(src, 1)
                add(word[:i] + dst + word[i + len(src) :])
    for i in range(1, len(word)):
        ch = word[i]
        if ch in _VOWEL_SWAPS:
            add(word[:i] + _VOWEL_SWAPS[ch] + word[i + 1 :])
        elif ch == word[i - 1]:
            add(word[:i] + word[i + 1 :])  # doubled letter dropped
        elif word[i - 1] in _VOWEL_SWAPS and ch not in _VOWEL_SWAPS:
            add(word[:i] + ch + word[i:])  # consonant doubled
    rng = random.Random(f"spellings-{word}")  # the same variants whatever the seed
    common, rest = out[:3], out[3:]
    rng.shuffle(rest)
    return [_restyle(v, name) for v in (common + rest)[:SPELLINGS_PER_NAME]]


class _CharacterModel:
    """An order-2 character model of a community's names: new names that read like theirs
    (order 3 on lists this short mostly gives the listed names back)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.known = {n.lower() for n in names}
        self.next: dict[str, list[str]] = {}
        for name in sorted(self.known):  # sorted: set order changes between processes
            padded = "^^" + name + "$"
            for i in range(2, len(padded)):
                self.next.setdefault(padded[i - 2 : i], []).append(padded[i])
        self.distinct = {state: sorted(set(follow)) for state, follow in self.next.items()}

    def draw(self, rng: random.Random) -> str | None:
        for _ in range(8):
            state, out = "^^", ""
            while len(out) <= 12:
                # A third of the letters by their frequency after the last two, the rest among the
                # letters seen there at all: a long tail, as in a real register.
                follow = self.next[state]
                ch = rng.choice(follow if rng.random() < 0.3 else self.distinct[state])
                if ch == "$":
                    break
                out += ch
                state = state[1:] + ch
            if 5 <= len(out) <= 12 and out not in self.known:
                return out[:1].upper() + out[1:]
        return None


def _clerk_typo(rng: random.Random, name: str) -> str:
    word = name.lower()
    if len(word) < 4 or not set(word) <= _LATIN:
        return name
    i = rng.randrange(1, len(word))  # the first letter is rarely wrong
    roll = rng.random()
    if roll < 0.35:  # a neighbouring key
        out = word[:i] + rng.choice(_KEYBOARD[word[i]]) + word[i + 1 :]
    elif roll < 0.6:
        out = word[:i] + word[i + 1 :]
    elif roll < 0.8:
        out = word[:i] + word[i] + word[i:]  # a letter typed twice
    elif i + 1 < len(word):
        out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    else:
        out = word + word[-1]
    return _restyle(out, name)


class Spellings:
    """How one community's names vary in a register (see the rates above), seeded."""

    def __init__(self, group: NameGroup) -> None:
        every = [n for names in group.sections.values() for n in names]
        self.model = _CharacterModel(every)
        self.families = group.get("family")
        self._variants: dict[str, list[str]] = {}

    def vary(self, rng: random.Random, name: str, *, family: bool = False) -> str:
        if not name:
            return name
        roll = rng.random()
        if roll < RARE_NAME:
            name = self.model.draw(rng) or name
        elif family and roll < RARE_NAME + JOINED_FAMILY:
            name = name + rng.choice(self.families).lower()
        elif family and roll < RARE_NAME + JOINED_FAMILY + HYPHENATED_FAMILY:
            name = f"{name}-{rng.choice(self.families)}"
        elif roll < RARE_NAME + JOINED_FAMILY + HYPHENATED_FAMILY + ESTABLISHED_SPELLING:
            variants = self._variants.get(name)
            if variants is None:
                variants = self._variants[name] = _spelling_variants(name)
            if variants:
                # The usual variants are the common ones: weights 1, 1/2, 1/3...
                name = _weighted(rng, variants, _ZIPF[len(variants)])
        if rng.random() < CLERK_TYPO:
            name = _clerk_typo(rng, name)
        return name


# --- the coordinator's follow-through (generator version 5; rates in README.md) -----------

NOW = dt.datetime.combine(TODAY, dt.time(12), NAIROBI)
"""The moment the generated clinic stands at: nothing after it has happened (a result due
tomorrow is not here). bench_core's worklist reads with the clinic's clock set to it."""
CURRENCY = "KES"

FACILITIES = (  # (name, kind, address)
    ("Regional laboratory", FacilityKind.LAB, "County Hospital grounds, Nakuru"),
    ("Lancet Laboratories", FacilityKind.LAB, "Kenyatta Avenue, Nakuru"),
    ("County Referral Hospital", FacilityKind.HOSPITAL, "Hospital Road, Nakuru"),
    ("Kenyatta National Hospital", FacilityKind.HOSPITAL, "Hospital Road, Nairobi"),
    ("Eye unit", FacilityKind.SPECIALIST, "County Referral Hospital, block C"),
    ("Dental unit", FacilityKind.SPECIALIST, "County Referral Hospital, block A"),
    ("Comprehensive care centre", FacilityKind.SPECIALIST, "County Referral Hospital"),
    ("Rehabilitation centre", FacilityKind.REHABILITATION, "Bahati Road, Nakuru"),
)


@dataclass(frozen=True)
class LabTest:
    category: ResultCategory
    name: str
    where: str | None  # the facility it is sent to; None: done at the clinic
    turnaround: tuple[int, int]  # days from sending to the report, usual range
    share: float  # of the results
    values: tuple[tuple[str, str, float, float, int], ...] = ()  # name, unit, low, high, digits
    text: tuple[str, ...] = ()  # qualitative: the normal answer first, then the others
    abnormal: float = 0.15  # share of reports out of range
    urgent: float = 0.0  # share of abnormal reports flagged urgent


LAB, IMAGING, OTHER = ResultCategory.LAB, ResultCategory.IMAGING, ResultCategory.OTHER
LAB_PANEL = (
    LabTest(LAB, "Malaria RDT", None, (0, 0), 0.18, text=("negative", "positive"), abnormal=0.2),
    LabTest(
        LAB,
        "Random blood sugar",
        None,
        (0, 0),
        0.08,
        (("Glucose", "mmol/L", 3.9, 7.8, 1),),
        abnormal=0.2,
        urgent=0.1,
    ),
    LabTest(LAB, "Urinalysis", None, (0, 0), 0.08, text=("normal", "protein +", "leucocytes ++")),
    LabTest(
        LAB,
        "Full blood count",
        "Regional laboratory",
        (1, 3),
        0.16,
        (
            ("Haemoglobin", "g/dL", 12.0, 16.0, 1),
            ("White cells", "10^9/L", 4.0, 11.0, 1),
            ("Platelets", "10^9/L", 150.0, 400.0, 0),
        ),
        abnormal=0.25,
        urgent=0.08,
    ),
    LabTest(
        LAB,
        "HIV viral load",
        "Regional laboratory",
        (7, 21),
        0.09,
        (("HIV-1 RNA", "copies/mL", 0.0, 1000.0, 0),),
        abnormal=0.1,
        urgent=0.5,
    ),
    LabTest(
        LAB,
        "CD4 count",
        "Regional laboratory",
        (2, 7),
        0.03,
        (("CD4", "cells/uL", 500.0, 1500.0, 0),),
    ),
    LabTest(
        LAB,
        "HbA1c",
        "Lancet Laboratories",
        (2, 5),
        0.06,
        (("HbA1c", "%", 4.0, 6.5, 1),),
        abnormal=0.4,
    ),
    LabTest(
        LAB,
        "Creatinine and electrolytes",
        "Lancet Laboratories",
        (1, 4),
        0.05,
        (
            ("Creatinine", "umol/L", 60.0, 110.0, 0),
            ("Sodium", "mmol/L", 135.0, 145.0, 0),
            ("Potassium", "mmol/L", 3.5, 5.0, 1),
        ),
        abnormal=0.2,
        urgent=0.15,
    ),
    LabTest(
        LAB,
        "GeneXpert MTB/RIF",
        "Regional laboratory",
        (2, 7),
        0.04,
        text=("MTB not detected", "MTB detected, rifampicin resistance not detected"),
        abnormal=0.1,
        urgent=1.0,
    ),
    LabTest(
        LAB,
        "Cervical cytology",
        "Lancet Laboratories",
        (14, 30),
        0.03,
        text=("negative for intraepithelial lesion", "low-grade lesion", "high-grade lesion"),
        abnormal=0.08,
        urgent=0.3,
    ),
    LabTest(
        IMAGING,
        "Chest X-ray",
        "County Referral Hospital",
        (1, 3),
        0.07,
        text=("No active lung disease", "Right lower lobe consolidation", "Cardiomegaly"),
        abnormal=0.3,
        urgent=0.1,
    ),
    LabTest(
        IMAGING,
        "Obstetric ultrasound",
        "County Referral Hospital",
        (0, 5),
        0.08,
        text=("Single live intrauterine pregnancy", "Breech presentation", "Low-lying placenta"),
        abnormal=0.1,
        urgent=0.3,
    ),
    LabTest(
        OTHER,
        "ECG",
        "County Referral Hospital",
        (0, 2),
        0.05,
        text=("Sinus rhythm", "Atrial fibrillation"),
        abnormal=0.1,
        urgent=0.3,
    ),
)
RESULT_SHARE = 0.30  # of past visits
RESULT_LOST = 0.015  # of samples sent: never reported
RESULT_LATE = 0.08  # of samples sent: reported after the expected day
RESULT_NEVER_RELAYED = 0.006  # every attempt failed
RELAY_DELAY_DAYS = 1.5  # mean days from the report to the first attempt (routine)
RELAY_TRIES_CUM = _cumulative((0.62, 0.28, 0.10))  # 1, 2 or 3 attempts
INFORM_METHODS = [RelayMethod.PHONE, RelayMethod.SMS, RelayMethod.IN_PERSON]
INFORM_METHOD_CUM = _cumulative((0.62, 0.13, 0.25))
TRY_METHODS = [RelayMethod.PHONE, RelayMethod.SMS, RelayMethod.NEXT_OF_KIN]
TRY_METHOD_CUM = _cumulative((0.75, 0.15, 0.10))
FAILED_OUTCOMES = [RelayOutcome.NO_ANSWER, RelayOutcome.UNREACHABLE, RelayOutcome.WRONG_NUMBER]
FAILED_OUTCOME_CUM = _cumulative((0.6, 0.33, 0.07))

REFERRAL_SHARE = 0.05  # of past visits
URGENCY_CUM = _cumulative((0.80, 0.17, 0.03))  # routine, urgent, emergency
REFERRAL_REASONS = (  # (reason, facility, share)
    ("Suspected cataract: ophthalmology review", "Eye unit", 0.12),
    (
        "Hypertension not controlled on two drugs: physician review",
        "County Referral Hospital",
        0.16,
    ),
    ("Obstetric review: previous caesarean section", "County Referral Hospital", 0.14),
    ("Suspected fracture: X-ray and orthopaedic review", "County Referral Hospital", 0.10),
    ("Physiotherapy after stroke", "Rehabilitation centre", 0.08),
    ("Dental extraction", "Dental unit", 0.10),
    ("HIV treatment failure: second-line regimen", "Comprehensive care centre", 0.08),
    ("Child not gaining weight: paediatric review", "County Referral Hospital", 0.08),
    ("Suspected cancer: specialist assessment", "Kenyatta National Hospital", 0.04),
    ("Culture and sensitivity", "Lancet Laboratories", 0.10),
)
COUNTER_REFERRALS = (
    "Seen and treated; continue follow-up at the clinic.",
    "Medication changed; review blood pressure in two weeks.",
    "Surgery booked; patient to return for post-operative care.",
    "No abnormality found; discharged back to the clinic.",
)

CARE_PLAN_SHARE = 0.03  # of patients: a chronic condition followed by a plan
CARE_PLAN_YEARS = 2  # plans were started in the last two years (when the clinic began them)
CARE_DROPOUT = 0.12  # of active plans: the patient stopped coming (the next follow-up missed)
CHWS = ("CHW Jane Muthoni", "CHW Hassan Abdi", "CHW Mary Atieno", "CHW John Kiptoo")


@dataclass(frozen=True)
class PlanKind:
    title: str
    share: float
    problem: str
    goal: str
    tasks: tuple[tuple[str, int], ...]  # (task, due days after the start)
    follow_up: str
    every_days: int
    lasts_days: int | None = None  # a plan with an end (TB treatment, a pregnancy)


CARE_PLANS = (
    PlanKind(
        "Hypertension",
        0.35,
        "Essential hypertension",
        "Blood pressure under 140/90",
        (("Lifestyle counselling", 7), ("Creatinine and electrolytes", 30)),
        "Monthly blood pressure review and refill",
        30,
    ),
    PlanKind(
        "Type 2 diabetes",
        0.25,
        "Type 2 diabetes mellitus",
        "HbA1c under 7%",
        (("Foot examination", 14), ("Eye screening referral", 60), ("HbA1c", 90)),
        "Monthly glucose review and refill",
        30,
    ),
    PlanKind(
        "HIV care",
        0.25,
        "HIV on antiretroviral therapy",
        "Viral load suppressed",
        (("Adherence counselling", 14), ("Viral load", 180)),
        "Clinical review and multi-month refill",
        90,
    ),
    PlanKind(
        "TB treatment",
        0.08,
        "Pulmonary tuberculosis",
        "Cured after six months",
        (("Contact tracing visit", 14), ("Sputum at two months", 60)),
        "Treatment review and drug collection",
        14,
        182,
    ),
    PlanKind(
        "Antenatal care",
        0.07,
        "Pregnancy",
        "Safe delivery at a facility",
        (("Birth plan", 90), ("Obstetric ultrasound", 120)),
        "Antenatal visit",
        28,
        240,
    ),
)

SCHEMES = (  # (code on the patient, name, kind, days a verification holds)
    ("SHA", "Social Health Authority (SHA)", SchemeKind.GOVERNMENT, 30),
    ("AAR", "AAR Insurance", SchemeKind.INSURER, 90),
    ("Jubilee", "Jubilee Health Insurance", SchemeKind.INSURER, 90),
    ("CIC", "CIC Insurance", SchemeKind.INSURER, 90),
)
COVERAGE_CHECKED_VISITS = 0.5  # of a member's visits: verified at check-in
CHECK_RESULT_CUM = _cumulative((0.88, 0.07, 0.05))  # verified, not covered, could not check
CHECK_METHODS = {
    "SHA": (
        [VerificationMethod.PORTAL, VerificationMethod.SMS, VerificationMethod.CARD_SEEN],
        _cumulative((0.7, 0.2, 0.1)),
    ),
    "insurer": (
        [VerificationMethod.PHONE, VerificationMethod.PORTAL, VerificationMethod.CARD_SEEN],
        _cumulative((0.5, 0.3, 0.2)),
    ),
}

BILLING_DAYS = 90  # invoices for the visits of the last 90 days (billing began then)
PRICE_LIST = (  # (code, name, category, amount in cents of KES); the consultation first
    ("CONS", "Consultation", "consultation", 50_000),
    ("LAB-MAL", "Malaria RDT", "laboratory", 20_000),
    ("LAB-FBC", "Full blood count", "laboratory", 80_000),
    ("LAB-RBS", "Random blood sugar", "laboratory", 15_000),
    ("LAB-URI", "Urinalysis", "laboratory", 20_000),
    ("IMG-CXR", "Chest X-ray", "imaging", 150_000),
    ("MED-AMX", "Amoxicillin 500 mg, 21 capsules", "medicine", 25_000),
    ("MED-AL", "Artemether-lumefantrine, 24 tablets", "medicine", 20_000),
    ("MED-PCM", "Paracetamol 500 mg, 20 tablets", "medicine", 5_000),
    ("MED-MET", "Metformin 500 mg, 60 tablets", "medicine", 30_000),
    ("MED-AML", "Amlodipine 5 mg, 30 tablets", "medicine", 20_000),
    ("PROC-DRS", "Wound dressing", "procedure", 20_000),
)
CLAIMED = 0.85  # of a member's issued invoices: claimed from the scheme
CLAIM_REJECTED = 0.10  # of decided claims
REJECTIONS = (
    "Member number not found",
    "Membership lapsed on the visit date",
    "Diagnosis code not covered",
    "Pre-authorisation missing",
)
PAY_METHODS = [PaymentMethod.MOBILE_MONEY, PaymentMethod.CASH, PaymentMethod.CARD]
PAY_METHOD_CUM = _cumulative((0.60, 0.35, 0.05))


class Generator:
    """Rows for every table, in insertion order, from one seed. Two generators with the same
    parameters produce the same rows."""

    def __init__(self, params: Params, clinic_id: uuid.UUID, admin_id: uuid.UUID) -> None:
        self.params = params
        self.clinic_id = clinic_id
        self.admin_id = admin_id
        self.names = {stem: load_names(stem) for stem, _, _ in GROUPS}
        self.common = load_names("kenyan_common")
        self.spellings = {stem: Spellings(group) for stem, group in self.names.items()}
        self.common_spellings = Spellings(self.common)
        self.villages = load_villages()
        # A clinic's catchment: a few big villages, a long tail of small ones.
        self.village_cum = _cumulative(1.0 / (i + 1) ** 0.9 for i in range(len(self.villages)))
        self.group_cum = _cumulative(w for _, w, _ in GROUPS)
        self.type_cum = _cumulative(w for _, _, w in APPOINTMENT_TYPES)
        self.form_cum = _cumulative(w for _, _, w in FORMS)
        self.provider_ids: list[uuid.UUID] = []
        self.type_ids: list[uuid.UUID] = []
        self.patient_ids: list[uuid.UUID] = []
        self.patient_langs: list[str] = []
        self.registered_days: list[int] = []  # ordinal day of registration, by patient index
        self.registered_at: list[dt.datetime] = []
        self.completed: list[tuple[int, dt.datetime]] = []  # (patient index, start) per visit
        self.completed_ids: list[uuid.UUID] = []  # the appointment of each visit
        # The follow-through (version 5): what one table's rows leave for the next ones.
        self.patient_cover: dict[int, tuple[str, str]] = {}  # patient index: (scheme, number)
        self.facility_ids: dict[str, uuid.UUID] = {}
        self.relays: list[tuple[uuid.UUID, uuid.UUID, RelayMethod, RelayOutcome, dt.datetime]] = []
        self.result_count = 0
        self.plans: list[tuple[Any, ...]] = []
        self.scheme_ids: dict[str, uuid.UUID] = {}
        self.memberships: dict[int, tuple[uuid.UUID, str]] = {}  # patient index: (id, scheme)
        self.prices: list[tuple[uuid.UUID, str, int]] = []
        self.bills: list[dict[str, Any]] = []
        self.billable: list[tuple[str, str]] = []  # (code, WHO title) of the visit diagnoses
        for code in DIAGNOSES:
            found = icd10.lookup(code)
            if found is not None and found.billable:
                self.billable.append((found.code, found.title))

    def _synced(self, rng: random.Random, when: dt.datetime) -> dict[str, Any]:
        return {
            "id": seeded_uuid7(rng, when),
            "clinic_id": self.clinic_id,
            "hlc": stamp_at(when),
            "field_hlcs": {},
            "deleted": False,
            "created_at": when,
            "updated_at": when,
        }

    # -- reference data --

    def providers(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-providers")
        when = dt.datetime.combine(FIRST_DAY - dt.timedelta(days=7), dt.time(9), dt.UTC)
        for name, title in PROVIDERS:
            row = self._synced(rng, when) | {"name": name, "title": title, "active": True}
            self.provider_ids.append(row["id"])
            yield row

    def appointment_types(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-types")
        when = dt.datetime.combine(FIRST_DAY - dt.timedelta(days=7), dt.time(9), dt.UTC)
        for name, minutes, _ in APPOINTMENT_TYPES:
            row = self._synced(rng, when) | {
                "name": name,
                "duration_minutes": minutes,
                "active": True,
            }
            self.type_ids.append(row["id"])
            yield row

    def working_hours(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-hours")
        when = dt.datetime.combine(FIRST_DAY - dt.timedelta(days=7), dt.time(9), dt.UTC)
        for index, provider_id in enumerate(self.provider_ids):
            days = range(6) if index < SATURDAY_PROVIDERS else range(5)
            for weekday in days:
                end = dt.time(13) if weekday == 5 else dt.time(17)
                yield self._synced(rng, when) | {
                    "provider_id": provider_id,
                    "weekday": weekday,
                    "start": dt.time(8),
                    "end": end,
                }

    # -- patients --

    def _name(
        self, rng: random.Random, stem: str, female: bool, *, vary: bool = False
    ) -> tuple[str, str, str]:
        """A patient's (given, other, family) names; with `vary`, written as a register
        writes them (`Spellings`)."""
        names = self.names[stem]
        spell = self.spellings[stem]
        pool = names.get("female" if female else "male")
        given = rng.choice(pool)
        other = ""
        family = rng.choice(names.get("family"))
        given_spell = spell
        if stem in KENYAN:
            if rng.random() < 0.55:
                given = rng.choice(self.common.get("female" if female else "male"))
                given_spell = self.common_spellings
            if rng.random() < 0.45:
                other = rng.choice(pool)
                if vary:
                    other = spell.vary(rng, other)
        elif stem == "somali_arabic":
            if rng.random() < 0.5:
                other = rng.choice(names.get("male"))  # father's name
        elif stem == "vietnamese":
            other = rng.choice(names.get("middle_female" if female else "middle_male"))
        elif stem == "amharic":
            if rng.random() < 0.25:  # registered in the Latin spelling
                given, family = names.latin[given], names.latin[family]
        elif stem == "cyrillic":
            if female:
                family = _feminine(family)
        elif rng.random() < 0.15:
            other = rng.choice(pool)
        if vary:
            family = spell.vary(rng, family, family=True)
            given = given_spell.vary(rng, given)
            if stem not in KENYAN and other:
                other = spell.vary(rng, other)
        if other == given:
            other = ""
        return given, other, family

    @staticmethod
    def _phone(rng: random.Random, stem: str) -> str:
        if stem == "amharic" and rng.random() < 0.4:
            return f"+2519{rng.randrange(10**8):08d}"
        roll = rng.random()
        if roll < 0.05:
            return f"+25410{rng.choice('012345678')}{rng.randrange(10**6):06d}"
        if roll < 0.10:
            return f"+25411{rng.choice('01234567')}{rng.randrange(10**6):06d}"
        return f"+2547{rng.randrange(10**8):08d}"

    @staticmethod
    def _birth(rng: random.Random, registered: dt.date) -> tuple[dt.date, bool]:
        roll = rng.random()
        if roll < 0.18:
            age = rng.uniform(0, 5)
        elif roll < 0.38:
            age = rng.uniform(5, 15)
        elif roll < 0.83:
            age = rng.uniform(15, 50)
        elif roll < 0.95:
            age = rng.uniform(50, 70)
        else:
            age = rng.uniform(70, 95)
        birth = registered - dt.timedelta(days=int(age * 365.25))
        p_estimated = 0.03 if age < 15 else 0.12 if age < 50 else 0.35
        if rng.random() < p_estimated:
            return dt.date(birth.year, 7, 1), True
        return birth, False

    def patients(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-patients")
        n = self.params.patients
        span = (
            dt.datetime.combine(TODAY, dt.time(), dt.UTC)
            - dt.datetime.combine(FIRST_DAY, dt.time(), dt.UTC)
        ).total_seconds()
        start = dt.datetime.combine(FIRST_DAY, dt.time(5), dt.UTC)  # 08:00 in Nairobi
        offsets = sorted(rng.random() for _ in range(n))
        stems = [stem for stem, _, _ in GROUPS]
        langs = {stem: lang for stem, _, lang in GROUPS}
        national_ids = rng.sample(range(10_000_000, 40_000_000), n)
        phones: list[str] = []
        for index, offset in enumerate(offsets):
            day = int(offset * span // 86400)
            when = start + dt.timedelta(days=day, seconds=rng.randrange(9 * 3600))
            stem = _weighted(rng, stems, self.group_cum)
            female = rng.random() < 0.52
            given, other, family = self._name(rng, stem, female, vary=True)
            birth, estimated = self._birth(rng, when.date())
            phone = None
            if rng.random() < 0.85:
                if phones and rng.random() < 0.06:
                    phone = rng.choice(phones[-5000:])  # a family shares one phone
                else:
                    phone = self._phone(rng, stem)
                    phones.append(phone)
            adult = (when.date() - birth).days >= 18 * 365
            national_id = str(national_ids[index]) if adult and rng.random() < 0.75 else None
            kin_name, kin_relation, kin_phone = "", "", None
            if rng.random() < 0.5:
                kin_given, _, kin_family = self._name(rng, stem, rng.random() < 0.5)
                kin_name, kin_relation = f"{kin_given} {kin_family}", rng.choice(RELATIONS)
                kin_phone = self._phone(rng, stem) if rng.random() < 0.8 else None
            coverage, member = "", ""
            roll = rng.random()
            if roll < 0.40:
                coverage, member = "SHA", f"SHA{rng.randrange(10**9):09d}"
            elif roll < 0.45:
                coverage = rng.choice(("AAR", "Jubilee", "CIC"))
                member = f"{coverage[:2]}-{rng.randrange(10**7):07d}"
            row = self._synced(rng, when) | {
                "pk": index + 1,
                "given_name": given,
                "family_name": family,
                "other_names": other,
                "sex": Sex.FEMALE if female else Sex.MALE,
                "birth_date": birth,
                "birth_date_estimated": estimated,
                "phone": phone,
                "phone_reversed": phone[1:][::-1] if phone else None,
                "phone_alt": None,
                "village": _weighted(rng, self.villages, self.village_cum),
                "address": "",
                "national_id": national_id,
                "clinic_number": f"OP{index + 1:06d}",
                "next_of_kin_name": kin_name,
                "next_of_kin_relation": kin_relation,
                "next_of_kin_phone": kin_phone,
                "preferred_language": langs[stem],
                "coverage_scheme": coverage,
                "coverage_member_id": member,
                "notes": "",
            }
            # A few registrations made by mistake, tombstoned (hidden, kept for sync).
            row["deleted"] = rng.random() < 0.002
            if coverage and not row["deleted"]:
                self.patient_cover[index] = (coverage, member)
            self.patient_ids.append(row["id"])
            self.patient_langs.append(langs[stem])
            self.registered_days.append(when.date().toordinal())
            self.registered_at.append(when)
            yield row

    def audit_events(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-audit")
        for patient_id, when in zip(self.patient_ids, self.registered_at, strict=True):
            yield self._synced(rng, when) | {
                "at": when,
                "user_id": self.admin_id,
                "action": "create",
                "entity": "patients",
                "entity_id": patient_id,
                "detail": {},
            }

    # -- appointments --

    def _provider_days(self) -> list[tuple[dt.date, int]]:
        days: list[tuple[dt.date, int]] = []
        last = TODAY + dt.timedelta(days=14)
        day = FIRST_DAY
        while day <= last:
            weekday = day.weekday()
            if weekday < 5:
                days.extend((day, p) for p in range(len(PROVIDERS)))
            elif weekday == 5:
                days.extend((day, p) for p in range(SATURDAY_PROVIDERS))
            day += dt.timedelta(days=1)
        return days

    def appointments(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-appointments")
        provider_days = self._provider_days()
        target = self.params.appointments
        mean = target / len(provider_days)
        counts = [max(0, round(rng.gauss(mean, mean * 0.3))) for _ in provider_days]
        capacity = 22
        counts = [min(c, capacity) for c in counts]
        # Nudge day counts until the total is exactly the target.
        diff = target - sum(counts)
        while diff:
            i = rng.randrange(len(counts))
            if diff > 0 and counts[i] < capacity:
                counts[i] += 1
                diff -= 1
            elif diff < 0 and counts[i] > 0:
                counts[i] -= 1
                diff += 1
        n_patients = len(self.patient_ids)
        statuses_past = [
            AppointmentStatus.COMPLETED,
            AppointmentStatus.NO_SHOW,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.RESCHEDULED,
        ]
        past_cum = _cumulative((0.80, 0.09, 0.07, 0.04))
        today_statuses = [
            AppointmentStatus.BOOKED,
            AppointmentStatus.ARRIVED,
            AppointmentStatus.IN_CONSULTATION,
            AppointmentStatus.COMPLETED,
        ]
        today_cum = _cumulative((0.5, 0.2, 0.05, 0.25))
        reasons = ("", "", "", *COMPLAINTS)
        type_indexes = list(range(len(APPOINTMENT_TYPES)))
        carry = 0  # appointments that did not fit in a full day go to the next one
        for (day, provider), planned in zip(provider_days, counts, strict=True):
            count, carry = planned + carry, 0
            if not count:
                continue
            available = bisect.bisect_right(self.registered_days, day.toordinal()) or n_patients
            local = dt.datetime.combine(day, dt.time(8), NAIROBI)
            end_of_day = dt.datetime.combine(
                day, dt.time(13 if day.weekday() == 5 else 17), NAIROBI
            )
            for _ in range(count):
                type_index = _weighted(rng, type_indexes, self.type_cum)
                minutes = APPOINTMENT_TYPES[type_index][1]
                if local + dt.timedelta(minutes=minutes) > end_of_day:
                    carry += 1
                    continue
                if rng.random() < 0.3:  # regular patients come back often
                    patient = rng.randrange(0, available, 10)
                else:
                    patient = rng.randrange(available)
                starts = local.astimezone(dt.UTC)
                ends = starts + dt.timedelta(minutes=minutes)
                if day < TODAY:
                    status = _weighted(rng, statuses_past, past_cum)
                elif day == TODAY:
                    status = _weighted(rng, today_statuses, today_cum)
                else:
                    status = (
                        AppointmentStatus.BOOKED
                        if rng.random() < 0.95
                        else AppointmentStatus.CANCELLED
                    )
                booked = starts - dt.timedelta(minutes=rng.randrange(10, 60 * 24 * 30))
                arrived = None
                if status in (
                    AppointmentStatus.COMPLETED,
                    AppointmentStatus.ARRIVED,
                    AppointmentStatus.IN_CONSULTATION,
                ):
                    arrived = starts - dt.timedelta(minutes=rng.randrange(0, 45))
                row = self._synced(rng, booked) | {
                    "updated_at": arrived or booked,
                    "patient_id": self.patient_ids[patient],
                    "provider_id": self.provider_ids[provider],
                    "type_id": self.type_ids[type_index],
                    "starts_at": starts,
                    "ends_at": ends,
                    "status": status,
                    "reason": rng.choice(reasons),
                    "follow_up_of_id": None,
                    "rescheduled_from_id": None,
                    "arrived_at": arrived,
                    "booked_by": self.admin_id,
                }
                if status is AppointmentStatus.COMPLETED:
                    self.completed.append((patient, starts))
                    self.completed_ids.append(row["id"])
                yield row
                local += dt.timedelta(minutes=minutes + rng.choice((0, 0, 0, 5, 10)))

    # -- form records --

    def _answers(self, rng: random.Random, definition: str, patient: int) -> dict[str, Any]:
        if definition == "vitals":
            return {
                "temperature_c": round(rng.uniform(36.0, 39.6), 1),
                "pulse_bpm": rng.randrange(58, 124),
                "bp_systolic": rng.randrange(95, 175),
                "bp_diastolic": rng.randrange(55, 110),
                "weight_kg": round(rng.uniform(3.0, 95.0), 1),
                "respiratory_rate": rng.randrange(12, 32),
            }
        if definition == "visit-note":
            return {
                "complaint": rng.choice(COMPLAINTS),
                "diagnosis_icd10": rng.choice(DIAGNOSES),
                "plan": rng.choice(("Treat and review in 2 weeks", "Refer", "Lab tests", "")),
            }
        if definition == "lab-result":
            test, results = rng.choice(LAB_TESTS)
            return {"test": test, "result": rng.choice(results), "communicated": rng.random() < 0.9}
        if definition == "intake":
            return {
                "reason": rng.choice(COMPLAINTS),
                "allergies": rng.choice(ALLERGIES),
                "medications": rng.choice(("", "paracetamol", "metformin", "ART", "amlodipine")),
                "coverage_checked": rng.random() < 0.7,
            }
        if definition == "consent-general":
            return {
                "consented": True,
                "read_in_language": self.patient_langs[patient],
                "signature": f"sha256:{rng.getrandbits(256):064x}",
            }
        return {
            "to": rng.choice(REFERRAL_TO),
            "reason": rng.choice(COMPLAINTS),
            "status": rng.choice(("sent", "received", "closed")),
        }

    def form_records(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-forms")
        target = self.params.forms
        visits = self.completed or [(0, dt.datetime.combine(TODAY, dt.time(6), dt.UTC))]
        rate = target / len(visits)
        whole, frac = int(rate), rate - int(rate)
        made = 0
        definitions = list(range(len(FORMS)))
        for round_ in itertools.count():
            for patient, starts in visits:
                count = whole + (rng.random() < frac) if round_ == 0 else 1
                for _ in range(count):
                    if made >= target:
                        return
                    definition, version, _ = FORMS[_weighted(rng, definitions, self.form_cum)]
                    created = starts + dt.timedelta(minutes=rng.randrange(5, 90))
                    signed = definition == "consent-general" or (
                        definition == "visit-note" and rng.random() < 0.6
                    )
                    status = FormStatus.SIGNED if signed else FormStatus.FINAL
                    if created.date() >= TODAY and rng.random() < 0.5:
                        status = FormStatus.DRAFT
                    yield self._synced(rng, created) | {
                        "patient_id": self.patient_ids[patient],
                        "definition_id": definition,
                        "definition_version": version,
                        "language": "sw" if rng.random() < 0.3 else "en",
                        "answers": self._answers(rng, definition, patient),
                        "status": status,
                        "supersedes_id": None,
                        "created_by": self.admin_id,
                        "signed_at": created if status is FormStatus.SIGNED else None,
                    }
                    made += 1

    # -- the coordinator's follow-through (generator version 5) --
    #
    # Results, referrals, care plans, coverage and billing, at the rates in
    # benchmarks/README.md. Each kind follows its record through time from the visit it
    # came from: an event after NOW (the moment the clinic stands at) has not happened yet,
    # so the records waiting today are the ones a real clinic would have waiting.

    def _visit(self, index: int) -> tuple[int, dt.datetime, dt.date]:
        patient, starts = self.completed[index]
        return patient, starts, starts.astimezone(NAIROBI).date()

    def _past_visits(self) -> Iterator[int]:
        """The indexes of completed visits that began before NOW."""
        for index, (_, starts) in enumerate(self.completed):
            if starts < NOW:
                yield index

    def facilities(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-facilities")
        when = dt.datetime.combine(FIRST_DAY - dt.timedelta(days=7), dt.time(9), dt.UTC)
        for name, kind, address in FACILITIES:
            row = self._synced(rng, when) | {
                "name": name,
                "kind": kind,
                "phone": self._phone(rng, "kikuyu"),
                "address": address,
                "active": True,
            }
            self.facility_ids[name] = row["id"]
            yield row

    def _relay_attempts(
        self, rng: random.Random, received: dt.date, urgent: bool, in_house: bool, at: dt.datetime
    ) -> tuple[list[tuple[RelayMethod, RelayOutcome, dt.datetime]], bool]:
        """The attempts to tell the patient (those made by NOW) and whether one informed."""
        if in_house:  # told at the visit, in person
            return [(RelayMethod.IN_PERSON, RelayOutcome.INFORMED, at)], at <= NOW
        tries = _weighted(rng, [1, 2, 3], RELAY_TRIES_CUM)
        never = rng.random() < RESULT_NEVER_RELAYED
        delay = 0 if urgent else min(int(rng.expovariate(1 / RELAY_DELAY_DAYS)), 20)
        day = received + dt.timedelta(days=delay)
        attempts: list[tuple[RelayMethod, RelayOutcome, dt.datetime]] = []
        informed = False
        for attempt in range(tries):
            moment = dt.datetime.combine(day, dt.time(8, 30), NAIROBI) + dt.timedelta(
                minutes=rng.randrange(8 * 60)
            )
            if moment > NOW:
                break
            last = attempt == tries - 1 and not never
            if last:
                method = _weighted(rng, INFORM_METHODS, INFORM_METHOD_CUM)
                outcome = RelayOutcome.INFORMED
            else:
                method = _weighted(rng, TRY_METHODS, TRY_METHOD_CUM)
                outcome = (
                    RelayOutcome.MESSAGE_LEFT
                    if method in (RelayMethod.SMS, RelayMethod.NEXT_OF_KIN)
                    else _weighted(rng, FAILED_OUTCOMES, FAILED_OUTCOME_CUM)
                )
            attempts.append((method, outcome, moment.astimezone(dt.UTC)))
            informed = informed or outcome is RelayOutcome.INFORMED
            day += dt.timedelta(days=1 if urgent else rng.randint(1, 4))
        return attempts, informed

    def _measurements(
        self, rng: random.Random, test: LabTest
    ) -> tuple[list[dict[str, str]], str, bool]:
        """(measurements, result text, abnormal) of one report."""
        abnormal = rng.random() < test.abnormal
        if test.text:  # qualitative: one word, or an imaging report
            normal, *others = test.text
            text = rng.choice(others) if abnormal else normal
            if test.category is not ResultCategory.LAB:
                return [], text, abnormal
            item = {"name": test.name, "value": text}
            if abnormal:
                item["flag"] = "abnormal"
            return [item], "", abnormal
        items: list[dict[str, str]] = []
        out_at = rng.randrange(len(test.values)) if abnormal else -1
        for i, (name, unit, low, high, digits) in enumerate(test.values):
            if i == out_at:
                high_side = rng.random() < 0.5
                value = rng.uniform(high, high * 1.6) if high_side else rng.uniform(low * 0.5, low)
                flag = "high" if high_side else "low"
            else:
                value, flag = rng.uniform(low, high), "normal"
            shown = f"{value:.{digits}f}"
            items.append(
                {"name": name, "value": shown, "unit": unit, "flag": flag, "range": f"{low}-{high}"}
            )
        return items, "", abnormal

    def results(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-results")
        tests = list(LAB_PANEL)
        cum = _cumulative(t.share for t in tests)
        for visit in self._past_visits():
            if rng.random() >= RESULT_SHARE:
                continue
            patient, starts, day = self._visit(visit)
            test = _weighted(rng, tests, cum)
            created = starts + dt.timedelta(minutes=rng.randrange(10, 60))
            in_house = test.where is None
            sent_on = None if in_house else day + dt.timedelta(days=rng.random() < 0.15)
            low, high = test.turnaround
            expected = day if sent_on is None else sent_on + dt.timedelta(days=high)
            arrives: dt.date | None = day
            if sent_on is not None:
                arrives = sent_on + dt.timedelta(days=rng.randint(low, high))
                roll = rng.random()
                if roll < RESULT_LOST:
                    arrives = None
                elif roll < RESULT_LOST + RESULT_LATE:
                    arrives = expected + dt.timedelta(days=rng.randint(2, 20))
            items, text, abnormal = self._measurements(rng, test)
            urgent = abnormal and rng.random() < test.urgent
            row = self._synced(rng, created) | {
                "patient_id": self.patient_ids[patient],
                "category": test.category,
                "test_name": test.name,
                "ordered_on": day,
                "ordered_by": self.admin_id,
                "facility_id": self.facility_ids[test.where] if test.where else None,
                "sent_on": sent_on,
                "expected_on": expected,
                "received_on": None,
                "result_text": "",
                "measurements": {},
                "attachment": None,
                "urgent": False,
                "reviewed_by": None,
                "reviewed_at": None,
                "review_note": "",
                "status": ResultStatus.SENT if sent_on is not None else ResultStatus.ORDERED,
                "informed_at": None,
                "escalated_at": None,
                "escalated_by": None,
                "notes": "",
            }
            if arrives is None or arrives > NOW.date():
                # Not here yet; a sample lost long ago was written off.
                written_off = arrives is None and expected < NOW.date() - dt.timedelta(days=30)
                if written_off and rng.random() < 0.8:
                    row["status"] = ResultStatus.CANCELLED
                    row["notes"] = "Sample lost at the laboratory"
                self.result_count += 1
                yield row
                continue
            got = dt.datetime.combine(arrives, dt.time(11), NAIROBI).astimezone(dt.UTC)
            if in_house:
                got = created + dt.timedelta(minutes=rng.randrange(10, 40))
            row |= {
                "received_on": arrives,
                "result_text": text,
                "measurements": {"items": items} if items else {},
                "urgent": urgent,
                "status": ResultStatus.RECEIVED,
                "updated_at": got,
            }
            if rng.random() < 0.7:
                row["reviewed_by"], row["reviewed_at"] = self.admin_id, got
            attempts, informed = self._relay_attempts(rng, arrives, urgent, in_house, got)
            for method, outcome, at in attempts:
                self.relays.append((row["id"], row["patient_id"], method, outcome, at))
            if informed:
                row["status"], row["informed_at"] = ResultStatus.INFORMED, attempts[-1][2]
                row["updated_at"] = attempts[-1][2]
            elif urgent and attempts and (NOW.date() - arrives).days > 7:
                # Urgent and not reached for a week: handed to a clinician.
                row["status"], row["escalated_by"] = ResultStatus.ESCALATED, self.admin_id
                row["escalated_at"] = attempts[-1][2] + dt.timedelta(days=1)
            self.result_count += 1
            yield row

    def result_relays(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-relays")
        for result_id, patient_id, method, outcome, at in self.relays:
            yield self._synced(rng, at) | {
                "result_id": result_id,
                "patient_id": patient_id,
                "method": method,
                "outcome": outcome,
                "at": at,
                "made_by": self.admin_id,
                "note": "",
            }
        self.relays.clear()

    def referrals(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-referrals")
        reasons = list(REFERRAL_REASONS)
        cum = _cumulative(w for _, _, w in reasons)
        today = NOW.date()
        for visit in self._past_visits():
            if rng.random() >= REFERRAL_SHARE:
                continue
            patient, starts, day = self._visit(visit)
            reason, where, _ = _weighted(rng, reasons, cum)
            urgency = _weighted(rng, list(ReferralUrgency), URGENCY_CUM)
            created = starts + dt.timedelta(minutes=rng.randrange(10, 60))
            row = self._synced(rng, created) | {
                "patient_id": self.patient_ids[patient],
                "facility_id": self.facility_ids[where],
                "reason": reason,
                "urgency": urgency,
                "status": ReferralStatus.DRAFTED,
                "referred_by": self.admin_id,
                "sent_on": None,
                "appointment_on": None,
                "seen_on": None,
                "feedback_on": None,
                "closed_on": None,
                "counter_referral": "",
                "end_reason": "",
                "notes": "",
            }
            # The referral's story, each step on its date; the steps after today have not
            # happened yet.
            steps: list[tuple[dt.date, dict[str, Any]]] = []
            if rng.random() >= 0.01:  # a few drafts are never sent
                sent = day + dt.timedelta(days=0 if rng.random() < 0.9 else rng.randint(1, 3))
                steps.append((sent, {"status": ReferralStatus.SENT, "sent_on": sent}))
                steps += self._referral_after(rng, sent, urgency)
            for when, change in steps:
                if when > today:
                    break
                row |= change
                row["updated_at"] = dt.datetime.combine(when, dt.time(10), NAIROBI).astimezone(
                    dt.UTC
                )
            yield row

    @staticmethod
    def _referral_after(
        rng: random.Random, sent: dt.date, urgency: ReferralUrgency
    ) -> list[tuple[dt.date, dict[str, Any]]]:
        """What happens to a referral once sent (see REFERRAL rates in the README)."""
        S = ReferralStatus
        days = dt.timedelta
        if rng.random() < 0.03:
            declined = sent + days(rng.randint(1, 10))
            why = rng.choice(("No specialist available this month", "Patient declined"))
            return [(declined, {"status": S.DECLINED, "end_reason": why, "closed_on": declined})]
        wait = {
            ReferralUrgency.ROUTINE: 10,
            ReferralUrgency.URGENT: 2,
            ReferralUrgency.EMERGENCY: 0,
        }
        if rng.random() < 0.06:  # no appointment ever given: chased, then given up
            lost = sent + days(rng.randint(30, 90))
            keep_open = rng.random() < 0.12
            return (
                []
                if keep_open
                else [
                    (
                        lost,
                        {"status": S.LOST, "end_reason": "No appointment given", "closed_on": lost},
                    )
                ]
            )
        given = sent + days(rng.randint(0, wait[urgency]))
        appointment = given + days(
            rng.randint(0, 3) if urgency is not ReferralUrgency.ROUTINE else rng.randint(3, 30)
        )
        steps = [(given, {"status": S.APPOINTMENT_GIVEN, "appointment_on": appointment})]
        if rng.random() < 0.12:  # did not attend
            lost = appointment + days(rng.randint(7, 45))
            if rng.random() < 0.85:
                steps.append(
                    (lost, {"status": S.LOST, "end_reason": "Did not attend", "closed_on": lost})
                )
            return steps
        steps.append((appointment, {"status": S.SEEN, "seen_on": appointment}))
        if rng.random() < 0.65:
            back = appointment + days(rng.randint(1, 40))
            words = rng.choice(COUNTER_REFERRALS)
            steps.append(
                (
                    back,
                    {"status": S.FEEDBACK_RECEIVED, "feedback_on": back, "counter_referral": words},
                )
            )
            closed = back + days(rng.randint(0, 10))
            if rng.random() < 0.92:
                steps.append((closed, {"status": S.CLOSED, "closed_on": closed}))
        elif rng.random() < 0.88:  # no feedback: closed after chasing it
            closed = appointment + days(rng.randint(45, 90))
            steps.append(
                (closed, {"status": S.CLOSED, "closed_on": closed, "notes": "No feedback"})
            )
        return steps

    def care_plans(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-care-plans")
        plans = list(CARE_PLANS)
        cum = _cumulative(p.share for p in plans)
        today = NOW.date()
        for patient, registered in enumerate(self.registered_days):
            if rng.random() >= CARE_PLAN_SHARE:
                continue
            plan = _weighted(rng, plans, cum)
            first = max(registered, (today - dt.timedelta(days=CARE_PLAN_YEARS * 365)).toordinal())
            started = dt.date.fromordinal(rng.randint(first, today.toordinal()))
            created = dt.datetime.combine(started, dt.time(10), NAIROBI).astimezone(dt.UTC)
            row = self._synced(rng, created) | {
                "patient_id": self.patient_ids[patient],
                "title": plan.title,
                "status": CarePlanStatus.ACTIVE,
                "started_on": started,
                "review_on": None,
                "lead_by": self.admin_id,
                "ended_on": None,
                "notes": "",
            }
            ends = started + dt.timedelta(days=plan.lasts_days) if plan.lasts_days else None
            if ends is not None and ends <= today:
                row["status"], row["ended_on"] = CarePlanStatus.COMPLETED, ends
            elif rng.random() < 0.05:  # transferred out, or moved away
                row["status"] = CarePlanStatus.CANCELLED
                row["ended_on"] = dt.date.fromordinal(
                    rng.randint(started.toordinal(), today.toordinal())
                )
            # Reviewed every six months; a few reviews are late.
            review = started + dt.timedelta(days=180)
            while review + dt.timedelta(days=rng.choice((0, 0, 0, 30))) < today:
                review += dt.timedelta(days=180)
            row["review_on"] = review if row["status"] is CarePlanStatus.ACTIVE else None
            self.plans.append(
                (row["id"], row["patient_id"], plan, started, row["ended_on"], row["status"])
            )
            yield row

    def _care_item(
        self,
        rng: random.Random,
        owner: dict[str, uuid.UUID],
        at: dt.datetime,
        kind: CareItemKind,
        text: str,
    ) -> dict[str, Any]:
        return (
            self._synced(rng, at)
            | owner
            | {
                "kind": kind,
                "description": text,
                "owner_id": None,
                "owner_name": "",
                "due_on": None,
                "repeat_days": None,
                "status": CareItemStatus.OPEN,
                "done_at": None,
                "done_by": None,
                "appointment_id": None,
                "note": "",
            }
        )

    def care_plan_items(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-care-items")
        today = NOW.date()
        for plan_id, patient_id, plan, started, ended, status in self.plans:
            at = dt.datetime.combine(started, dt.time(10), NAIROBI).astimezone(dt.UTC)
            owner = {"care_plan_id": plan_id, "patient_id": patient_id}

            closed = status is not CarePlanStatus.ACTIVE
            yield self._care_item(rng, owner, at, CareItemKind.PROBLEM, plan.problem)
            yield self._care_item(rng, owner, at, CareItemKind.GOAL, plan.goal)
            for text, after in plan.tasks:
                due = started + dt.timedelta(days=after)
                done_day = due + dt.timedelta(days=rng.randint(-3, 10))
                values: dict[str, Any] = {"due_on": due}
                if rng.random() < 0.5:
                    values["owner_name"] = rng.choice(CHWS)
                else:
                    values["owner_id"] = self.admin_id
                if done_day <= today and rng.random() < 0.95:
                    done = dt.datetime.combine(done_day, dt.time(14), NAIROBI).astimezone(dt.UTC)
                    values |= {
                        "status": CareItemStatus.DONE,
                        "done_at": done,
                        "done_by": self.admin_id,
                    }
                elif closed:
                    values["status"] = CareItemStatus.CANCELLED
                yield self._care_item(rng, owner, at, CareItemKind.TASK, text) | values
            # The repeating follow-up: each occurrence done, then the next; a patient who
            # stops coming leaves the next one open, missed.
            stops = None
            if not closed and rng.random() < CARE_DROPOUT:
                stops = dt.date.fromordinal(rng.randint(started.toordinal(), today.toordinal()))
            last = ended or today
            due = started + dt.timedelta(days=plan.every_days)
            made = at  # each occurrence is added when the one before it is checked off
            while True:
                values = {"due_on": due, "repeat_days": plan.every_days, "owner_id": self.admin_id}
                came = due + dt.timedelta(days=rng.randint(-2, 5))
                if came <= last and (stops is None or came < stops):
                    done = dt.datetime.combine(came, dt.time(9), NAIROBI) + dt.timedelta(
                        minutes=rng.randrange(8 * 60)
                    )
                    if done > NOW:
                        yield (
                            self._care_item(
                                rng, owner, made, CareItemKind.FOLLOW_UP, plan.follow_up
                            )
                            | values
                        )
                        break
                    values |= {
                        "status": CareItemStatus.DONE,
                        "done_at": done.astimezone(dt.UTC),
                        "done_by": self.admin_id,
                    }
                    yield (
                        self._care_item(rng, owner, made, CareItemKind.FOLLOW_UP, plan.follow_up)
                        | values
                    )
                    due = came + dt.timedelta(days=plan.every_days)
                    made = done.astimezone(dt.UTC)
                    continue
                if closed:
                    values["status"] = CareItemStatus.CANCELLED
                yield (
                    self._care_item(rng, owner, made, CareItemKind.FOLLOW_UP, plan.follow_up)
                    | values
                )
                break
        self.plans.clear()

    def coverage_schemes(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-schemes")
        when = dt.datetime.combine(FIRST_DAY - dt.timedelta(days=7), dt.time(9), dt.UTC)
        for code, name, kind, every in SCHEMES:
            row = self._synced(rng, when) | {
                "name": name,
                "kind": kind,
                "phone": self._phone(rng, "kikuyu"),
                "address": "",
                "verify_every_days": every,
                "active": True,
                "notes": "",
            }
            self.scheme_ids[code] = row["id"]
            yield row

    def coverage_memberships(self) -> Iterator[dict[str, Any]]:
        """One for each patient registered with a scheme (the patients' coverage fields)."""
        rng = random.Random(f"{self.params.seed}-memberships")
        today = NOW.date()
        for patient, (code, number) in sorted(self.patient_cover.items()):
            registered = self.registered_at[patient]
            since = registered.astimezone(NAIROBI).date()
            until = None
            if code != "SHA":  # private cover runs by the year, renewed or not
                until = dt.date(since.year, 12, 31)
                while until < today and rng.random() < 0.8:
                    until = dt.date(until.year + 1, 12, 31)
            row = self._synced(rng, registered) | {
                "patient_id": self.patient_ids[patient],
                "scheme_id": self.scheme_ids[code],
                "member_number": number,
                "holder_name": "",
                "valid_from": since,
                "valid_until": until,
                "active": rng.random() < 0.97,
                "notes": "",
            }
            self.memberships[patient] = (row["id"], code)
            yield row

    def coverage_checks(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-checks")
        results = list(VerificationResult)
        for visit in self._past_visits():
            patient, starts, _ = self._visit(visit)
            member = self.memberships.get(patient)
            if member is None or rng.random() >= COVERAGE_CHECKED_VISITS:
                continue
            membership_id, code = member
            at = starts - dt.timedelta(minutes=rng.randrange(5, 30))
            methods, cum = CHECK_METHODS["SHA" if code == "SHA" else "insurer"]
            yield self._synced(rng, at) | {
                "membership_id": membership_id,
                "patient_id": self.patient_ids[patient],
                "at": at,
                "method": _weighted(rng, methods, cum),
                "result": _weighted(rng, results, CHECK_RESULT_CUM),
                "made_by": self.admin_id,
                "reference": f"{code[:3]}{rng.randrange(10**8):08d}",
                "note": "",
            }

    def price_items(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-prices")
        when = dt.datetime.combine(TODAY - dt.timedelta(days=BILLING_DAYS + 7), dt.time(9), dt.UTC)
        for code, name, category, amount in PRICE_LIST:
            row = self._synced(rng, when) | {
                "code": code,
                "name": name,
                "category": category,
                "amount": amount,
                "active": True,
            }
            self.prices.append((row["id"], name, amount))
            yield row

    def invoices(self) -> Iterator[dict[str, Any]]:
        """An invoice for each visit of the last BILLING_DAYS (billing began then), with its
        lines, diagnoses, payments and claims kept for the tables that follow."""
        rng = random.Random(f"{self.params.seed}-invoices")
        first = NOW.date() - dt.timedelta(days=BILLING_DAYS)
        consultation, *others = self.prices
        number = 0
        for visit in self._past_visits():
            patient, starts, day = self._visit(visit)
            if day < first:
                continue
            number += 1
            at = starts + dt.timedelta(minutes=rng.randrange(20, 90))
            lines = [(consultation, 1)] + [
                (rng.choice(others), rng.choice((1, 1, 1, 2))) for _ in range(rng.randint(0, 3))
            ]
            total = sum(price[2] * quantity for price, quantity in lines)
            done = at <= NOW - dt.timedelta(hours=2)
            roll = rng.random()
            status = InvoiceStatus.DRAFT
            if done:
                status = (
                    InvoiceStatus.VOID
                    if roll < 0.02
                    else InvoiceStatus.ISSUED
                    if roll < 0.05
                    else InvoiceStatus.PAID
                )
            row = self._synced(rng, at) | {
                "patient_id": self.patient_ids[patient],
                "appointment_id": self.completed_ids[visit],
                "number": f"INV{number:06d}",
                "status": status,
                "currency": CURRENCY,
                "issued_on": day if status is not InvoiceStatus.DRAFT else None,
                "issued_by": self.admin_id if status is not InvoiceStatus.DRAFT else None,
                "notes": "",
            }
            bill = self._bill(row["id"], patient, at, day, lines, total, status, rng)
            claim = bill["claim"]
            if claim is not None and claim["status"] is not ClaimStatus.PAID:
                row["status"], bill["paid"] = InvoiceStatus.ISSUED, False  # the scheme owes it
            self.bills.append(bill)
            yield row

    def _bill(
        self,
        invoice_id: uuid.UUID,
        patient: int,
        at: dt.datetime,
        day: dt.date,
        lines: list[tuple[tuple[uuid.UUID, str, int], int]],
        total: int,
        status: InvoiceStatus,
        rng: random.Random,
    ) -> dict[str, Any]:
        member = self.memberships.get(patient)
        bill: dict[str, Any] = {
            "invoice": invoice_id,
            "patient": self.patient_ids[patient],
            "at": at,
            "day": day,
            "lines": lines,
            "total": total,
            "diagnoses": rng.sample(self.billable, rng.choice((1, 1, 1, 2))),
            "claim": None,
            "paid": status is InvoiceStatus.PAID,
        }
        billed = status in (InvoiceStatus.ISSUED, InvoiceStatus.PAID)
        if member is not None and billed and rng.random() < CLAIMED:
            bill["claim"] = self._claim_story(rng, member[0], day, total)
        return bill

    @staticmethod
    def _claim_story(
        rng: random.Random, membership_id: uuid.UUID, day: dt.date, total: int
    ) -> dict[str, Any]:
        today = NOW.date()
        story: dict[str, Any] = {
            "membership": membership_id,
            "amount": total,
            "status": ClaimStatus.DRAFTED,
            "submitted_on": None,
            "decided_on": None,
            "paid_amount": None,
            "rejection_reason": "",
        }
        submitted = day + dt.timedelta(days=rng.randint(1, 7))
        if submitted > today:
            return story
        story |= {"status": ClaimStatus.SUBMITTED, "submitted_on": submitted}
        decided = submitted + dt.timedelta(days=rng.randint(14, 45))
        if decided > today or rng.random() < 0.04:
            return story
        if rng.random() < CLAIM_REJECTED:
            story |= {
                "status": ClaimStatus.REJECTED,
                "decided_on": decided,
                "rejection_reason": rng.choice(REJECTIONS),
            }
            again = decided + dt.timedelta(days=rng.randint(2, 14))
            if again > today or rng.random() < 0.4:
                return story
            story |= {"status": ClaimStatus.RESUBMITTED, "submitted_on": again}
            decided = again + dt.timedelta(days=rng.randint(14, 30))
            if decided > today:
                return story
        story |= {"status": ClaimStatus.PAID, "decided_on": decided, "paid_amount": total}
        return story

    def invoice_lines(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-invoice-lines")
        for bill in self.bills:
            for (price_id, name, amount), quantity in bill["lines"]:
                yield self._synced(rng, bill["at"]) | {
                    "invoice_id": bill["invoice"],
                    "patient_id": bill["patient"],
                    "price_item_id": price_id,
                    "description": name,
                    "quantity": quantity,
                    "unit_amount": amount,
                }

    def diagnoses(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-diagnoses")
        for bill in self.bills:
            for i, (code, title) in enumerate(bill["diagnoses"]):
                yield self._synced(rng, bill["at"]) | {
                    "patient_id": bill["patient"],
                    "invoice_id": bill["invoice"],
                    "appointment_id": None,
                    "code": code,
                    "title": title,
                    "primary": i == 0,
                    "recorded_on": bill["day"],
                    "recorded_by": self.admin_id,
                }

    def claims(self) -> Iterator[dict[str, Any]]:
        rng = random.Random(f"{self.params.seed}-claims")
        for bill in self.bills:
            story = bill["claim"]
            if story is None:
                continue
            row = self._synced(rng, bill["at"]) | {
                "invoice_id": bill["invoice"],
                "patient_id": bill["patient"],
                "membership_id": story["membership"],
                "amount": story["amount"],
                "status": story["status"],
                "submitted_on": story["submitted_on"],
                "submitted_by": self.admin_id if story["submitted_on"] else None,
                "decided_on": story["decided_on"],
                "paid_amount": story["paid_amount"],
                "rejection_reason": story["rejection_reason"],
                "reference": f"CLM{rng.randrange(10**8):08d}" if story["submitted_on"] else "",
                "notes": "",
            }
            story["id"] = row["id"]
            yield row

    def payments(self) -> Iterator[dict[str, Any]]:
        """The patient's payment of a paid invoice, or the scheme's of a paid claim."""
        rng = random.Random(f"{self.params.seed}-payments")
        receipt = 0
        for bill in self.bills:
            story = bill["claim"]
            if story is not None and story["status"] is ClaimStatus.PAID:
                paid = dt.datetime.combine(story["decided_on"], dt.time(10), NAIROBI)
                method, amount, claim = PaymentMethod.SCHEME, story["paid_amount"], story["id"]
            elif bill["paid"] and story is None:
                paid = bill["at"] + dt.timedelta(minutes=rng.randrange(5, 40))
                method = _weighted(rng, PAY_METHODS, PAY_METHOD_CUM)
                amount, claim = bill["total"], None
            else:
                continue
            receipt += 1
            reference = ""
            if method is PaymentMethod.MOBILE_MONEY:  # an M-Pesa transaction code
                reference = "".join(
                    rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10)
                )
            yield self._synced(rng, paid.astimezone(dt.UTC)) | {
                "invoice_id": bill["invoice"],
                "patient_id": bill["patient"],
                "amount": amount,
                "method": method,
                "paid_at": paid.astimezone(dt.UTC),
                "received_by": self.admin_id,
                "receipt_number": f"RCT{receipt:06d}",
                "reference": reference,
                "claim_id": claim,
            }
        self.bills.clear()

    def tables(self) -> Iterator[tuple[Table, Callable[[], Iterator[dict[str, Any]]]]]:
        """Each table with its rows, parents before children."""
        tables = Base.metadata.tables
        yield tables["providers"], self.providers
        yield tables["appointment_types"], self.appointment_types
        yield tables["working_hours"], self.working_hours
        yield tables["patients"], self.patients
        yield tables["audit_events"], self.audit_events
        yield tables["appointments"], self.appointments
        yield tables["form_records"], self.form_records
        yield tables["facilities"], self.facilities
        yield tables["results"], self.results
        yield tables["result_relays"], self.result_relays
        yield tables["referrals"], self.referrals
        yield tables["care_plans"], self.care_plans
        yield tables["care_plan_items"], self.care_plan_items
        yield tables["coverage_schemes"], self.coverage_schemes
        yield tables["coverage_memberships"], self.coverage_memberships
        yield tables["coverage_checks"], self.coverage_checks
        yield tables["price_items"], self.price_items
        yield tables["invoices"], self.invoices
        yield tables["invoice_lines"], self.invoice_lines
        yield tables["diagnoses"], self.diagnoses
        yield tables["claims"], self.claims
        yield tables["payments"], self.payments


# --- building -----------------------------------------------------------------------------


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(itertools.islice(rows, size)):
        yield batch


def fill(
    engine: Engine,
    params: Params,
    clinic_id: uuid.UUID,
    admin_id: uuid.UUID,
    *,
    label: str = "",
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Write the generated clinic into `engine`'s database; returns row counts and seconds."""
    generator = Generator(params, clinic_id, admin_id)
    counts: dict[str, Any] = {}
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        # Loading connection only: the application's own connections keep synchronous=FULL.
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("PRAGMA cache_size = -300000")
        with conn.begin():  # the clinic bills in shillings (invoices carry it too)
            conn.execute(Base.metadata.tables["clinics"].update().values(currency=CURRENCY))
        for table, rows in generator.tables():
            started = time.perf_counter()
            total = 0
            for batch in _batches(rows(), CHUNK):
                with conn.begin():
                    conn.execute(insert(table), batch)
                total += len(batch)
            seconds = time.perf_counter() - started
            counts[table.name] = total
            counts[f"{table.name}_seconds"] = round(seconds, 1)
            say(f"  [{label}] {table.name}: {total:,} rows in {seconds:.1f} s")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


def _fill_worker(
    kind: str,
    root: str,
    params: Params,
    clinic_id: uuid.UUID,
    admin_id: uuid.UUID,
    copied: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    started = time.perf_counter()
    if kind == "encrypted":
        store = store_mod.unlock(DataPaths(Path(root)), ADMIN, PASSWORD)
        engine = store.engine
    else:
        paths = DataPaths(Path(root))
        paths.ensure()
        engine = make_plain_engine(paths.database)
        schema.upgrade(engine, before_upgrade=lambda _rev: None)
        with engine.begin() as conn:
            for name, rows in copied.items():
                conn.execute(insert(Base.metadata.tables[name]), rows)
    try:
        counts = fill(engine, params, clinic_id, admin_id, label=kind)
    finally:
        engine.dispose()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def ensure(params: Params, *, force: bool = False, say: Callable[[str], None] = print) -> BenchData:
    """The benchmark clinic for `params`: built now, or reused from an earlier build."""
    final = DATA / params.key()
    manifest_path = final / "manifest.json"
    if manifest_path.exists() and not force:
        return BenchData(final, params, json.loads(manifest_path.read_text()))
    building = DATA / (params.key() + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    started = time.perf_counter()
    say(f"Building a clinic of {params.patients:,} patients in {final} (seed {params.seed})")
    store, _recovery = store_mod.create(
        DataPaths(building / "store"),
        clinic_name="Benchmark Clinic",
        admin_username=ADMIN,
        admin_display_name="Benchmark Admin",
        password=PASSWORD,
        country=REGION,
    )
    assert store.actor is not None
    clinic_id, admin_id = store.clinic_id, store.actor.user_id
    copied: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for name in COPIED_TABLES:
            table = Base.metadata.tables[name]
            copied[name] = [dict(r._mapping) for r in conn.execute(select(table))]
    store.close()
    jobs = [
        ("encrypted", str(building / "store"), params, clinic_id, admin_id, copied),
        ("plain", str(building / "plain"), params, clinic_id, admin_id, copied),
    ]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        encrypted, plain = pool.starmap(_fill_worker, jobs)
    manifest = {
        "params": dataclasses.asdict(params),
        "generator_version": GENERATOR_VERSION,
        "schema_revision": schema.head_revision(),
        "password": PASSWORD,
        "admin": ADMIN,
        "region": REGION,
        "today": TODAY.isoformat(),
        "encrypted": encrypted,
        "plain": plain,
        "build_seconds": round(time.perf_counter() - started, 1),
        "database_bytes": (building / "store" / "outpost.db").stat().st_size,
    }
    (building / "manifest.json").write_text(json.dumps(manifest, indent=2))
    shutil.rmtree(final, ignore_errors=True)
    building.rename(final)
    say(f"Built in {manifest['build_seconds']} s: {final}")
    return BenchData(final, params, manifest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--patients", type=int, default=Params.patients)
    parser.add_argument("--seed", type=int, default=Params.seed)
    parser.add_argument(
        "--visits", type=float, default=1.0, help="scale of the visit history (default 1.0)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    data = ensure(Params(args.patients, args.seed, args.visits), force=args.force)
    print(json.dumps(data.manifest, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
