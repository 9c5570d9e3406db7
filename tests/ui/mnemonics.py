"""Alt+letter mnemonics: what a window shows at once (its menu bar, tab bar, buttons and the
labels that name a field) must not share a letter, or Alt+that letter reaches only one."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("Pa&per size" → "p"); "&&" is a plain ampersand."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    # Disabled counts: a button greyed out until something is selected clashes once it is not.
    return widget.isVisibleTo(window)


def shown_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every mnemonic `window` offers now, by letter, with the texts that carry it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    for bar in window.findChildren(QMenuBar):
        if _shown(bar, window):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text())
    for tabs in window.findChildren(QTabBar):
        if _shown(tabs, window):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    add(tabs.tabText(index))
    for button in window.findChildren(QAbstractButton):
        if _shown(button, window) and not isinstance(button.parent(), QTabBar):
            add(button.text())
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if _shown(label, window) and buddy is not None and _shown(buddy, window):
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if _shown(box, window) and box.isCheckable():
            add(box.title())
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The letters two or more of the window's shown texts share."""
    return {k: v for k, v in shown_mnemonics(window).items() if len(v) > 1}
