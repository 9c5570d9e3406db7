"""The small bar chart of changes received per day, as geometry for an inline SVG (drawn
by the template). Bars are scaled to the busiest day; a day with changes always gets a
visible bar, however small beside the others."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 238
HEIGHT = 64  # the tallest bar
TOP = 14  # room above it for its count
BASE = TOP + HEIGHT  # the baseline; the day labels go below it
BAR = 24
GAP = 10
MIN_BAR = 2


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    count: int
    label: str


def bars(counts: list[int], labels: list[str]) -> list[Bar]:
    top = max(counts, default=0)
    out = []
    for i, (n, label) in enumerate(zip(counts, labels, strict=True)):
        h = 0 if top == 0 or n == 0 else max(MIN_BAR, round(HEIGHT * n / top))
        out.append(Bar(GAP // 2 + i * (BAR + GAP), BASE - h, h, n, label))
    return out
