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
from desktop.store import name_index, schema
from desktop.store import store as store_mod
from desktop.store.engine import PRAGMAS
from desktop.store.models import AppointmentStatus, Base, FormStatus, Sex

GENERATOR_VERSION = 4  # 3: every row stamped (hlc) so that the clinic can sync; 4: spellings
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
                if status is AppointmentStatus.COMPLETED:
                    self.completed.append((patient, starts))
                yield self._synced(rng, booked) | {
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
