"""读给我听 on the window (kiosk/ui/voice.py), heard through a recording engine: what each screen
says (home's tiles and a question's choices with their numbers, a result's spoken summary, its
steps on request, an FAQ answer in Chinese in an English session), when it is said (朗读, a second
tap stops; 语音引导 reads each new screen; the control the keys move to) and when it stops (返回,
首页, a language switch, a session reset). With no voice for the session's language nothing about
voice shows."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stdout
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.app import Kiosk, build_kiosk
from kiosk.cli import main as calc
from kiosk.content.spoken import for_the_ear
from kiosk.rules import Category, YearMonth
from kiosk.ui.navigation import PageId
from kiosk.ui.pages.faq import FaqPage
from kiosk.ui.pages.retirement import RetirementJourney
from kiosk.ui.speech import NoEngine, Problem, RecordingEngine
from tests.conftest import TODAY, free_window


@pytest.fixture
def engine() -> RecordingEngine:
    return RecordingEngine()


@pytest.fixture
def kiosk(qtbot: Any, bundle: Any, engine: RecordingEngine) -> Iterator[Kiosk]:
    made = build_kiosk(bundle, today=lambda: TODAY, speech=engine)
    made.window.resize(1366, 768)
    made.window.show()
    qtbot.wait_exposed(made.window)
    yield made
    free_window(made.window)


def said(engine: RecordingEngine) -> str:
    return engine.last().text if engine.said else ""


def read_aloud(kiosk: Kiosk) -> None:
    kiosk.window.header.read_button.click()


def retirement_result(kiosk: Kiosk, birth: YearMonth, category: Category) -> RetirementJourney:
    window = kiosk.window
    window.show_page("retirement")
    page = window.page("retirement")
    assert isinstance(page, RetirementJourney)
    page.category.button(category.value).click()
    page.next()
    page.birth.set_value(birth)
    page.next()
    page.question_screen("years").skip_button.click()
    assert page.showing_result()
    return page


# what is said ------------------------------------------------------------------------------------


def test_home_is_read_with_each_tile_numbered(kiosk: Kiosk, engine: RecordingEngine, texts) -> None:
    read_aloud(kiosk)
    text = said(engine)
    assert text.startswith(texts.home.greeting)
    for number, title in enumerate(
        (texts.retirement.title, texts.contribution.title, texts.pension.title), start=1
    ):
        assert texts.speech.choice.format(number=number, title=title) in text
    assert all(u.language == "zh_CN" for u in engine.last().utterances)


def test_a_question_is_read_with_its_choices_numbered(
    kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    kiosk.window.show_page("retirement")
    read_aloud(kiosk)
    text, r, speech = said(engine), texts.retirement, texts.speech
    assert texts.common.step_number.format(current=1) in text
    assert r.category_question in text
    for number, title in enumerate(
        (r.category_male, r.category_female_55, r.category_female_50), 1
    ):
        assert for_the_ear(speech, speech.choice.format(number=number, title=title)) in text
    assert for_the_ear(speech, r.category_female_55_detail) in text  # what each choice means
    assert speech.then_next.format(next=texts.common.next) in text
    assert "·" not in text and "（" not in text  # nothing an engine would read out


def test_a_chosen_choice_and_a_missing_answer_are_said(
    kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    window = kiosk.window
    window.show_page("retirement")
    page = window.page("retirement")
    assert isinstance(page, RetirementJourney)
    page.next()  # nothing chosen: what is wrong shows
    read_aloud(kiosk)
    assert texts.speech.attention.format(error=texts.retirement.category_missing) in said(engine)
    read_aloud(kiosk)  # a second tap stops
    page.category.button(Category.MALE.value).click()
    read_aloud(kiosk)
    selected = texts.speech.selected.format(title=texts.retirement.category_male)
    assert selected in said(engine)


def test_the_result_speaks_the_cli_s_spoken_summary(
    kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    """Issue 18's example: a woman born 1971-03, 原55岁退休."""
    page = retirement_result(kiosk, YearMonth(1971, 3), Category.FEMALE_55)
    read_aloud(kiosk)
    summary = engine.last().utterances[0]
    assert summary.text == page.presentation.spoken  # type: ignore[union-attr]
    out = io.StringIO()
    with redirect_stdout(out):
        code = calc(
            ["retirement", "--birth", "1971-03", "--category", "female-55", "--as-of", "2026-11-29"]
        )
    assert code == 0
    assert json.loads(out.getvalue())["spoken_summary"] == summary.text
    assert "55岁4个月" in summary.text and "2026年7月" in summary.text
    hint = texts.speech.steps_hint.format(steps=texts.common.steps_tab)
    assert said(engine).endswith(hint)  # the steps, on request


def test_the_steps_are_read_when_asked_for(kiosk: Kiosk, engine: RecordingEngine, texts) -> None:
    page = retirement_result(kiosk, YearMonth(1971, 3), Category.FEMALE_55)
    presentation = page.presentation
    assert presentation is not None and page.result_view is not None
    read_aloud(kiosk)
    page.result_view.section_buttons["steps"].click()  # while the summary is being read
    text = said(engine)
    assert text.startswith(texts.common.steps_title)
    assert for_the_ear(texts.speech, presentation.steps[0]) in text
    engine.finish()
    read_aloud(kiosk)  # 计算过程 open: 朗读 reads the summary, then the steps
    assert said(engine).startswith(presentation.spoken)
    assert for_the_ear(texts.speech, presentation.steps[-1]) in said(engine)


