"""The sheet as data (no Qt): the answers and results as on screen, the steps in the catalogue's
words, the parameter year, the note, the QR summary, and nothing personal."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import segno

from kiosk.content.texts import Texts
from kiosk.present import Sheet, qr_code
from kiosk.rules import StepKey

EXPECTED_RETIREMENT_SUMMARY = "\n".join(
    [
        "威海市社会保险事业中心·退休年龄与资格测算单（2026年11月29日 10:05）",
        "人员类型：男职工",
        "出生年月：1965年7月",
        "累计缴费年限（含视同）：14年2个月",
        "改革后法定退休年龄：60岁2个月",
        "改革后退休时间：2025年9月",
        "延迟月数：2个月",
        "仅供参考，以社会保险经办机构核定为准。",
    ]
)


def test_retirement_summary_is_exactly_the_inputs_and_results(sheets: dict[str, Sheet]) -> None:
    assert sheets["retirement"].summary == EXPECTED_RETIREMENT_SUMMARY


def test_each_sheet_has_its_title_answers_results_and_note(
    sheets: dict[str, Sheet], catalogue: Texts
) -> None:
    ret, con, pen = sheets["retirement"], sheets["contribution"], sheets["pension"]
    assert [s.kind for s in (ret, con, pen)] == ["retirement", "contribution", "pension"]
    assert (ret.title, con.title, pen.title) == (
        "退休年龄与资格测算单",
        "缴费测算单",
        "养老金测算单",
    )
    for sheet in sheets.values():
        assert sheet.centre == "威海市社会保险事业中心"
        assert sheet.created_text == "测算时间：2026年11月29日 10:05"
        assert sheet.note == catalogue.common.disclaimer
        assert "仅供参考" in sheet.note and "以社会保险经办机构核定为准" in sheet.note
        assert sheet.answers.lines and sheet.figures and sheet.steps.paragraphs
        assert sheet.legal_basis.paragraphs
    assert [(f.label, f.value) for f in con.figures] == [
        ("缴费基数", "4,573.00元"),
        ("每次缴费（按季）", "2,743.80元"),
        ("全年缴费", "10,975.20元"),
    ]
    assert ("缴费档次", "60%档") in [(a.label, a.value) for a in con.answers.lines]
    assert pen.figures[0].label == "每月基本养老金约"
    assert "（估算）" in pen.figures[2].label  # the personal-account part


def test_parameter_year_and_provisional_flag(sheets: dict[str, Sheet]) -> None:
    assert sheets["contribution"].parameters.paragraphs[0] == "使用2026年参数"
    pension = sheets["pension"].parameters.paragraphs[0]
    assert pension.startswith("使用2025年参数") and "暂按" in pension  # 2027 not yet published
    assert "使用2025年参数" in sheets["pension"].summary


def test_steps_are_worded_from_the_catalogue(sheets: dict[str, Sheet], catalogue: Texts) -> None:
    steps = sheets["retirement"].steps
    assert steps.numbered
    template = catalogue.step_template(StepKey.RET_ORIGINAL)
    assert steps.paragraphs[0] == template.format(original_age="60岁", original_month="2025年7月")
    assert any("（假设）" in text for text in sheets["pension"].steps.paragraphs)  # the estimate


def test_file_name_comes_from_the_calculation_and_date(sheets: dict[str, Sheet]) -> None:
    assert sheets["pension"].file_name == "养老金测算单_2026-11-29_1005.pdf"


def test_nothing_personal_on_the_sheet_or_in_the_code(sheets: dict[str, Sheet]) -> None:
    allowed = {
        "人员类型", "出生年月", "累计缴费年限（含视同）", "参保身份", "缴费年度", "缴费档次",
        "缴费方式", "退休年龄", "建账前缴费年限（含视同）", "个人账户储存额",
    }  # fmt: skip
    for sheet in sheets.values():
        assert {line.label for line in sheet.answers.lines} <= allowed
        for text in (sheet.visible_text(), sheet.summary):
            assert not re.search(r"\d{15,}", text)  # no ID or card number
            assert not re.search("姓名|身份证|社保卡号|手机号|电话", text)


def test_qr_code_is_byte_mode_utf8_and_phone_sized(sheets: dict[str, Sheet]) -> None:
    for sheet in sheets.values():
        code = qr_code(sheet)
        assert code.mode == "byte"
        assert code.version <= 25  # 117 modules at most: about 0.4 mm each on the printed code
        # L, raised only where that costs no module: the fewest modules for an older phone
        minimal = segno.make_qr(sheet.summary, error="l", mode="byte", boost_error=False)
        assert code.version == minimal.version
        assert code.error in ("L", "M", "Q", "H")


def test_the_presentation_package_imports_no_qt() -> None:
    probe = "import json, sys, kiosk.present; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    modules = json.loads(done.stdout)
    assert "kiosk.present.sheet" in modules and "kiosk.present.qr" in modules
    assert not [m for m in modules if m.startswith(("PySide6", "shiboken6", "kiosk.ui"))]
