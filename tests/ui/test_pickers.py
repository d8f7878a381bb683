"""Touch pickers: Stepper, YearMonthPicker, DurationPicker and OptionGroup, driven by their buttons.

No picker answers for the citizen: a birth year and a number of years show 请选择 until touched
(issue 14: 15 years, exactly the minimum, and the birth year 1970 once stood there preset), and a
group of choices too long for its room pages itself with 更多选项 instead of hiding some."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk import resources
from kiosk.content.texts import CommonTexts, load_texts
from kiosk.rules import YearMonth
from kiosk.ui.widgets.duration_picker import DurationPicker
from kiosk.ui.widgets.option_group import Option, OptionGroup
from kiosk.ui.widgets.stepper import Stepper
from kiosk.ui.widgets.year_month_picker import YearMonthPicker

EARLIEST = YearMonth(1950, 3)
LATEST = YearMonth(2010, 11)


@pytest.fixture(scope="module")
def common() -> CommonTexts:
    """The common texts, loaded without kiosk.app (so these tests don't need every page)."""
    return load_texts(resources.text_dir()).common


# Stepper -----------------------------------------------------------------------------------------


@pytest.fixture
def stepper(qtbot) -> Stepper:
    widget = Stepper(minimum=0, maximum=20, value=10, big_step=5, suffix="{value} x")
    qtbot.add_widget(widget)
    return widget


def test_stepper_buttons_step_by_one_and_by_big_step(stepper: Stepper) -> None:
    assert sorted(stepper.buttons) == [-5, -1, 1, 5]
    stepper.buttons[1].click()
    assert stepper.value() == 11
    stepper.buttons[5].click()
    assert stepper.value() == 16
    stepper.buttons[-1].click()
    stepper.buttons[-5].click()
    assert stepper.value() == 10
    assert stepper.display.text() == "10 x"


def test_stepper_without_big_step_has_one_button_each_way(qtbot) -> None:
    widget = Stepper(minimum=0, maximum=3, value=0)
    qtbot.add_widget(widget)
    assert sorted(widget.buttons) == [-1, 1]
    assert widget.display.text() == "0"


def test_stepper_big_step_stops_at_the_limits(stepper: Stepper) -> None:
    stepper.set_value(18)
    stepper.buttons[5].click()
    assert stepper.value() == 20
    stepper.set_value(3)
    stepper.buttons[-5].click()
    assert stepper.value() == 0


def test_stepper_buttons_disabled_at_the_ends(stepper: Stepper) -> None:
    stepper.set_value(20)
    assert not stepper.buttons[1].isEnabled()
    assert not stepper.buttons[5].isEnabled()
    assert stepper.buttons[-1].isEnabled() and stepper.buttons[-5].isEnabled()
    stepper.buttons[1].click()  # a disabled button does nothing
    assert stepper.value() == 20
    stepper.set_value(0)
    assert not stepper.buttons[-1].isEnabled()
    assert not stepper.buttons[-5].isEnabled()
    assert stepper.buttons[1].isEnabled() and stepper.buttons[5].isEnabled()
    stepper.set_value(10)
    assert all(widget.isEnabled() for widget in stepper.buttons.values())


def test_stepper_clamps_set_value_and_the_initial_value(qtbot, stepper: Stepper) -> None:
    stepper.set_value(99)
    assert stepper.value() == 20
    stepper.set_value(-7)
    assert stepper.value() == 0
    widget = Stepper(minimum=1, maximum=5, value=9)
    qtbot.add_widget(widget)
    assert widget.value() == 5
    assert not widget.buttons[1].isEnabled()


def test_stepper_value_changed_only_on_a_change(stepper: Stepper) -> None:
    seen: list[int] = []
    stepper.valueChanged.connect(seen.append)
    stepper.buttons[1].click()
    stepper.set_value(11)  # unchanged
    stepper.set_value(500)  # clamped to 20
    stepper.set_value(20)  # unchanged
    assert seen == [11, 20]


def test_stepper_set_range_clamps_the_value(stepper: Stepper) -> None:
    stepper.set_range(0, 8)
    assert stepper.value() == 8
    assert not stepper.buttons[1].isEnabled()


def test_an_unset_stepper_asks_and_counts_from_its_start(qtbot) -> None:
    widget = Stepper(minimum=0, maximum=50, value=None, big_step=5, unset="?", start=0)
    qtbot.add_widget(widget)
    seen: list[int] = []
    widget.valueChanged.connect(seen.append)
    assert widget.chosen() is None
    assert widget.display.text() == "?"
    assert widget.display.property("unset") is True
    assert all(b.isEnabled() for b in widget.buttons.values())  # − from nothing chooses 0
    widget.buttons[-1].click()
    assert (widget.chosen(), seen) == (0, [0])
    assert widget.display.text() == "0"
    assert widget.display.property("unset") is False
    widget.set_value(None)
    assert widget.chosen() is None
    widget.buttons[5].click()
    assert widget.chosen() == 5


# YearMonthPicker ---------------------------------------------------------------------------------


@pytest.fixture
def picker(qtbot, common: CommonTexts) -> YearMonthPicker:
    widget = YearMonthPicker(texts=common, earliest=EARLIEST, latest=LATEST, start_year=1970)
    qtbot.add_widget(widget)
    return widget


def checked_months(picker: YearMonthPicker) -> list[int]:
    return [month for month, widget in picker.month_buttons.items() if widget.isChecked()]


def enabled_months(picker: YearMonthPicker) -> list[int]:
    return [month for month, widget in picker.month_buttons.items() if widget.isEnabled()]


def test_picker_has_no_year_until_one_is_touched(
    picker: YearMonthPicker, common: CommonTexts
) -> None:
    """No preset birth year: the display asks for it, and a month alone is no answer."""
    assert picker.value() is None
    assert picker.year.chosen() is None
    assert picker.missing() == "year"
    assert picker.year.display.text() == common.picker_year
    picker.month_buttons[6].click()
    assert picker.value() is None
    assert picker.missing() == "year"
    picker.year.buttons[1].click()  # the first touch counts from start_year
    assert picker.year.chosen() == 1971
    assert picker.value() == YearMonth(1971, 6)
    assert picker.missing() is None


def test_picker_value_is_none_until_a_month_is_touched(picker: YearMonthPicker) -> None:
    picker.year.buttons[-1].click()
    assert picker.value() is None
    assert picker.missing() == "month"
    assert checked_months(picker) == []


def test_picker_month_button_sets_the_value(qtbot, picker: YearMonthPicker) -> None:
    picker.year.set_value(1970)
    with qtbot.waitSignal(picker.changed):
        picker.month_buttons[6].click()
    assert picker.value() == YearMonth(1970, 6)
    picker.month_buttons[7].click()
    assert picker.value() == YearMonth(1970, 7)
    assert checked_months(picker) == [7]


def test_picker_year_buttons_move_the_chosen_month(picker: YearMonthPicker) -> None:
    picker.year.set_value(1970)
    picker.month_buttons[3].click()
    picker.year.buttons[10].click()
    picker.year.buttons[1].click()
    assert picker.value() == YearMonth(1981, 3)


def test_picker_month_captions_from_the_catalogue(
    picker: YearMonthPicker, common: CommonTexts
) -> None:
    for month, widget in picker.month_buttons.items():
        assert widget.text() == common.month_name.format(month=month)
    picker.year.set_value(1970)
    assert picker.year.display.text() == common.year_value.format(value=1970)


def test_picker_year_range_is_limited(picker: YearMonthPicker) -> None:
    picker.year.set_value(2100)
    assert picker.year.value() == LATEST.year
    assert not picker.year.buttons[1].isEnabled()
    picker.year.set_value(1000)
    assert picker.year.value() == EARLIEST.year
    assert not picker.year.buttons[-1].isEnabled()


def test_picker_months_after_latest_disabled_in_the_latest_year(picker: YearMonthPicker) -> None:
    picker.year.set_value(LATEST.year)
    assert enabled_months(picker) == list(range(1, LATEST.month + 1))
    picker.month_buttons[12].click()  # disabled: nothing happens
    assert picker.value() is None
    picker.year.set_value(LATEST.year - 1)
    assert enabled_months(picker) == list(range(1, 13))


def test_picker_months_before_earliest_disabled_in_the_earliest_year(
    picker: YearMonthPicker,
) -> None:
    picker.year.set_value(EARLIEST.year)
    assert enabled_months(picker) == list(range(EARLIEST.month, 13))
    picker.month_buttons[1].click()
    assert picker.value() is None


def test_picker_month_out_of_range_in_the_new_year_is_dropped(picker: YearMonthPicker) -> None:
    """December chosen in 2009, then 2010 (latest 2010-11): no value, and no month shown checked,
    also after going back to 2009 (the exclusive group used to keep December checked)."""
    picker.year.set_value(LATEST.year - 1)
    picker.month_buttons[12].click()
    assert picker.value() == YearMonth(LATEST.year - 1, 12)
    picker.year.buttons[1].click()
    assert picker.value() is None
    assert checked_months(picker) == []
    picker.year.buttons[-1].click()
    assert picker.value() is None
    assert checked_months(picker) == []
    picker.month_buttons[5].click()
    assert picker.value() == YearMonth(LATEST.year - 1, 5)
    assert checked_months(picker) == [5]


def test_picker_set_value_and_clear(picker: YearMonthPicker) -> None:
    picker.set_value(YearMonth(1984, 11))
    assert picker.value() == YearMonth(1984, 11)
    assert picker.year.value() == 1984
    assert checked_months(picker) == [11]
    picker.clear()
    assert picker.value() is None
    assert picker.year.chosen() is None
    assert checked_months(picker) == []
    picker.set_value(YearMonth(1965, 7))
    picker.set_value(None)
    assert picker.value() is None
    assert checked_months(picker) == []


def test_picker_clear_emits_changed(qtbot, picker: YearMonthPicker) -> None:
    picker.month_buttons[2].click()
    with qtbot.waitSignal(picker.changed):
        picker.clear()


# DurationPicker ----------------------------------------------------------------------------------


@pytest.fixture
def duration(qtbot, common: CommonTexts) -> DurationPicker:
    widget = DurationPicker(texts=common, years_caption="Y", months_caption="M")
    qtbot.add_widget(widget)
    return widget


def test_duration_starts_with_nothing_chosen(duration: DurationPicker, common: CommonTexts) -> None:
    """No number stands there to be taken as the answer (15 years, the minimum, once did)."""
    assert duration.value() is None
    assert duration.years.display.text() == common.picker_unset
    assert duration.months.display.text() == common.picker_unset


def test_duration_total_months_from_the_buttons(duration: DurationPicker) -> None:
    for _ in range(3):
        duration.years.buttons[5].click()
    assert duration.value() == 15 * 12  # touching the years chooses 0 months
    duration.years.buttons[-1].click()
    duration.months.buttons[1].click()
    duration.months.buttons[1].click()
    assert duration.total_months() == 14 * 12 + 2
    duration.years.buttons[5].click()
    assert duration.total_months() == 19 * 12 + 2


def test_duration_months_alone_mean_zero_years(duration: DurationPicker) -> None:
    duration.months.buttons[1].click()
    assert duration.value() == 1
    assert duration.years.chosen() == 0


def test_duration_minus_from_nothing_is_zero(qtbot, duration: DurationPicker) -> None:
    with qtbot.waitSignal(duration.changed):
        duration.years.buttons[-1].click()
    assert duration.value() == 0


def test_duration_months_stop_at_eleven(duration: DurationPicker) -> None:
    duration.set_total_months(15 * 12)
    duration.months.set_value(11)
    assert not duration.months.buttons[1].isEnabled()
    duration.months.buttons[1].click()
    assert duration.total_months() == 15 * 12 + 11


def test_duration_years_limited(duration: DurationPicker) -> None:
    duration.years.set_value(80)
    assert duration.years.value() == 50
    duration.years.set_value(0)
    duration.months.set_value(0)
    assert duration.total_months() == 0
    assert not duration.years.buttons[-5].isEnabled()


def test_duration_set_total_months_and_clear(duration: DurationPicker) -> None:
    duration.set_total_months(170)
    assert (duration.years.value(), duration.months.value()) == (14, 2)
    assert duration.total_months() == 170
    duration.clear()
    assert duration.value() is None


# OptionGroup -------------------------------------------------------------------------------------

OPTIONS = [Option("a", "Alpha", "first"), Option("b", "Beta", "second"), Option("c", "Gamma")]


def checked_options(group: OptionGroup) -> list[str]:
    return [option.key for option in OPTIONS if group.button(option.key).isChecked()]


@pytest.fixture
def options(qtbot, common: CommonTexts) -> OptionGroup:
    widget = OptionGroup(OPTIONS, texts=common)
    qtbot.add_widget(widget)
    return widget


def test_options_none_chosen_at_first(options: OptionGroup) -> None:
    assert options.value() is None
    assert options.keys() == ["a", "b", "c"]
    assert options.button("b").text() == "Beta"
    assert options.button("b").detail_label.text() == "second"


def test_options_are_exclusive(options: OptionGroup) -> None:
    options.button("a").click()
    assert options.value() == "a"
    options.button("c").click()
    assert options.value() == "c"
    assert checked_options(options) == ["c"]


def test_options_touching_the_chosen_one_keeps_it(options: OptionGroup) -> None:
    options.button("b").click()
    options.button("b").click()
    assert options.value() == "b"


def test_options_chosen_signal_on_every_touch(qtbot, options: OptionGroup) -> None:
    seen: list[str] = []
    options.chosen.connect(seen.append)
    with qtbot.waitSignal(options.chosen, check_params_cb=lambda key: key == "b"):
        options.button("b").click()
    options.button("b").click()
    options.button("a").click()
    assert seen == ["b", "b", "a"]


def test_options_set_value_does_not_emit_chosen(options: OptionGroup) -> None:
    seen: list[str] = []
    options.chosen.connect(seen.append)
    options.set_value("c")
    assert options.value() == "c"
    assert seen == []


def test_options_clear(options: OptionGroup) -> None:
    options.button("a").click()
    options.clear()
    assert options.value() is None
    assert checked_options(options) == []
    options.button("b").click()  # still exclusive after clearing
    options.button("c").click()
    assert options.value() == "c"
    assert not options.button("b").isChecked()
    options.set_value(None)
    assert options.value() is None


# Showing a top-level widget on the offscreen platform logs this harmless warning.
@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_options_touch_on_the_detail_text_presses_the_button(qtbot, options: OptionGroup) -> None:
    """The labels on a RichButton's face let the press through to the button."""
    options.resize(600, 500)
    options.show()
    qtbot.wait_exposed(options)
    target = options.button("a")
    detail = target.detail_label
    point = detail.mapTo(target, QPoint(detail.width() // 2, detail.height() // 2))
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert options.value() == "a"


# paging ------------------------------------------------------------------------------------------

MANY = [Option(str(i), f"Choice {i}", "a line of explanation") for i in range(9)]


def paged_group(qtbot, common: CommonTexts, height: int) -> OptionGroup:
    widget = OptionGroup(MANY, texts=common, columns=1)
    qtbot.add_widget(widget)
    widget.resize(600, height)
    widget.show()
    qtbot.wait_until(lambda: widget.pages != [])
    return widget


def shown(group: OptionGroup) -> list[str]:
    return [o.key for o in MANY if group.button(o.key).isVisible()]


def test_options_that_fit_show_all_without_a_pager(qtbot, common: CommonTexts) -> None:
    group = paged_group(qtbot, common, 4000)
    assert shown(group) == [o.key for o in MANY]
    assert not group.pager.isVisible()


def test_options_that_do_not_fit_are_paged_with_more_choices(qtbot, common: CommonTexts) -> None:
    group = paged_group(qtbot, common, 420)
    pages = len(group.pages)
    assert pages > 1
    assert group.pager.isVisible()
    assert group.pager.next_button.text() == common.page_more
    assert group.pager.indicator.text() == common.page_of.format(page=1, pages=pages)
    assert not group.pager.previous_button.isEnabled()
    seen: list[str] = []
    for _ in range(pages):
        seen += shown(group)
        for key in shown(group):  # each shown choice lies wholly inside the group, above the pager
            rect = group.button(key).geometry()
            assert group.rect().contains(rect) and rect.bottom() < group.pager.geometry().top()
        group.pager.next_button.click()
    assert seen == [o.key for o in MANY]  # every choice on exactly one page, in order
    assert not group.pager.next_button.isEnabled()
    group.pager.previous_button.click()
    assert group.page == pages - 2


def test_a_chosen_option_brings_its_page(qtbot, common: CommonTexts) -> None:
    group = paged_group(qtbot, common, 420)
    last = MANY[-1].key
    group.set_value(last)
    assert group.page == group.page_of(last) == len(group.pages) - 1
    assert group.button(last).isVisible()
    group.clear()
    assert group.page == 0
