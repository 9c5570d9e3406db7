"""The print preview: a PDF made by forms/ (ReportLab) shown inside Outpost, printed through
the system's printer dialog, or saved as a PDF file.

PySide6-Essentials has no QtPdf, so pages are drawn by PDFium (the `pypdfium2` package, the
PDF engine of Chromium: BSD/Apache licensed, a few MB, in-process). The PDF never touches
the disk unless the person saves it: no temporary file, no external viewer. PDFium is not
thread-safe, so every call to it holds one lock.

Producing the PDF reads the store, so it runs on the database thread; printing (pages drawn
at the printer's resolution, up to 300 dpi, onto the QPrinter — QPainter may paint on a
QPrinter outside the GUI thread) and saving run on a separate print thread, with progress
and Cancel when they take a while.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from forms.render.merge import PDFIUM_LOCK, merge_pdfs
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import add_shortcut, is_alive, make_button

PREVIEW_DPI = 96.0
MAX_PRINT_DPI = 300
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}
_PDFIUM_LOCK = PDFIUM_LOCK  # one lock for every use of PDFium in the process


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


class PreviewUnavailable(Exception):
    pass


class PrinterUnavailable(OSError):
    """No printer is set up, or the one chosen could not be started."""


def documents_folder() -> str:
    """Where a save dialog opens the first time: the person's Documents folder."""
    import platformdirs

    return platformdirs.user_documents_dir()


def has_printer() -> bool:
    return bool(QPrinterInfo.availablePrinterNames())


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError as exc:  # pragma: no cover - the installer always brings it
        raise PreviewUnavailable(
            _tr("This installation of Outpost cannot show PDFs (pypdfium2 is missing).")
        ) from exc
    return pypdfium2


class PdfPages:
    """A PDF held in memory: page sizes and pages drawn as images, from any thread."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        pdfium = _pdfium()
        with _PDFIUM_LOCK:
            self._doc = pdfium.PdfDocument(data)
            self.sizes = [self._doc[i].get_size() for i in range(len(self._doc))]

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    def render(self, index: int, dpi: float) -> QImage:
        with _PDFIUM_LOCK:
            page = self._doc[index]
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            channels = bitmap.n_channels
            buffer = bytes(bitmap.buffer)
        image_format = (
            QImage.Format.Format_RGB888 if channels == 3 else QImage.Format.Format_RGBA8888
        )
        return QImage(buffer, width, height, stride, image_format).copy()

    def close(self) -> None:
        with _PDFIUM_LOCK:
            self._doc.close()


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    *,
    first: int = 1,
    last: int = 0,
    copies: int = 1,
    task: TaskContext | None = None,
) -> int:
    """Draw pages `first`..`last` (1-based; 0 = to the end) on `printer`, each as an image
    at the printer's resolution (at most 300 dpi). Returns the number of sheets sent."""
    last = last or pages.page_count
    indexes = list(range(max(1, first) - 1, min(last, pages.page_count)))
    dpi = min(MAX_PRINT_DPI, max(72, printer.resolution()))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterUnavailable(_tr("The printer could not be started."))
    sent = 0
    try:
        total = len(indexes) * copies
        for copy in range(copies):
            for n, index in enumerate(indexes):
                done = copy * len(indexes) + n
                if task is not None:
                    task.progress(
                        _tr("Printing page {page} of {pages}…").format(page=done + 1, pages=total),
                        done / max(1, total),
                    )
                if sent:
                    printer.newPage()
                image = pages.render(index, dpi)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), scaled), image)
                sent += 1
    finally:
        painter.end()
    return sent


class _Page(QLabel):
    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.zoom_drawn: float | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: white; border: 1px solid #9a9a9a;")
        self.setAccessibleName(_tr("Page {page}").format(page=index + 1))


# The kind of function a preview is made from: on the database thread, given the language
# and paper, return the PDF (or a function the GUI thread calls to make it).
Producer = Callable[[TaskContext, str, str], "bytes | Callable[[], bytes]"]


