"""FAQ search: Chinese, full pinyin and initials find the same best question; partial typing works;
no match gives nothing; every keystroke answers in well under 5 ms."""

from __future__ import annotations

import time

import pytest

from kiosk.content.search import SearchIndex

# (what a citizen wants, the best entry) in the three input styles
RANKING = [
    ("退休年龄", "tuixiunianling", "txnl", "ret-reform"),
    ("视同缴费", "shitongjiaofei", "stjf", "ret-deemed"),
    ("静默认证", "jingmorenzheng", "jmrz", "pen-silent"),
    ("滞纳金", "zhinajin", "znj", "his-late-fees"),
    ("缓缴", "huanjiao", "hj", "his-deferral"),
    ("电子地图", "dianziditu", "dzdt", "onl-emap"),
    ("工伤预防", "gongshangyufang", "gsyf", "inj-training"),
    ("次月计发", "ciyuejifa", "cyjf", "pen-start-month"),
    ("计发基数", "jifajishu", "jfjs", "pen-base"),
    ("提前退休", "tiqiantuixiu", "tqtx", "ret-flex-early"),
    ("掌上办", "zhangshangban", "zsb", "onl-app"),
    ("失业保险", "shiyebaoxian", "sybx", "une-rate"),
]


def top(index: SearchIndex, query: str) -> str:
    hits = index.search(query, limit=1)
    assert hits, f"nothing for {query!r}"
    return hits[0].entry.id


@pytest.mark.parametrize(("chinese", "full", "initials", "best"), RANKING)
@pytest.mark.parametrize("style", ["chinese", "full", "initials"])
def test_best_question_first(
    index: SearchIndex, chinese: str, full: str, initials: str, best: str, style: str
) -> None:
    query = {"chinese": chinese, "full": full, "initials": initials}[style]
    assert top(index, query) == best


@pytest.mark.parametrize(("chinese", "full", "initials", "best"), RANKING)
def test_the_three_styles_find_the_same_entries_first(
    index: SearchIndex, chinese: str, full: str, initials: str, best: str
) -> None:
    assert best in [h.entry.id for h in index.search(initials)[:3]]
    assert best in [h.entry.id for h in index.search(full)[:3]]


@pytest.mark.parametrize("query", ["t", "tu", "tui", "tuix", "tuixi", "tuixiu"])
def test_typing_letter_by_letter_keeps_finding(index: SearchIndex, query: str) -> None:
    assert any(h.entry.id == "ret-reform" for h in index.search(query))


def test_mixed_syllables_and_initials(index: SearchIndex) -> None:
    assert top(index, "tuixnl") == "ret-reform"
    assert top(index, "shitjf") == "ret-deemed"


def test_pinyin_must_start_at_a_syllable(index: SearchIndex) -> None:
    """'uixiu' is inside tuixiu but starts mid-syllable: no citizen types that."""
    assert index.search("uixiu") == []


def test_case_and_spaces(index: SearchIndex) -> None:
    assert top(index, "TXNL") == "ret-reform"
    assert top(index, "  txnl ") == "ret-reform"


def test_several_words_must_all_match(index: SearchIndex) -> None:
    both = {h.entry.id for h in index.search("灵活就业 补交")}
    assert both == {"his-flexible"} or "his-flexible" in both
    assert all(
        "灵活就业" in (h.entry.question + h.entry.answer + "".join(h.entry.keywords))
        for h in index.search("灵活就业 补交")
    )


def test_digits_and_latin_words(index: SearchIndex) -> None:
    assert top(index, "app") == "onl-app"
    assert "ret-minimum-2030" in [h.entry.id for h in index.search("2030")[:2]]


def test_close_chinese_wording_still_finds(index: SearchIndex) -> None:
    """One character different (退休的年龄) still shares most pairs with 退休年龄."""
    assert index.search("法定退休的年龄")


def test_no_match(index: SearchIndex) -> None:
    assert index.search("zzzq") == []
    assert index.search("") == []
    assert index.search("   ") == []


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("t", limit=5)) == 5


def test_each_keystroke_under_5_ms(index: SearchIndex) -> None:
    """Each prefix as typed, uncached; the best of five runs, so that a busy test machine does
    not fail it (tests/bench/faq_search.py prints the full figures)."""
    worst = 0.0
    for word in ("tuixiunianling", "txnl", "shitongjiaofei", "zhinajin", "退休年龄"):
        for end in range(1, len(word) + 1):
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                index.rank(word[:end])
                runs.append(time.perf_counter() - start)
            worst = max(worst, min(runs))
    assert worst < 0.005, f"{worst * 1000:.2f} ms"
