"""An ICD-10 field that searches as you type, by code ("B5": the B50–B58 categories) or by
words ("malaria": B54 and its neighbours), off the GUI thread.

The WHO classification is indexed once per process (`icd10.warm_up`, a couple of seconds):
that and every search run on a thread of their own, never the database thread (a search is
pure: it reads no store) and never the GUI thread, so typing never waits. Searches are
debounced and only the latest query is kept while one runs, as in `ui.live_search`.

Choosing a line (Enter, a double click, or "Add") asks the owner to code it
(`code_chosen`); the owner sends the code to the core, and when the core answers that a
category needs its subcategory (`icd10.NeedsSubcategory`), `offer_choices` lists them here.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.util import FieldError, is_alive

if TYPE_CHECKING:
    from desktop.services.icd10 import Icd10Code
    from ui.tasks import TaskRunner

DEBOUNCE_MS = 150
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Icd10Field", text)


@functools.cache
def _pool() -> ThreadPoolExecutor:
    """One thread for the classification in the whole process (its index is shared)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="outpost-icd10")


def warm_up() -> None:
    """Build the index now, on the ICD-10 thread (the first search would wait for it)."""
    from desktop.services import icd10

    _pool().submit(icd10.warm_up)


class Icd10Field(QWidget):
    code_chosen = Signal(str)  # the code of the line chosen ("J18.9", or "J18" to be refined)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.query = ""
        self.shown_query: str | None = None  # the query whose hits the list shows
        self.running: str | None = None
        self.searches_run = 0
        self.edit = QLineEdit()
        self.edit.setObjectName("icd10_query")
        self.edit.setPlaceholderText(_tr("a code (J18.9, B5) or words (malaria)"))
        self.edit.setAccessibleName(_tr("ICD-10 diagnosis"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self.set_query)
        self.edit.returnPressed.connect(self.choose_current)
        self.edit.installEventFilter(self)
        self.hits = QListWidget()
        self.hits.setObjectName("icd10_hits")
        self.hits.setAccessibleName(_tr("ICD-10 codes found"))
        self.hits.setAlternatingRowColors(True)
        self.hits.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # arrows reach it from the field
        self.hits.itemActivated.connect(lambda item: self._choose(item))
        self.hits.setMinimumHeight(self.hits.fontMetrics().lineSpacing() * 6)
        self.error = FieldError().attach(self.edit)
        self.error.setObjectName("icd10_error")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.hits, 1)
        self.setFocusProxy(self.edit)

    # -- searching --

    def set_query(self, text: str) -> None:
        self.error.clear_message()
        self.query = text.strip()
        if not self.query:
            self._timer.stop()
            self._show("", [])
            return
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        if not self.query or self.running is not None:
            return  # the running search looks at self.query when it comes back
        from desktop.services import icd10

        query = self.query
        self.running = query
        self.searches_run += 1
        future = _pool().submit(icd10.search, query)

        def back(_future: object) -> None:  # on the ICD-10 thread
            try:
                found, error = future.result(), None
            except Exception as exc:  # shown beside the field, never lost on a thread
                found, error = [], exc
            self.tasks.run_on_main(lambda: self._done(query, found, error))

        future.add_done_callback(back)

    def _done(self, query: str, found: list[Icd10Code], error: BaseException | None) -> None:
        if not is_alive(self):
            return
        self.running = None
        if query != self.query:
            self._fire()  # typed on meanwhile: ask for what the field holds now
            return
        if error is not None:
            from ui.errors import error_text

            self.error.show_message(error_text(error))
            return
        self._show(query, found)

    def _show(self, query: str, found: list[Icd10Code]) -> None:
        self.shown_query = query
        self.hits.clear()
        for code in found:
            self.hits.addItem(self._item(code))
        if found:
            self.hits.setCurrentRow(0)

    def _item(self, code: Icd10Code) -> QListWidgetItem:
        text = f"{code.code}   {code.title}"
        if not code.billable:
            text += "   " + _tr("(choose a subcategory)")
        item = QListWidgetItem(text)
        item.setData(CODE_ROLE, code.code)
        return item

    def codes_shown(self) -> list[str]:
        return [self.hits.item(i).data(CODE_ROLE) for i in range(self.hits.count())]

    # -- choosing --

    def offer_choices(self, message: str, choices: tuple[Icd10Code, ...]) -> None:
        """The core asked for one more digit: its subcategories, the first one current."""
        self._timer.stop()
        self.error.show_message(message)
        self.shown_query = None
        self.hits.clear()
        for code in choices:
            self.hits.addItem(self._item(code))
        if choices:
            self.hits.setCurrentRow(0)
        self.edit.setFocus()

    def show_problem(self, message: str) -> None:
        self.error.show_message(message)
        self.edit.setFocus()

    def choose_current(self) -> None:
        """Enter: the line shown current, else the code typed as it is (the core checks it)."""
        item = self.hits.currentItem()
        typed = self.edit.text().strip()
        if item is not None and (self.shown_query == self.query or self.shown_query is None):
            self._choose(item)
        elif typed:
            self.code_chosen.emit(typed)

    def _choose(self, item: QListWidgetItem) -> None:
        self.code_chosen.emit(str(item.data(CODE_ROLE)))

    def clear(self) -> None:
        self.edit.clear()
        self.set_query("")
        self.error.clear_message()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the field move through the codes found, as in a completer.
        if watched is self.edit and isinstance(event, QKeyEvent):
            key = event.key()
            if (
                event.type() == QEvent.Type.KeyPress
                and key in (Qt.Key.Key_Down, Qt.Key.Key_Up)
                and self.hits.count()
            ):
                step = 1 if key == Qt.Key.Key_Down else -1
                current = max(0, min(self.hits.count() - 1, self.hits.currentRow() + step))
                self.hits.setCurrentRow(current)
                return True
        return super().eventFilter(watched, event)
