"""The FAQ and the service guide through the real window: home tile -> categories -> questions ->
answer -> related -> the calculation it belongs to; search with the touch keyboard and with a
hardware keyboard; 返回 steps back through the screens; 首页 clears the search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLabel

from kiosk.content.faq import Content
from kiosk.ui.layout_check import check_layout
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.guide import GuidePage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.theme import Preset

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def faq_page(window: MainWindow) -> FaqPage:
    page = window.pages[PageId.FAQ]
    assert isinstance(page, FaqPage)
    return page


def open_faq(window: MainWindow) -> FaqPage:
    home = window.pages[PageId.HOME]
    assert isinstance(home, HomePage)
    home.info_tiles[PageId.FAQ].click()
    assert window.current_page() is PageId.FAQ
    return faq_page(window)


def content_of(window: MainWindow) -> Content:
    return faq_page(window).content


def test_home_has_faq_and_guide_tiles(window: MainWindow, texts) -> None:
    home = window.pages[PageId.HOME]
    assert isinstance(home, HomePage)
    assert [t.text() for t in home.info_tiles.values()] == [
        texts.faq.tile_title,
        texts.faq.guide_tile_title,
    ]
    assert all(t.isVisible() for t in home.info_tiles.values())


def test_categories_list_answer_related_journey(qtbot, window: MainWindow) -> None:
    page = open_faq(window)
    content = content_of(window)
    assert page.current() is page.categories
    assert list(page.categories.tiles) == [c.id for c in content.categories]

    page.categories.tiles["contribution"].click()
    assert page.current() is page.questions
    questions = [b.text() for b in page.questions.question_buttons()]
    assert questions == [e.question for e in content.in_category("contribution")]

    with qtbot.waitSignal(page.entry_opened, check_params_cb=lambda i: i == "con-limits-current"):
        page.questions.question_buttons()[1].click()
    assert page.current() is page.answer
    entry = content.entry("con-limits-current")
    assert page.answer.question.text() == entry.question
    shown = " ".join(page.answer.paragraphs())
    assert entry.blocks()[0].lines[0] in shown
    assert "{" not in shown
    assert page.answer.journey_button.isVisible()

    related = page.answer.related.buttons
    assert [b.text() for b in related] == [content.entry(i).question for i in entry.related]
    with qtbot.waitSignal(page.entry_opened):
        related[0].click()
    assert page.answer.entry is not None and page.answer.entry.id == entry.related[0]

    with qtbot.waitSignal(window.page_changed, check_params_cb=lambda p: p == "contribution"):
        page.answer.journey_button.click()
    assert window.current_page() == "contribution"


def test_back_steps_through_the_screens(window: MainWindow) -> None:
    page = open_faq(window)
    page.categories.tiles["retirement"].click()
    page.questions.question_buttons()[0].click()
    first = page.answer.entry
    page.answer.related.buttons[0].click()
    second = page.answer.entry
    assert first is not None and second is not None and first.id != second.id
    window.header.back_button.click()
    assert page.current() is page.answer and page.answer.entry == first
    window.header.back_button.click()
    assert page.current() is page.questions
    assert page.questions.heading.text() == content_of(window).category("retirement").title
    window.header.back_button.click()
    assert page.current() is page.categories
    window.header.back_button.click()
    assert window.current_page() is PageId.HOME


def test_coming_back_to_an_answer_is_not_counted_again(qtbot, window: MainWindow) -> None:
    page = open_faq(window)
    opened: list[str] = []
    page.entry_opened.connect(opened.append)
    page.open_entry("ret-reform")
    page.answer.related.buttons[0].click()
    window.header.back_button.click()
    assert opened == ["ret-reform", content_of(window).entry("ret-reform").related[0]]


def test_where_to_do_it_and_no_journey(window: MainWindow) -> None:
    page = open_faq(window)
    page.open_entry("ret-deemed-who")
    entry = content_of(window).entry("ret-deemed-who")
    assert not page.answer.journey_button.isVisible()
    assert page.answer.where.isVisible()
    names = [w.text() for w in page.answer.where.findChildren(QLabel)]
    assert content_of(window).guide.channel_by_id("hall").name in names
    assert entry.where_note in names


def test_search_with_the_touch_keyboard(window: MainWindow, texts) -> None:
    page = open_faq(window)
    page.categories.search_button.click()
    search = page.search
    assert page.current() is search
    for key in "txnl":
        search.keyboard.press(key)
    assert search.query() == "txnl"
    assert search.shown_questions()[0] == content_of(window).entry("ret-reform").question
    assert search.shown_questions() == [h.entry.question for h in search.index.search("txnl")][:12]
    search.keyboard.press("delete")
    assert search.query() == "txn"
    search.keyboard.press("clear")
    assert search.query() == "" and search.shown_questions() == []
    assert search.status.text() == texts.faq.search_prompt


def test_results_follow_every_key(window: MainWindow) -> None:
    page = open_faq(window)
    page.open_search()
    counts = []
    for key in "zhinajin":
        page.search.keyboard.press(key)
        counts.append(len(page.search.hits))
    assert counts[0] > counts[-1] > 0
    page.search.results.buttons[0].click()
    assert page.current() is page.answer
    assert page.answer.entry is not None and page.answer.entry.id == "his-late-fees"


def test_no_results_offers_the_categories(window: MainWindow, texts) -> None:
    page = open_faq(window)
    page.open_search()
    for key in "zzzq":
        page.search.keyboard.press(key)
    assert page.search.hits == []
    assert page.search.status.text() == texts.faq.no_results.format(query="zzzq")
    assert page.search.categories.isVisible()
    page.search.categories.buttons[1].click()
    assert page.current() is page.questions
    assert page.questions.category_id == content_of(window).categories[1].id


def test_hardware_keyboard_types_chinese_into_the_field(qtbot, window: MainWindow) -> None:
    page = open_faq(window)
    page.open_search()
    commit = QInputMethodEvent()
    commit.setCommitString("静默")  # what the system input method sends for typed Chinese
    QCoreApplication.sendEvent(page.search.field, commit)
    assert page.search.shown_questions()[0] == content_of(window).entry("pen-silent").question
    qtbot.keyClick(page.search.field, Qt.Key.Key_Backspace)
    assert page.search.query() == "静"


def test_home_clears_the_search_and_the_way_back(window: MainWindow) -> None:
    page = open_faq(window)
    page.open_search()
    page.search.keyboard.press("t")
    window.header.home_button.click()
    assert window.current_page() is PageId.HOME
    assert page.search.query() == "" and page.current() is page.categories
    open_faq(window)
    window.header.back_button.click()
    assert window.current_page() is PageId.HOME


def test_guide_from_home_and_from_the_faq(window: MainWindow) -> None:
    home = window.pages[PageId.HOME]
    assert isinstance(home, HomePage)
    home.info_tiles[PageId.GUIDE].click()
    assert window.current_page() is PageId.GUIDE
    guide = window.pages[PageId.GUIDE]
    assert isinstance(guide, GuidePage)
    assert list(guide.channels) == [c.id for c in content_of(window).guide.channel]
    window.header.home_button.click()
    page = open_faq(window)
    page.categories.guide_button.click()
    assert window.current_page() is PageId.GUIDE


@pytest.mark.parametrize("preset", [Preset.STANDARD, Preset.LARGE])
def test_faq_screens_have_nothing_clipped(qtbot, window: MainWindow, preset: Preset) -> None:
    window.set_preset(preset)
    page = open_faq(window)
    screens = [
        lambda: None,
        lambda: page.open_category("retirement"),
        lambda: page.open_entry("ret-short"),
        lambda: page.open_search(),
        lambda: [page.search.keyboard.press(k) for k in "txnl"],
        lambda: window.show_page(PageId.GUIDE),
    ]
    for show in screens:
        show()
        qtbot.wait(1)
        assert check_layout(window) == []
