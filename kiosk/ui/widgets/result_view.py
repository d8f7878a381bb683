"""The result screen's content, drawn from a :class:`~kiosk.present.Presentation`: the answer in
one sentence and its figures first, then what to do, then 详细情况 / 计算过程 / 政策依据 behind
large buttons (one section open at a time, so the answer is never lost in a long scroll)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.present import Notice, Presentation
from kiosk.ui.widgets.chart import ComparisonChart
from kiosk.ui.widgets.results import Card, DetailList, FigureGrid, TextList
from kiosk.ui.widgets.style import button, label

SECTIONS = ("details", "steps", "basis")


class ResultView(QWidget):
    """One result. ``add_action`` puts a journey's own next step (接着估算养老金) under the
    notices; ``show_section`` opens 详细情况, 计算过程 or 政策依据."""

    def __init__(
        self, presentation: Presentation, texts: Texts, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.presentation = presentation
        p, common = presentation, texts.common
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(20)
        self.column.addWidget(label(p.title, "heading"))
        headline = label(p.headline, "headline")
        headline.setObjectName("headline")
        self.column.addWidget(headline)
        self.chart: ComparisonChart | None = None
        if p.chart:
            self.chart = ComparisonChart(p.chart)
            self.chart_detail = label(texts.pension.compare_tap, "notice")
            self.chart_detail.setObjectName("chart_detail")
            self.chart.bar_chosen.connect(self._on_bar_chosen)
            self.column.addWidget(self.chart)
            self.column.addWidget(self.chart_detail)
        self.figures = FigureGrid(
            [(line.label, line.value) for line in p.figures],
            columns=max(1, len(p.figures)),
            names=[line.key for line in p.figures],
        )
        self.figures.setObjectName("figures")
        self.column.addWidget(self.figures)
        self.parts: FigureGrid | None = None
        if p.parts:
            self.parts = FigureGrid(
                [(line.label, line.value) for line in p.parts],
                names=[line.key for line in p.parts],
                value_role="figure-part",
            )
            self.parts.setObjectName("parts")
            self.column.addWidget(self.parts)
        for item in p.notices:
            self.column.addWidget(_notice(item))
        self._actions = QVBoxLayout()
        self._actions.setSpacing(12)
        self.column.addLayout(self._actions)
        disclaimer = label(p.disclaimer, "notice")
        disclaimer.setObjectName("disclaimer")
        self.column.addWidget(disclaimer)

        titles = {  # short, so the three buttons fit side by side on any screen
            "details": common.details_tab,
            "steps": common.steps_tab,
            "basis": common.basis_tab,
        }
        self.sections: dict[str, QWidget] = {
            "details": DetailList(
                p.details_title, [(line.label, line.value) for line in p.details]
            ),
            "steps": TextList(common.steps_title, p.steps, numbered=True),
            "basis": TextList(common.legal_basis_title, p.basis, role="small"),
        }
        self.section_buttons = {}
        tabs = QHBoxLayout()
        tabs.setSpacing(16)
        group = QButtonGroup(self)
        for key in SECTIONS:
            tab = button(titles[key], "tab", name=f"section_{key}")
            tab.setCheckable(True)
            tab.clicked.connect(lambda _=False, k=key: self.show_section(k))
            group.addButton(tab)
            tabs.addWidget(tab, 1)
            self.section_buttons[key] = tab
            self.sections[key].setObjectName(key)
        self.column.addLayout(tabs)
        for section in self.sections.values():  # one shown at a time: the others take no room
            self.column.addWidget(section)
        self._current = ""
        self.show_section("details")

    def add_action(self, widget: QWidget) -> None:
        self._actions.addWidget(widget)

    def show_section(self, key: str) -> None:
        self.section_buttons[key].setChecked(True)
        for name, section in self.sections.items():
            section.setVisible(name == key)
        self._current = key

    def current_section(self) -> str:
        return self._current

    def _on_bar_chosen(self, index: int) -> None:
        """A bar tapped: its row of the comparison (the details list them in the same order)."""
        row = self.presentation.details[index]
        self.chart_detail.setText(f"{row.label}\n{row.value}")

    def figure_texts(self) -> list[str]:
        """The big figures as shown, in order (the self-test compares them with the rules)."""
        return [value.text() for value in self.figures.values]


def _notice(item: Notice) -> QWidget:
    card = Card()
    card.setObjectName(f"notice_{item.key}")
    card.setProperty("tone", item.tone.value)
    text = label(item.text, "notice-text")
    text.setObjectName(f"notice_{item.key}_text")
    card.add(text)
    for entry in item.items:
        card.add(label(f"\u00b7 {entry}"))
    return card
