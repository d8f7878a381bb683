"""人员类型: 男职工 / 女职工·原55岁 / 女职工·原50岁, each explained, and 不确定？, which shows
how to tell in place of the choices (回到选项 brings them back). The retirement and pension journeys
both ask it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.rules import Category
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.rich_button import RichButton
from kiosk.ui.widgets.style import button, label


class CategoryChooser(QWidget):
    """The three categories as big options; ``value()`` is the chosen Category's value or None."""

    chosen = Signal(str)

    def __init__(self, *, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = texts.retirement
        self._captions = (texts.common.not_sure, texts.common.back_to_choices)
        self.options = OptionGroup(
            [
                Option(Category.MALE.value, t.category_male, t.category_male_detail),
                Option(Category.FEMALE_55.value, t.category_female_55, t.category_female_55_detail),
                Option(Category.FEMALE_50.value, t.category_female_50, t.category_female_50_detail),
            ],
            texts=texts.common,
        )
        self.help = label(t.category_help, "notice")
        self.help.setObjectName("category_help")
        self.help.hide()
        self.help_button = button(texts.common.not_sure, "link", name="not_sure")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.help)
        column.addWidget(self.options, 1)
        column.addWidget(self.help_button)
        self.help_button.clicked.connect(lambda: self.show_help(self.help.isHidden()))
        self.options.chosen.connect(self.chosen)

    def show_help(self, shown: bool) -> None:
        """How to tell the categories apart, in place of the choices (or the choices again)."""
        self.help.setVisible(shown)
        self.options.setVisible(not shown)
        self.help_button.setText(self._captions[1] if shown else self._captions[0])

    def value(self) -> str | None:
        return self.options.value()

    def set_value(self, key: str | None) -> None:
        self.options.set_value(key)

    def button(self, key: str) -> RichButton:
        return self.options.button(key)

    def keys(self) -> list[str]:
        return self.options.keys()

    def clear(self) -> None:
        """No category chosen, and the help note folded away."""
        self.options.clear()
        self.show_help(False)
