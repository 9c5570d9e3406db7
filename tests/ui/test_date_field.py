"""The form's date field: its Calendar button shows its whole word beside the menu arrow."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QStyle, QWidget

from forms.library import shipped_library
from ui.form_fields import DateField, make_field_widget


def test_the_calendar_button_has_room_for_its_word_and_its_arrow(qtbot) -> None:
    definition = shipped_library().get("intake")
    host = QWidget()
    qtbot.addWidget(host)
    layout = QFormLayout(host)
    field = make_field_widget(definition.fields["visit_date"], definition, "en")
    assert isinstance(field, DateField)
    layout.addRow("Visit date", field)
    host.resize(500, 60)
    host.show()
    qtbot.waitExposed(host)
    pick = field.pick
    arrow = pick.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    word = pick.fontMetrics().horizontalAdvance(pick.text())
    # The word, the arrow drawn inside the button, and a little margin on each side.
    assert pick.width() >= word + arrow + 2 * 6