class PrintPreviewDialog(QDialog):
    """Shows a PDF with page navigation and zoom; Print… and Save as PDF…"""

    loaded = Signal(int)  # page count, each time a PDF is shown
    saved = Signal(str)  # path
    printed = Signal(int)  # sheets sent

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskRunner,
        print_tasks: TaskRunner,
        title: str,
        produce: Producer,
        *,
        languages: Sequence[str] = (),
        lang: str = "en",
        paper: str = "a4",
        file_name: str = "outpost.pdf",
        patient_data: bool = True,
        folder: str = "",
        remember_folder: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder or documents_folder()
        self.remember_folder = remember_folder
        self.printer_box: QMessageBox | None = None
        self.tasks = tasks
        self.print_tasks = print_tasks
        self.produce = produce
        self.lang = lang
        self.paper = paper
        self.file_name = file_name
        self.patient_data = patient_data
        self.pages: PdfPages | None = None
        self.page_widgets: list[_Page] = []
        self.zoom = 1.0
        self.fit = "width"
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.warning_box: QMessageBox | None = None
        self._generation = 0
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(_tr("Print preview — {title}").format(title=title))
        self.setAccessibleName(self.windowTitle())
        self._build(languages)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(30)
        self._render_timer.timeout.connect(self._render_visible)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._scrolled)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(
            QSize(min(900, screen.width() - 80), screen.height() - 60)
            if screen
            else QSize(860, 700)
        )
        self.reload()

    # -- building --

    def _build(self, languages: Sequence[str]) -> None:
        self.previous = QToolButton()
        self.previous.setText("◀")
        self.previous.setAccessibleName(_tr("Previous page"))
        self.previous.setToolTip(_tr("Previous page (Page Up)"))
        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next = QToolButton()
        self.next.setText("▶")
        self.next.setAccessibleName(_tr("Next page"))
        self.next.setToolTip(_tr("Next page (Page Down)"))
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_number = QSpinBox()
        self.page_number.setAccessibleName(_tr("Page number"))
        self.page_number.setMinimum(1)
        self.page_number.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.page_total = QLabel()
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName(_tr("Zoom"))
        self.zoom_box.addItem(_tr("Fit width"), "width")
        self.zoom_box.addItem(_tr("Whole page"), "page")
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{round(zoom * 100)} %", zoom)
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName(_tr("Paper size"))
        self.paper_box.addItem("A4", "a4")
        self.paper_box.addItem("Letter", "letter")
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(self.paper)))
        self.paper_box.currentIndexChanged.connect(self._options_changed)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_tr("Language"))
        for lang in languages:
            self.language_box.addItem(LANGUAGE_NAMES.get(lang, lang), lang)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.lang)))
        self.language_box.setVisible(len(languages) > 1)
        self.language_box.currentIndexChanged.connect(self._options_changed)

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        page_label = QLabel(_tr("Page"))
        page_label.setBuddy(self.page_number)
        bar.addWidget(page_label)
        bar.addWidget(self.page_number)
        bar.addWidget(self.page_total)
        bar.addWidget(self.next)
        bar.addSpacing(16)
        zoom_label = QLabel(_tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom_box)
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        paper_label = QLabel(_tr("P&aper:"))
        paper_label.setBuddy(self.paper_box)
        bar.addWidget(paper_label)
        bar.addWidget(self.paper_box)
        language_label = QLabel(_tr("&Language:"))
        language_label.setBuddy(self.language_box)
        language_label.setVisible(len(languages) > 1)
        bar.addWidget(language_label)
        bar.addWidget(self.language_box)

        self.column = QWidget()
        self.column.setObjectName("preview_pages")
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setSpacing(14)
        self.column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.column)
        self.scroll_area.setStyleSheet("QScrollArea { background: #6e6e6e; }")
        self.column.setStyleSheet("#preview_pages { background: #6e6e6e; }")
        self.scroll_area.setAccessibleName(_tr("Pages"))
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        self.state = QLabel()
        self.state.setObjectName("preview_state")
        self.state.setWordWrap(True)
        self.print_button = make_button(
            _tr("&Print…"), self.print_, shortcut=QKeySequence.StandardKey.Print, default=True
        )
        self.save_button = make_button(
            _tr("&Save as PDF…"), self.save_as, shortcut=QKeySequence.StandardKey.Save
        )
        self.close_button = make_button(_tr("Close"), self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        add_shortcut(self, "Ctrl++", lambda: self.step_zoom(+1))
        add_shortcut(self, "Ctrl+=", lambda: self.step_zoom(+1))
        add_shortcut(self, "Ctrl+-", lambda: self.step_zoom(-1))
        add_shortcut(
            self,
            QKeySequence.StandardKey.MoveToPreviousPage,
            lambda: self.go_to(self.current_page() - 1),
        )
        add_shortcut(
            self,
            QKeySequence.StandardKey.MoveToNextPage,
            lambda: self.go_to(self.current_page() + 1),
        )
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.pages is not None and self.pages.page_count > 0
        for widget in (self.print_button, self.save_button, self.page_number, self.zoom_box):
            widget.setEnabled(ready)
        self.paper_box.setEnabled(not busy)
        self.language_box.setEnabled(not busy)

    # -- producing the PDF --

    def reload(self) -> None:
        """Make the PDF again (first opening, other paper or language)."""
        self._generation += 1
        generation = self._generation
        produce, lang, paper = self.produce, self.lang, self.paper
        self._set_busy(True)
        self.state.setText(_tr("Preparing the pages…"))

        def work(task: TaskContext) -> bytes | Callable[[], bytes]:
            return produce(task, lang, paper)

        def done(result: bytes | Callable[[], bytes]) -> None:
            if generation != self._generation:
                return
            data = result() if callable(result) else result
            self.show_pdf(data)

        def failed(error: BaseException) -> None:
            from ui.errors import show_error

            self.state.setText("⚠ " + _tr("The pages could not be prepared."))
            show_error(self, error)

        Operation(
            self, self.tasks, work, label=_tr("Preparing the pages…"), cancellable=True
        ).success(done).failure(failed).finished(lambda: self._set_busy(False)).run()

    def show_pdf(self, data: bytes) -> None:
        try:
            pages = PdfPages(data)
        except PreviewUnavailable as exc:
            self.state.setText("⚠ " + str(exc))
            return
        if self.pages is not None:
            self.pages.close()
        self.pages = pages
        self.pdf = data
        for widget in self.page_widgets:
            widget.deleteLater()
        self.page_widgets = []
        for index in range(pages.page_count):
            widget = _Page(index)
            self.page_widgets.append(widget)
            self.column_layout.addWidget(widget)
        self.page_number.blockSignals(True)
        self.page_number.setMaximum(max(1, pages.page_count))
        self.page_number.setValue(1)
        self.page_number.blockSignals(False)
        self.page_total.setText(_tr("of {pages}").format(pages=pages.page_count))
        self.state.setText(_tr("Pages: {count}").format(count=pages.page_count))
        self._layout_pages()
        self._set_busy(False)
        self.loaded.emit(pages.page_count)

    def _options_changed(self, _index: int) -> None:
        self.paper = self.paper_box.currentData() or self.paper
        self.lang = self.language_box.currentData() or self.lang
        self.reload()

    # -- showing pages --

    def _zoom_for(self, index: int) -> float:
        if self.pages is None:
            return 1.0
        width_pt, height_pt = (float(v) for v in self.pages.sizes[index])
        scale = PREVIEW_DPI / 72.0
        viewport = self.scroll_area.viewport().size()
        if self.fit == "width":
            return max(0.2, (viewport.width() - 40) / (width_pt * scale))
        if self.fit == "page":
            return max(
                0.2,
                min(
                    (viewport.width() - 40) / (width_pt * scale),
                    (viewport.height() - 24) / (height_pt * scale),
                ),
            )
        return self.zoom

    def _layout_pages(self) -> None:
        if self.pages is None:
            return
        ratio = self.devicePixelRatioF()
        for widget in self.page_widgets:
            width_pt, height_pt = self.pages.sizes[widget.index]
            zoom = self._zoom_for(widget.index)
            size = QSize(
                round(width_pt * PREVIEW_DPI / 72.0 * zoom),
                round(height_pt * PREVIEW_DPI / 72.0 * zoom),
            )
            widget.setFixedSize(size)
            if widget.zoom_drawn is not None and abs(widget.zoom_drawn - zoom * ratio) > 1e-3:
                widget.zoom_drawn = None  # drawn again when scrolled into view
        self._render_timer.start(0)

    def _render_visible(self) -> None:
        if self.pages is None:
            return
        ratio = self.devicePixelRatioF()
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        for widget in self.page_widgets:
            y = widget.y()
            if y + widget.height() < top - 200 or y > bottom + 200:
                continue
            zoom = self._zoom_for(widget.index) * ratio
            if widget.zoom_drawn is not None and abs(widget.zoom_drawn - zoom) < 1e-3:
                continue
            image = self.pages.render(widget.index, PREVIEW_DPI * zoom)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            widget.setPixmap(pixmap)
            widget.zoom_drawn = zoom

    def rendered_pages(self) -> int:
        return sum(1 for w in self.page_widgets if w.zoom_drawn is not None)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fit in ("width", "page"):
            self._layout_pages()

    def _scrolled(self, _value: int) -> None:
        self._render_timer.start()
        current = self.current_page()
        if self.page_number.value() != current + 1:
            self.page_number.blockSignals(True)
            self.page_number.setValue(current + 1)
            self.page_number.blockSignals(False)

    def current_page(self) -> int:
        top = (
            self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height() // 3
        )
        for widget in self.page_widgets:
            if widget.y() + widget.height() + 7 >= top:
                return widget.index
        return max(0, len(self.page_widgets) - 1)

    def go_to(self, index: int, *, retries: int = 10) -> None:
        if not self.page_widgets:
            return
        index = max(0, min(index, len(self.page_widgets) - 1))
        bar = self.scroll_area.verticalScrollBar()
        target = max(0, self.page_widgets[index].y() - 7)
        bar.setValue(target)
        if (bar.value() != target or self.current_page() != index) and retries:
            # Pages just made or resized: scroll again once the layout has caught up.
            QTimer.singleShot(20, lambda: self.go_to(index, retries=retries - 1))
        self._render_timer.start(0)

    def _zoom_chosen(self, _index: int) -> None:
        choice = self.zoom_box.currentData()
        if choice in ("width", "page"):
            self.fit = choice
        else:
            self.fit = ""
            self.zoom = float(choice)
        self._layout_pages()

    def step_zoom(self, step: int) -> None:
        current = self._zoom_for(self.current_page())
        if step > 0:
            target = next((z for z in ZOOMS if z > current + 0.01), ZOOMS[-1])
        else:
            target = next((z for z in reversed(ZOOMS) if z < current - 0.01), ZOOMS[0])
        self.zoom_box.setCurrentIndex(self.zoom_box.findData(target))

    # -- printing --

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = QPageSize.PageSizeId.Letter if self.paper == "letter" else QPageSize.PageSizeId.A4
        printer.setPageLayout(
            QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setDocName(self.windowTitle())
        return printer

    def print_(self) -> None:
        """The system's printer dialog (window-modal, not blocking); prints on OK."""
        if self.pages is None:
            return
        if not has_printer():
            self.printer_unavailable()
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setWindowTitle(_tr("Print"))
        dialog.setMinMax(1, self.pages.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        dialog.show()  # window-modal: the event loop (and the auto-lock) keep running

    def print_to(self, printer: QPrinter) -> Operation[int] | None:
        """Send the pages to `printer` on the print thread, with progress and Cancel."""
        pages = self.pages
        if pages is None:
            return None
        first, last = printer.fromPage(), printer.toPage()
        copies = 1
        if printer.copyCount() > 1 and not printer.supportsMultipleCopies():
            copies = printer.copyCount()  # the driver cannot: send each copy ourselves
        self.print_button.setEnabled(False)
        self.state.setText(_tr("Printing…"))

        def work(task: TaskContext) -> int:
            return print_pages(pages, printer, first=first, last=last, copies=copies, task=task)

        def done(sent: int) -> None:
            self.state.setText(_tr("Pages sent to the printer: {count}").format(count=sent))
            self.printed.emit(sent)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):
                self.printer_unavailable()
            else:
                from ui.errors import show_error

                self.state.setText("")
                show_error(self, error)

        return (
            Operation(self, self.print_tasks, work, label=_tr("Printing…"), cancellable=True)
            .success(done)
            .failure(failed)
            .finished(lambda: self.print_button.setEnabled(True))
            .run()
        )

    def printer_unavailable(self) -> QMessageBox:
        """Say the printer could not be started, and offer to save the pages as a PDF."""
        self.state.setText("⚠ " + _tr("The printer could not be started."))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Print"))
        box.setText(_tr("The printer could not be started."))
        box.setInformativeText(
            _tr(
                "Check that a printer is set up on this laptop, connected and switched on, "
                "then try again. Or save the pages as a PDF, to print them later or from "
                "another computer."
            )
        )
        save = box.addButton(_tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(_tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(close)
        box.setAccessibleName(box.windowTitle())
        box.setAccessibleDescription(box.text())
        box.buttonClicked.connect(lambda button: self.save_as() if button is save else None)
        self.printer_box = box
        box.open()
        return box

    # -- saving --

    def save_as(self) -> None:
        if self.pages is None:
            return
        if not self.patient_data:
            self._choose_file()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Save as PDF"))
        box.setText(_tr("The PDF file is not encrypted."))
        box.setInformativeText(
            _tr(
                "Anyone who opens the file can read the patient's information in it. Save it "
                "only where it must go, and delete it once it is no longer needed."
            )
        )
        yes = box.addButton(_tr("Save the PDF"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.setAccessibleName(box.windowTitle())
        box.buttonClicked.connect(lambda button: self._choose_file() if button is yes else None)
        self.warning_box = box
        box.open()

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, _tr("Save as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(_tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        # The last folder a PDF was saved in (Documents the first time), never the
        # program's own folder.
        dialog.setDirectory(self.folder)
        dialog.selectFile(self.file_name)
        dialog.fileSelected.connect(self.save_to)
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: str | Path) -> Operation[None] | None:
        """Write the PDF atomically (owner-only permissions) on the print thread."""
        from desktop.atomic import write_atomic

        data = getattr(self, "pdf", None)
        if data is None or not str(path):
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")

        def work(_task: TaskContext) -> None:
            write_atomic(target, data)

        def done(_none: None) -> None:
            self.state.setText(_tr("Saved as {path}").format(path=str(target)))
            self.folder = str(target.parent)
            if self.remember_folder is not None:
                self.remember_folder(self.folder)
            self.saved.emit(str(target))

        return (
            Operation(self, self.print_tasks, work, label=_tr("Saving the PDF…"))
            .success(done)
            .run()
        )

    def closeEvent(self, event: Any) -> None:
        self._generation += 1
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.pages is not None and is_alive(self):
            pages, self.pages = self.pages, None
            # The print thread may still be drawing from it: close after it is done.
            self.print_tasks.submit(lambda: pages.close(), lambda _r, _e: None)
        super().done(result)


__all__ = [
    "PdfPages",
    "PreviewUnavailable",
    "PrintPreviewDialog",
    "PrinterUnavailable",
    "documents_folder",
    "merge_pdfs",
    "print_pages",
]
