"""Administrators: what the clinic bills in — its currency (ISO 4217, set once: the price
list and invoices hold amounts in it) and its price list (code, name, category, price; an
item no longer charged is taken off the list, never deleted, so old invoices still name it).

Read and written through `core.admin` (the currency) and `core.billing` (the price list);
the core refuses what an administrator may not do, and its words are shown. The panel
redraws from the change events.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import CLINIC
from ui.errors import error_text, show_error
from ui.followup_dialogs import FollowupDialog
from ui.invoice_screen import fill, selected, table, typed_amount
from ui.util import FieldError, buddy_label, is_alive, make_button, row

if TYPE_CHECKING:
    from desktop.app.billing import PriceRow
    from desktop.changes import Changes
    from ui.context import ClinicContext

# Offered first in the currency list: the clinics Outpost serves (any ISO code may be typed).
COMMON_CURRENCIES = (
    "KES",
    "TZS",
    "UGX",
    "RWF",
    "BIF",
    "ETB",
    "XOF",
    "XAF",
    "CDF",
    "MWK",
    "ZMW",
    "MZN",
    "NGN",
    "GHS",
    "USD",
    "EUR",
)
_KINDS = (CLINIC, "price_items")


class PriceListPanel(QWidget):
    def __init__(self, ctx: ClinicContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ""
        self.prices: tuple[PriceRow, ...] = ()
        self.loads = 0

        # -- the currency --
        self.currency_field = QComboBox()
        self.currency_field.setObjectName("clinic_currency")
        self.currency_field.setEditable(True)
        self.currency_field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_field.addItem("", "")
        for code in COMMON_CURRENCIES:
            self.currency_field.addItem(f"{code} — {self._name(code)}", code)
        self.currency_field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 44)
        self.currency_error = FieldError().attach(self.currency_field)
        self.currency_note = QLabel()
        self.currency_note.setObjectName("currency_note")
        self.currency_note.setWordWrap(True)
        self.save_currency_button = make_button(self.tr("Save the currenc&y"), self.save_currency)
        self.save_currency_button.setObjectName("save_currency")
        money_box = QGroupBox(self.tr("Money"))
        form = QFormLayout(money_box)
        cell = QVBoxLayout()
        cell.setSpacing(1)
        cell.addWidget(self.currency_field)
        cell.addWidget(self.currency_error)
        form.addRow(buddy_label(self.tr("Curr&ency:"), self.currency_field), cell)
        form.addRow(self.currency_note)
        form.addRow(row(self.save_currency_button, None))

        # -- the price list --
        self.list = table(
            "price_items",
            [
                self.tr("Code"),
                self.tr("Item"),
                self.tr("Category"),
                self.tr("Price"),
                self.tr("On the list"),
            ],
            1,
        )
        self.list.setAccessibleName(self.tr("Price list"))
        self.list.itemSelectionChanged.connect(self._sync)
        self.list.itemActivated.connect(lambda _item: self.change_item())
        self.show_inactive = QCheckBox(self.tr("Sho&w items taken off the list"))
        self.show_inactive.setObjectName("show_inactive_prices")
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.add_button = make_button(self.tr("Add an i&tem…"), self.add_item)
        self.add_button.setObjectName("price_add")
        self.change_button = make_button(self.tr("&Change…"), self.change_item)
        self.change_button.setObjectName("price_change")
        self.active_button = make_button(self.tr("Ta&ke off the list"), self.toggle_active)
        self.active_button.setObjectName("price_active")
        prices_box = QGroupBox(self.tr("Price list"))
        box = QVBoxLayout(prices_box)
        intro = QLabel(
            self.tr(
                "What the clinic charges. An invoice copies an item's price when the line is "
                "added: a new price applies to new lines only."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        box.addWidget(self.list, 1)
        box.addWidget(self.show_inactive)
        box.addLayout(row(self.add_button, self.change_button, self.active_button, None))

        layout = QVBoxLayout(self)
        layout.addWidget(money_box)
        layout.addWidget(prices_box, 1)
        chain: list[QWidget] = [
            self.currency_field,
            self.save_currency_button,
            self.list,
            self.show_inactive,
            self.add_button,
            self.change_button,
            self.active_button,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        ctx.changes.changed.connect(self._on_changes)
        self._sync()

    def _name(self, code: str) -> str:
        from desktop.money import currency_name

        return currency_name(code, self.ctx.core.settings.language or "en")

    # -- reading --

    def activated(self) -> None:
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*_KINDS) and is_alive(self) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        inactive = self.show_inactive.isChecked()

        def read(core: Any) -> tuple[str, tuple[PriceRow, ...]]:
            return core.billing.currency(), core.billing.prices(include_inactive=inactive)

        self.ctx.ask(read, self._loaded)

    def _loaded(
        self, result: tuple[str, tuple[PriceRow, ...]] | None, error: BaseException | None
    ) -> None:
        if not is_alive(self):
            return
        if error is not None or result is None:
            show_error(self, error or RuntimeError("nothing read"))
            return
        self.currency, self.prices = result
        self.loads += 1
        if not self.currency_field.hasFocus():
            self._show_currency()
        money = self.ctx.core.billing.format_amount
        fill(
            self.list,
            [
                (
                    p.item_id,
                    [
                        p.code,
                        p.name,
                        p.category,
                        money(p.amount, p.currency),
                        self.tr("yes") if p.active else self.tr("no: taken off"),
                    ],
                )
                for p in self.prices
            ],
            self.tr("No item yet: add what the clinic charges with Add an item…")
            if self.currency
            else self.tr("Choose the clinic's currency first: prices are in it."),
            right=(3,),
        )
        self._sync()

    def _show_currency(self) -> None:
        code = self.currency
        index = self.currency_field.findData(code)
        if index < 0 and code:
            self.currency_field.addItem(f"{code} — {self._name(code)}", code)
            index = self.currency_field.count() - 1
        self.currency_field.setCurrentIndex(max(index, 0))
        if code:
            self.currency_note.setText(
                self.tr(
                    "Bills are in {name}. It stays so once the price list or an invoice holds "
                    "amounts in it."
                ).format(name=self._name(code))
            )
        else:
            self.currency_note.setText(
                self.tr("Not set yet: choose it before the first price or invoice.")
            )

    def selected_item(self) -> PriceRow | None:
        item_id = selected(self.list)
        return next((p for p in self.prices if p.item_id == item_id), None)

    def _sync(self) -> None:
        item = self.selected_item()
        self.add_button.setEnabled(bool(self.currency))
        self.change_button.setEnabled(item is not None)
        self.active_button.setEnabled(item is not None)
        self.active_button.setText(
            self.tr("Put bac&k on the list")
            if item is not None and not item.active
            else self.tr("Ta&ke off the list")
        )

    # -- writing --

    def typed_currency(self) -> str:
        text = self.currency_field.currentText().strip()
        data = self.currency_field.currentData()
        if isinstance(data, str) and data and text.startswith(data):
            return data
        return text.split(" ")[0] if text else ""

    def save_currency(self) -> None:
        code = self.typed_currency()
        self.currency_error.clear_message()

        def failed(error: BaseException) -> None:
            from desktop.errors import InvalidInput

            if isinstance(error, InvalidInput):
                self.currency_error.show_message(error_text(error))
            else:
                show_error(self, error, logged=True)

        def saved(_done: Any) -> None:
            self.currency_field.clearFocus()
            self.refresh()

        self.ctx.call(
            self,
            lambda core: core.admin.update_clinic(currency=code),
            label=self.tr("Saving the currency…"),
        ).success(saved).failure(failed).run()

    def _dialog(self, title: str, ok: str, item: PriceRow | None) -> FollowupDialog:
        dialog = FollowupDialog(self.ctx, self, title, ok_text=ok)
        dialog.add_line(
            "code",
            self.tr("&Code:"),
            text=item.code if item else "",
            hint=self.tr("Short, as it is said at the desk: CONS, RDT, FBC."),
        )
        dialog.add_line("name", self.tr("&Name:"), text=item.name if item else "")
        dialog.add_line(
            "category",
            self.tr("C&ategory:"),
            text=item.category if item else "",
            hint=self.tr("e.g. consultation, laboratory, pharmacy (may be left empty)."),
        )
        dialog.add_line(
            "amount",
            self.tr("&Price:"),
            text=typed_amount(self.ctx.core, item.amount, self.currency) if item else "",
            hint=self.tr("In {currency}, as you write it (1500 or 1,500.50).").format(
                currency=self.currency
            ),
        )
        return dialog

    def add_item(self) -> FollowupDialog:
        currency = self.currency
        dialog = self._dialog(
            self.tr("New price list item"), self.tr("Add to the price list"), None
        )

        def call(core: Any, v: dict[str, Any]) -> Any:
            return core.billing.add_price(
                v["code"],
                v["name"],
                core.billing.parse_amount(v["amount"], currency),
                category=v["category"],
            )

        dialog.calls(call)
        dialog.succeeded.connect(lambda _done: self.refresh())
        dialog.open()
        return dialog

    def change_item(self) -> FollowupDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        currency = self.currency
        dialog = self._dialog(
            self.tr("Change {name}").format(name=item.name), self.tr("Save"), item
        )

        def call(core: Any, v: dict[str, Any]) -> Any:
            return core.billing.edit_price(
                item.item_id,
                code=v["code"],
                name=v["name"],
                category=v["category"],
                amount=core.billing.parse_amount(v["amount"], currency),
            )

        dialog.calls(call)
        dialog.succeeded.connect(lambda _done: self.refresh())
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        active = not item.active

        def call(core: Any) -> Any:
            return core.billing.edit_price(item.item_id, active=active)

        self.ctx.call(self, call, label=self.windowTitle()).success(
            lambda _done: self.refresh()
        ).failure(lambda error: show_error(self, error, logged=True)).run()