def test_an_faq_answer_is_chinese_in_an_english_session(
    kiosk: Kiosk, engine: RecordingEngine, bundle
) -> None:
    window = kiosk.window
    window.set_language("en")
    window.show_page(PageId.FAQ)
    page = window.page(PageId.FAQ)
    assert isinstance(page, FaqPage)
    page.open_entry(bundle.content.entries[0].id)
    read_aloud(kiosk)
    languages = {u.language for u in engine.last().utterances}
    assert languages == {"zh_CN", "en"}  # the answer in Chinese, the kiosk's own words in English
    question = bundle.content.entries[0].question
    assert any(u.language == "zh_CN" and question in u.text for u in engine.last().utterances)


# when it is said, and when it stops ---------------------------------------------------------------


def test_a_second_tap_stops_and_the_control_says_which(
    kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    button = kiosk.window.header.read_button
    assert button.text() == texts.speech.read_button
    read_aloud(kiosk)
    assert engine.is_speaking() and button.text() == texts.speech.stop_button
    read_aloud(kiosk)
    assert not engine.is_speaking() and engine.stops == 1
    assert button.text() == texts.speech.read_button
    assert len(engine.said) == 1  # the second tap said nothing


def test_guidance_reads_each_new_screen(
    qtbot, kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    window = kiosk.window
    window.header.appearance_button.click()
    window.appearance.guidance_buttons[True].click()
    assert said(engine) == texts.speech.guidance_on_said
    window.appearance.done_button.click()
    window.show_page("retirement")
    qtbot.waitUntil(lambda: texts.retirement.category_question in said(engine))
    page = window.page("retirement")
    assert isinstance(page, RetirementJourney)
    page.category.button(Category.MALE.value).click()
    page.next()
    qtbot.waitUntil(lambda: texts.retirement.birth_question in said(engine))
    window.appearance.guidance_buttons[False].click()
    assert said(engine) == texts.speech.guidance_off_said
    page.go_back()
    QTest.qWait(50)
    assert said(engine) == texts.speech.guidance_off_said  # no longer read by itself


def test_speech_stops_at_back_home_and_a_language_switch(
    kiosk: Kiosk, engine: RecordingEngine
) -> None:
    window = kiosk.window
    window.show_page("retirement")
    for leave in (
        window.header.back_button.click,  # 返回
        lambda: (window.show_page("retirement"), window.header.home_button.click()),  # 首页
        lambda: window.set_language("en"),
    ):
        read_aloud(kiosk)
        assert engine.is_speaking()
        stops = engine.stops
        leave()
        assert not engine.is_speaking(), leave
        assert engine.stops == stops + 1


def test_a_session_reset_stops_and_resets_the_voice(kiosk: Kiosk, engine: RecordingEngine) -> None:
    window, voice = kiosk.window, kiosk.voice
    window.appearance.guidance_buttons[True].click()
    window.appearance.rate_buttons[True].click()  # 慢
    read_aloud(kiosk)
    assert engine.last().slow
    window.reset_session()
    assert not engine.is_speaking()
    assert (voice.guidance, voice.slow, voice.used) == (False, False, False)
    assert window.appearance.guidance_buttons[False].isChecked()
    assert window.appearance.rate_buttons[False].isChecked()
    read_aloud(kiosk)
    assert not engine.last().slow


def test_the_control_the_keys_move_to_is_read_with_guidance(
    kiosk: Kiosk, engine: RecordingEngine, texts
) -> None:
    window = kiosk.window
    QTest.keyClick(window, Qt.Key.Key_Down)
    assert engine.said == []  # 语音引导 is off
    kiosk.voice.set_guidance(True)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
    assert said(engine).startswith(texts.contribution.title)  # the second tile


# where there is no voice ------------------------------------------------------------------------


def test_no_voice_for_the_session_s_language_shows_nothing_of_voice(
    qtbot: Any, bundle: Any, texts
) -> None:
    engine = RecordingEngine(languages=["zh_CN"])
    made = build_kiosk(bundle, today=lambda: TODAY, speech=engine)
    window = made.window
    try:
        window.show()
        header, panel = window.header, window.appearance
        assert header.read_button.isVisibleTo(window)
        assert header.appearance_button.text() == texts.speech.settings_button
        assert not panel.voice.isHidden()
        window.set_language("en")
        assert not header.read_button.isVisibleTo(window)
        english = bundle.catalogue("en")
        assert header.appearance_button.text() == english.common.appearance_button
        assert panel.voice.isHidden()
        assert panel.title.text() == english.common.appearance_title
    finally:
        free_window(window)


def test_with_no_engine_nothing_shows_and_nothing_fails(qtbot: Any, bundle: Any, texts) -> None:
    made = build_kiosk(bundle, today=lambda: TODAY, speech=NoEngine(Problem.NO_ENGINE))
    window = made.window
    try:
        window.show()
        assert not window.header.read_button.isVisibleTo(window)
        assert window.header.appearance_button.text() == texts.common.appearance_button
        assert window.appearance.voice.isHidden()
        made.voice.read_screen()  # nothing to say it with: nothing happens
        made.voice.set_guidance(True)
        window.show_page("retirement")
        QTest.qWait(20)
    finally:
        free_window(window)


def test_a_voice_found_later_brings_the_control(qtbot: Any, bundle: Any) -> None:
    engine = RecordingEngine(languages=[])
    made = build_kiosk(bundle, today=lambda: TODAY, speech=engine)
    window = made.window
    try:
        window.show()
        assert not window.header.read_button.isVisibleTo(window)
        engine.set_languages(["zh_CN", "en"])  # the engine has answered (a second after start)
        assert window.header.read_button.isVisibleTo(window)
    finally:
        free_window(window)
