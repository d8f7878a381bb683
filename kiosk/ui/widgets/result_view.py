"""The result screen's content, drawn from a :class:`~kiosk.present.Presentation`: the answer in
one sentence and its figures first, then what to do, then 详细情况 / 计算过程 / 政策依据 behind
large buttons (one section open at a time, so the answer is never lost in a long scroll)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.texts import Texts
from kiosk.present import Notice, Presentation
from kiosk.ui.widgets.chart import ComparisonChart
from kiosk.ui.widgets.results import Card, DetailList, FigureGrid, TextList, show
from kiosk.ui.widgets.style import button, label, set_property

SECTIONS = ("details", "steps", "basis")
_EMPTY = Presentation(
    journey="",
    title="",
    sheet_title="",
    headline="",
    spoken="",
    figures=(),
    parts=(),
    notices=(),
    answers=(),
    details_title="",
    details=(),
    parameters=(),
    steps=(),
    basis=(),
    disclaimer="",
    provisional=False,
)


class ResultView(QWidget):
    """One result. ``add_action`` puts a journey's own next step (接着估算养老金) under the
    notices; ``show_section`` opens 详细情况, 计算过程 or 政策依据. :meth:`fill` shows another
    result in the same widgets (a journey's result screen is refilled, not built anew: widgets
    made and styled cost more than new words in them); :meth:`clear` empties them."""

    def __init__(
        self, presentation: Presentation, texts: Texts, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        common = texts.common
        self._texts = texts
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(20)
        self.title = label("", "heading")
        self.column.addWidget(self.title)
        self.headline = label("", "headline")
        self.headline.setObjectName("headline")
        self.column.addWidget(self.headline)
        self.chart: ComparisonChart | None = None  # the comparison's bars, when it has them
        self._chart: ComparisonChart | None = None
        self.chart_detail = label("", "notice")
        self.chart_detail.setObjectName("chart_detail")
        self.chart_detail.hide()
        self.column.addWidget(self.chart_detail)
        self.figures = FigureGrid([], columns=1)
        self.figures.setObjectName("figures")
        self.column.addWidget(self.figures)
        self.parts: FigureGrid | None = None  # the pension's parts, when it has them
        self._parts: FigureGrid | None = None
        self._notices = QVBoxLayout()
        self._notices.setSpacing(20)
        self._notice_cards: list[_NoticeCard] = []
        self.column.addLayout(self._notices)
        self._actions = QVBoxLayout()
        self._actions.setSpacing(12)
        self.column.addLayout(self._actions)
        self.disclaimer = label("", "notice")
        self.disclaimer.setObjectName("disclaimer")
        self.column.addWidget(self.disclaimer)

        titles = {  # short, so the three buttons fit side by side on any screen
            "details": common.details_tab,
            "steps": common.steps_tab,
            "basis": common.basis_tab,
        }
        self.details = DetailList("", [])
        self.steps = TextList("", [], numbered=True)
        self.basis = TextList("", [], role="small")
        self.sections: dict[str, QWidget] = {
            "details": self.details,
            "steps": self.steps,
            "basis": self.basis,
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
        self.fill(presentation)

    def fill(self, presentation: Presentation) -> None:
        """Show ``presentation``: its words in the widgets already made, more made if it needs
        them, the journey's actions of the result before it taken away, 详细情况 open."""
        self.presentation = p = presentation
        common = self._texts.common
        self.title.setText(p.title)
        self.headline.setText(p.headline)
        self._fill_chart(p)
        self.figures.fill(
            [(line.label, line.value) for line in p.figures],
            columns=max(1, len(p.figures)),
            names=[line.key for line in p.figures],
        )
        self._fill_parts(p)
        while len(self._notice_cards) < len(p.notices):
            card = _NoticeCard()
            self._notices.addWidget(card)
            self._notice_cards.append(card)
        for i, card in enumerate(self._notice_cards):
            card.fill(p.notices[i] if i < len(p.notices) else None)
        self._clear_actions()
        self.disclaimer.setText(p.disclaimer)
        self.details.fill(p.details_title, [(line.label, line.value) for line in p.details])
        self.steps.fill(common.steps_title, p.steps)
        self.basis.fill(common.legal_basis_title, p.basis)
        self.show_section("details")

    def clear(self) -> None:
        """Nothing of the result left in the widgets (a visit's answers are not kept)."""
        self.fill(_EMPTY)

    def _fill_chart(self, p: Presentation) -> None:
        if p.chart and self._chart is None:
            self._chart = ComparisonChart(p.chart)
            self._chart.bar_chosen.connect(self._on_bar_chosen)
            self.column.insertWidget(self.column.indexOf(self.chart_detail), self._chart)
        if self._chart is not None:
            self._chart.set_bars(p.chart)
            show(self._chart, bool(p.chart))
        self.chart = self._chart if p.chart else None
        self.chart_detail.setText(self._texts.pension.compare_tap if p.chart else "")
        show(self.chart_detail, bool(p.chart))

    def _fill_parts(self, p: Presentation) -> None:
        parts = [(line.label, line.value) for line in p.parts]
        names = [line.key for line in p.parts]
        if parts and self._parts is None:
            self._parts = FigureGrid(parts, names=names, value_role="figure-part")
            self._parts.setObjectName("parts")
            self.column.insertWidget(self.column.indexOf(self.figures) + 1, self._parts)
        elif self._parts is not None:
            self._parts.fill(parts, names=names)
        if self._parts is not None:
            show(self._parts, bool(parts))
        self.parts = self._parts if parts else None

    def _clear_actions(self) -> None:
        while (item := self._actions.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from findChildren now, deleted later
                widget.deleteLater()

    def add_action(self, widget: QWidget) -> None:
        self._actions.addWidget(widget)

    def show_section(self, key: str) -> None:
        self.section_buttons[key].setChecked(True)
        for name, section in self.sections.items():
            show(section, name == key)
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


class _NoticeCard(Card):
    """A notice: its text, then a line for each of its items; refilled by :meth:`fill`."""

    def __init__(self) -> None:
        super().__init__()
        self.text = label("", "notice-text")
        self.add(self.text)
        self._items: list[QLabel] = []

    def fill(self, item: Notice | None) -> None:
        """Show ``item`` (None: empty and hidden)."""
        key = item.key if item is not None else ""
        self.setObjectName(f"notice_{key}" if item is not None else "")
        self.text.setObjectName(f"notice_{key}_text" if item is not None else "")
        self.text.setText(item.text if item is not None else "")
        tone = item.tone.value if item is not None else self.property("tone")
        if self.property("tone") != tone:
            set_property(self, "tone", tone)
        entries = item.items if item is not None else ()
        while len(self._items) < len(entries):
            line = label("")
            self.add(line)
            self._items.append(line)
        for i, line in enumerate(self._items):
            line.setText(f"\u00b7 {entries[i]}" if i < len(entries) else "")
            show(line, i < len(entries))
        show(self, item is not None)
