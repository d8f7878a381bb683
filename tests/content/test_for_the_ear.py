"""Screen text made fit for the ear (kiosk/content/spoken.py): what 朗读 says of a screen has no
symbol a speech engine would read out or skip, in either language. Qt-free."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.content.spoken import for_the_ear, language_of
from kiosk.content.texts import load_texts

ZH = load_texts(resources.text_dir(), "zh_CN").speech
EN = load_texts(resources.text_dir(), "en").speech


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        ("共1,234,567.89元", "共1234567.89元"),
        ("缴费基数是工资的8%", "缴费基数是工资的百分之8"),
        (
            "基础养老金 = （8,123.00元 + 8,123.00元）÷ 2 × 30.00年 × 1% = 2,436.90元。",
            "基础养老金 等于，8123.00元 加 8123.00元，除以 2 乘 30.00年 乘 百分之1 等于 2436.90元。",
        ),
        ("女职工 · 原55岁退休", "女职工，原55岁退休"),
        (
            "在干部、管理岗位工作的女职工（原法定退休年龄五十五周岁）。",
            "在干部、管理岗位工作的女职工，原法定退休年龄五十五周岁。",
        ),
        ("先用“减”“加”选年份", "先用减、加选年份"),
        ("字号/对比", "字号、对比"),
        ("−1年", "减1年"),
        ("个人权益记录（对账单）、电子社保卡", "个人权益记录，对账单、电子社保卡"),
    ],
)
def test_chinese_screen_text_as_said(shown: str, said: str) -> None:
    assert for_the_ear(ZH, shown) == said


@pytest.mark.parametrize(
    ("shown", "said"),
    [
        ("Retire in 9/2025", "Retire in September 2025"),
        ("1,524.20 yuan/month", "1524.20 yuan per month"),
        ("8% of the wage", "8 percent of the wage"),
        ("Female (retired at 55)", "Female, retired at 55"),
        (
            "Basic = (8,123.00 + 8,123.00) ÷ 2 × 30 × 1% = 2,436.90 yuan.",
            "Basic equals, 8123.00 plus 8123.00, divided by 2 times 30 times 1 percent equals 2436.90 yuan.",
        ),
    ],
)
def test_english_screen_text_as_said(shown: str, said: str) -> None:
    assert for_the_ear(EN, shown) == said


@pytest.mark.parametrize("speech", [ZH, EN], ids=["zh_CN", "en"])
def test_no_symbol_of_the_catalogue_is_left(speech) -> None:  # type: ignore[no-untyped-def]
    text = "".join(speech.symbols) + " 12% 3,456 7/2030 “quoted”"
    said = for_the_ear(speech, text)
    assert not set(said) & (set(speech.symbols) | set("%“”"))


def test_the_faq_is_said_in_chinese_in_an_english_session() -> None:
    assert language_of("退休年龄怎么算？", "en", chinese="zh_CN") == "zh_CN"
    assert language_of("Retirement age", "en", chinese="zh_CN") == "en"
    assert language_of("12333", "zh_CN", chinese="zh_CN") == "zh_CN"
