"""The recovery key sheet's print preview (the set-up wizard's): the same preview as every
print, with a save warning about the clinic's key rather than a patient's information."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.print_preview import PrintPreviewDialog


class RecoveryKeyPreview(PrintPreviewDialog):
    """The recovery key sheet's preview: saving it warns about the clinic's key (the sheet
    holds no patient's information, but it opens every record)."""

    def save_as(self) -> None:
        if self.pages is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Save as PDF"))
        box.setText(self.tr("The PDF file is not encrypted."))
        box.setInformativeText(
            self.tr(
                "Anyone who opens the file can read the clinic's recovery key, which opens "
                "every record of the clinic. Print it rather than keep the file; if you save "
                "it, keep it only on a USB stick locked away, never on this laptop."
            )
        )
        yes = box.addButton(self.tr("Save the PDF"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.setAccessibleName(box.windowTitle())
        box.buttonClicked.connect(lambda button: self._choose_file() if button is yes else None)
        self.warning_box = box
        box.open()
