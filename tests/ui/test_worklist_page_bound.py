"""The worklist page with a group longer than the core's limit: the heading counts every
line, a last line says how many more there are, the side list counts them all."""

from __future__ import annotations

from tests.ui.followup_data import WAIT, patient, received_result
from tests.ui.test_worklist_page import lines, open_worklist
from ui.main_window import WORKLIST
from ui.worklist_page import ITEM_ROLE


def test_a_group_beyond_the_limit_shows_its_true_count_and_how_many_more(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    for name in ("Akoth", "Baraka", "Chebet"):
        received_result(core, patient(core, name))
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(
        lambda: page.worklist is not None and len(page.worklist.items) == 3, timeout=WAIT
    )

    page.show_worklist(core.worklist.today(limit=1))  # as the core bounds a long group

    [(title, rows)] = lines(page)
    assert title == "Result to relay — 3"
    assert len(rows) == 2 and rows[0][0].endswith("Onyango")
    assert rows[1][0] == "and 2 more — the longest waiting are shown"
    more = page.model.item(0).child(1)
    assert not more.isSelectable() and more.data(ITEM_ROLE) is None
    assert signed_in.window.nav.item(WORKLIST).text() == "Worklist (3)"
    assert page.summary.text().startswith("3 things to do")
