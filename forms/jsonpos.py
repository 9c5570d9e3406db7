"""Find where a JSON path sits in a file, so errors can name a line a person can open.

The standard json module forgets positions once parsing succeeds. This is a small
second parser used only when a definition has problems; it records the line and
column where every value (and every object key) starts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

PathKey = str | int
Path = tuple[PathKey, ...]


def format_path(path: Sequence[PathKey]) -> str:
    """``("sections", 0, "id")`` -> ``$.sections[0].id``."""
    out = ["$"]
    for key in path:
        if isinstance(key, int):
            out.append(f"[{key}]")
        elif key.isidentifier():
            out.append(f".{key}")
        else:
            out.append(f"[{key!r}]")
    return "".join(out)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.values: dict[Path, int] = {}
        self.duplicates: list[Path] = []

    def ws(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\r\n\ufeff":
            pos += 1
        self.pos = pos

    def value(self, path: Path) -> None:
        self.ws()
        self.values.setdefault(path, self.pos)
        if self.pos >= len(self.text):
            raise ValueError("unexpected end")
        char = self.text[self.pos]
        if char == "{":
            self.obj(path)
        elif char == "[":
            self.arr(path)
        elif char == '"':
            self.string()
        else:
            start = self.pos
            while self.pos < len(self.text) and self.text[self.pos] not in ",]} \t\r\n":
                self.pos += 1
            if self.pos == start:
                raise ValueError("unexpected character")

    def string(self) -> str:
        start = self.pos + 1
        pos = start
        text = self.text
        chunks: list[str] = []
        while pos < len(text) and text[pos] != '"':
            if text[pos] == "\\":
                chunks.append(text[start:pos])
                escape = text[pos + 1 : pos + 2]
                if escape == "u":
                    chunks.append(chr(int(text[pos + 2 : pos + 6], 16)))
                    pos += 6
                else:
                    chunks.append(
                        {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(escape, escape)
                    )
                    pos += 2
                start = pos
            else:
                pos += 1
        chunks.append(text[start:pos])
        self.pos = pos + 1
        return "".join(chunks)

    def obj(self, path: Path) -> None:
        self.pos += 1
        seen: set[str] = set()
        while True:
            self.ws()
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            key_pos = self.pos
            key = self.string()
            child = (*path, key)
            if key in seen:
                self.duplicates.append(child)
                self.values[child] = key_pos
            seen.add(key)
            self.ws()
            self.pos += 1  # the colon
            self.value(child)
            self.ws()
            if self.text[self.pos] == ",":
                self.pos += 1

    def arr(self, path: Path) -> None:
        self.pos += 1
        index = 0
        while True:
            self.ws()
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            self.value((*path, index))
            index += 1
            self.ws()
            if self.text[self.pos] == ",":
                self.pos += 1


class Positions:
    """Line/column lookup for the JSON paths of one document (that parsed successfully)."""

    def __init__(self, text: str) -> None:
        scanner = _Scanner(text)
        # Positions found before any trouble are still useful, so errors are swallowed.
        with contextlib.suppress(ValueError, IndexError):
            scanner.value(())
        self._text = text
        self._values = scanner.values
        self.duplicates: list[Path] = scanner.duplicates

    def locate(self, path: Sequence[PathKey]) -> tuple[int, int] | None:
        """(line, column), 1-based, of the value at ``path`` or of its nearest ancestor."""
        probe = tuple(path)
        while True:
            offset = self._values.get(probe)
            if offset is not None:
                return line_column(self._text, offset)
            if not probe:
                return None
            probe = probe[:-1]


def line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
