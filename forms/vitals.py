"""The vital signs a ``vitals`` field can record: unit, possible and plausible ranges.

Hard limits reject values no living patient can have (usually a typo such as 375 for
37.5 °C); plausible limits only warn, because a very sick patient can be outside them
and the coordinator must be able to confirm the value. Ranges span newborns to adults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Range:
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    unit: str
    hard: Range
    plausible: Range
    decimals: int
    parts: tuple[str, ...] = ()


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        # Blood pressure has two parts; each has its own ranges in PARTS below.
        Measure(
            "blood_pressure", "mmHg", Range(20, 300), Range(40, 220), 0, ("systolic", "diastolic")
        ),
        Measure("temperature", "°C", Range(25, 45), Range(34, 41.5), 1),
        Measure("pulse", "/min", Range(20, 300), Range(40, 180), 0),
        Measure("respiratory_rate", "/min", Range(4, 120), Range(8, 60), 0),
        Measure("weight", "kg", Range(0.3, 350), Range(0.5, 200), 1),
        Measure("height", "cm", Range(20, 250), Range(40, 210), 0),
        Measure("muac", "mm", Range(50, 600), Range(80, 450), 0),
        Measure("spo2", "%", Range(30, 100), Range(85, 100), 0),
    )
}

#: Ranges of the two blood pressure readings; diastolic must also stay below systolic.
PARTS: dict[str, Measure] = {
    "systolic": Measure("systolic", "mmHg", Range(40, 300), Range(70, 220), 0),
    "diastolic": Measure("diastolic", "mmHg", Range(20, 200), Range(40, 130), 0),
}
