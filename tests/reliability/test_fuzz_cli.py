"""Fuzz ``kiosk-calc``'s arguments, in-process (``kiosk.cli.main``, stdout and stderr captured).

The documented contract, for any arguments: exit status 0 with one JSON value on stdout (amounts
as ``123.45`` strings, months as integers not below 0) and nothing on stderr; or exit status 2
(argparse's usage error counts) with nothing on stdout and exactly one line on stderr naming the
option or field, never a traceback. Any other status or an escaping exception fails.

The arguments: a sensible call of a subcommand (so the JSON side is reached too), then up to three
mutations: a value just outside its range or garbage (empty, unicode, full-width digits, huge
numbers, NaN, line breaks, other options' values), an option dropped, given twice, without its
value or as ``--opt=value``, an unknown option or a stray word; options in any order. ``--pdf``, ``--help``,
``--resources`` and ``faq-pinyin`` are left out: they write files, print help or load another
bundle, which is not what is fuzzed here.

Size: 150 examples per subcommand (derandomized), 5,000 at full size (``KIOSK_RELIABILITY=full``);
``faq-search`` 60 / 1,000 (each call loads the content). The ``@example`` rows are what fuzzing
found (tracebacks or a two-line error before the fixes); they run at every size.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from fuzzing import FULL, FUZZ_CLI_EXAMPLES, fuzz_settings
from hypothesis import event, example, given
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.rules.steps import FIELDS as INPUT_FIELDS

AMOUNT = re.compile(r"^\d+\.\d{2}$")
AMOUNT_KEYS = {
    "base",
    "base_floor",
    "base_ceiling",
    "individual_monthly",
    "employer_monthly",
    "personal_account_monthly",
    "pooled_fund_monthly",
    "per_payment",
    "annual",
    "pension_base",
    "indexed_monthly_wage",
    "basic_pension",
    "personal_account_pension",
    "transitional_pension",
    "total",
}
DECIMAL_KEYS = {"contribution_years", "pre_account_years", "payment_months"}
# the fields an InputError can name (kiosk.rules), as the CLI prints them
FIELDS = set(INPUT_FIELDS)
FAQ_EXAMPLES = 1_000 if FULL else 60


# --- running kiosk-calc -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(argv: Sequence[str]) -> Run:
    """``kiosk-calc ARGV`` in-process; argparse's SystemExit gives the status like a real exit."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            assert isinstance(exc.code, int), exc.code
            code = exc.code
    return Run(code, out.getvalue(), err.getvalue())


def assert_contract(run: Run, argv: Sequence[str], options: set[str]) -> Any:
    """Exit 0 with JSON (returned), or exit 2 with one stderr line naming an option or field."""
    assert "Traceback" not in run.out + run.err, (argv, run.err)
    event(f"exit {run.code}")
    if run.code == 0:
        assert run.err == "", (argv, run.err)
        return json.loads(run.out)
    assert run.code == 2, (argv, run.code, run.err)
    assert run.out == "", argv
    lines = run.err.rstrip("\n").split("\n")  # a line as a terminal or a log shows it
    assert len(lines) == 1, (argv, run.err)
    line = lines[0]
    assert line.startswith("kiosk-calc"), (argv, line)
    named = {name for name in options | FIELDS if name in line}
    assert named or "unrecognized arguments" in line or "invalid choice" in line, (argv, line)
    return None


def assert_amounts(data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key in AMOUNT_KEYS and value is not None:
            assert isinstance(value, str) and AMOUNT.match(value), (key, value)
        elif key in DECIMAL_KEYS:
            assert re.fullmatch(r"\d+\.\d{1,2}", value), (key, value)
        elif key.endswith("months") and isinstance(value, int) and not isinstance(value, bool):
            assert value >= 0, (key, value)


# --- the arguments -------------------------------------------------------------------------------

GARBAGE = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "-",
            "--",
            "-1",
            "0",
            "-0",
            "-0.00",
            "NaN",
            "inf",
            "-inf",
            "1e999999",
            "1E-999999",
            "0x10",
        ]
    ),
    st.sampled_from(["１２３", "四千", "1,000", "1_000", "12.", ".5", "5e3", "٣٠٠", "\u200b1"]),
    st.sampled_from(["two\nlines", "cr\rlf\n", "tab\there", "'quoted'", "%(prog)s", "{field}"]),
    st.sampled_from(["1965-07", "2026-11-29", "male", "month", "flexible", "--birth"]),
    st.text(max_size=12).filter(lambda text: "\x00" not in text),
    st.integers().map(str),
)


def numbers(low: int, high: int) -> st.SearchStrategy[str]:
    """Numbers as text: at and beyond each end, with decimals, and garbage."""
    return st.one_of(
        st.sampled_from([str(low - 1), str(low), str(high), str(high + 1)]),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.integers().map(str),
        GARBAGE,
    )


def in_range(low: int | str, high: int | str, places: int = 0) -> st.SearchStrategy[str]:
    """Sensible values as text (the rules may still refuse a combination of them)."""
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=places).map(str)


def year_months() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds("{}-{}".format, st.integers(-99, 99999), st.integers(-1, 13)),
        st.sampled_from(["0001-01", "9999-12", "1929-12", "1930-01", "2100-12", "2101-01"]),
        GARBAGE,
    )


def days() -> st.SearchStrategy[str]:
    return st.one_of(st.dates().map(str), GARBAGE)


def choices(*names: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(names), GARBAGE)


@dataclass(frozen=True)
class Option:
    """A subcommand's option: how a sensible value is drawn, and how a broken one is."""

    valid: st.SearchStrategy[str]
    broken: st.SearchStrategy[str]


BIRTHS = st.builds("{:04d}-{:02d}".format, st.integers(1930, 2026), st.integers(1, 12))
SOON = st.dates(date(2020, 1, 1), date(2035, 12, 31)).map(str)
OPTIONS: dict[str, dict[str, Option]] = {
    "retirement": {
        "--birth": Option(BIRTHS, year_months()),
        "--category": Option(st.sampled_from(["male", "female-55", "female-50"]), GARBAGE),
        "--contribution-months": Option(in_range(0, 840), numbers(0, 840)),
        "--as-of": Option(SOON, days()),
    },
    "contribution": {
        "--kind": Option(st.sampled_from(["employee", "flexible"]), GARBAGE),
        "--year": Option(in_range(2020, 2028), numbers(1900, 2100)),
        "--wage": Option(in_range(0, 40000, 2), numbers(0, 10_000_000)),
        "--base": Option(in_range(4600, 17000, 2), numbers(4573, 22863)),
        "--base-percent": Option(in_range(60, 300, 1), numbers(60, 300)),
        "--period": Option(st.sampled_from(["month", "quarter", "half-year", "year"]), GARBAGE),
        "--as-of": Option(SOON, days()),
    },
    "pension": {
        "--pension-base": Option(in_range(1, 20000, 2), numbers(0, 100_000_000)),
        "--retirement-year": Option(in_range(2023, 2035), numbers(1900, 2100)),
        "--index": Option(in_range("0.3", 3, 4), numbers(0, 3)),
        "--contribution-months": Option(in_range(180, 840), numbers(0, 840)),
        "--pre-account-months": Option(in_range(0, 200), numbers(0, 840)),
        "--account-balance": Option(in_range(0, 1_000_000, 2), numbers(0, 100_000_000)),
        "--retirement-age-months": Option(in_range(480, 840), numbers(480, 840)),
        "--payment-months": Option(in_range(1, 300, 1), numbers(1, 300)),
    },
}


def template(draw: st.DrawFn, command: str) -> list[str]:
    """The options a sensible call gives (which one of each either/or pair, which optional ones)."""
    if command == "retirement":
        required = ["--birth", "--category"]
        optional = ["--contribution-months", "--as-of"]
    elif command == "contribution":
        kind = draw(st.sampled_from(["employee", "flexible"]))
        amount = (
            "--wage" if kind == "employee" else draw(st.sampled_from(["--base", "--base-percent"]))
        )
        required = ["--kind", "--year", amount]
        optional = ["--period", "--as-of"]
    else:
        required = [
            draw(st.sampled_from(["--pension-base", "--retirement-year"])),
            "--index",
            "--contribution-months",
            "--pre-account-months",
            "--account-balance",
            "--retirement-age-months",
        ]
        optional = ["--payment-months"]
    return required + [name for name in optional if draw(st.booleans())]


def is_left_out(token: str) -> bool:
    """``--help``/``-h`` (prints help, exits 0), ``--pdf`` and ``--write`` (write files),
    ``--resources`` (another bundle: exit 1 is right there), and their abbreviations."""
    return token == "-h" or any(
        len(token) >= 3 and whole.startswith(token.split("=")[0])
        for whole in ("--help", "--pdf", "--write", "--resources")
    )


MUTATIONS = ("broken value", "drop", "twice", "no value", "equals", "stray", "other option")


@st.composite
def arguments(draw: st.DrawFn, command: str) -> list[str]:
    """A sensible call of ``command``, then none to three mutations of it."""
    options = OPTIONS[command]
    names = template(draw, command)
    kind = {"--kind": "employee" if "--wage" in names else "flexible"}
    # (option name, its tokens); a stray token has no name
    given = [(name, [name, kind.get(name) or draw(options[name].valid)]) for name in names]
    for _ in range(draw(st.integers(0, 3))):
        mutation = draw(st.sampled_from(MUTATIONS))
        if mutation == "other option" or not given:
            name = draw(st.sampled_from(sorted(options)))
            given.append((name, [name, draw(options[name].valid)]))
            continue
        index = draw(st.integers(0, len(given) - 1))
        name = given[index][0] or draw(st.sampled_from(sorted(options)))
        broken = draw(options[name].broken)
        if mutation == "broken value":
            given[index] = (name, [name, broken])
        elif mutation == "drop":
            del given[index]
        elif mutation == "twice":
            given.append((name, [name, broken]))
        elif mutation == "no value":
            given[index] = (name, [name])
        elif mutation == "equals":
            given[index] = (name, [f"{name}={broken}"])
        else:
            stray = draw(st.one_of(GARBAGE, st.builds("--{}".format, st.text(max_size=8))))
            given.insert(index, ("", [stray]))
    order = draw(st.permutations(range(len(given))))
    argv = [command, *(token for i in order for token in given[i][1])]
    return [token for token in argv if not is_left_out(token)]


PENSION_CALL = [
    "pension",
    "--pension-base=7831",
    "--index=1",
    "--contribution-months=360",
    "--pre-account-months=120",
    "--account-balance=100000",
    "--retirement-age-months=720",
]


def fuzz_command(argv: list[str]) -> None:
    options = {name.removeprefix("--") for name in OPTIONS[argv[0]]} | set(OPTIONS[argv[0]])
    data = assert_contract(run_cli(argv), argv, options)
    if data is not None:
        assert isinstance(data, dict), data
        assert_amounts(data)


# --- the tests ---------------------------------------------------------------------------------


@fuzz_settings(FUZZ_CLI_EXAMPLES)
@given(argv=arguments("retirement"))
@example(argv=["retirement", "--birth=--", "--category", "male"])
@example(argv=["retirement", "--birth", "1965-07", "--category", "male", "two\nlines"])
@example(argv=["retirement", "--birth", "9990-01", "--category", "male", "--as-of", "9999-12-31"])
def test_retirement_arguments(argv: list[str]) -> None:
    fuzz_command(argv)


@fuzz_settings(FUZZ_CLI_EXAMPLES)
@given(argv=arguments("contribution"))
@example(argv=["contribution", "--kind", "employee", "--year", "2026", "--wage=--"])
@example(argv=["contribution", "--kind", "flexible", "--year", "2026", "--base", "1e27"])
def test_contribution_arguments(argv: list[str]) -> None:
    fuzz_command(argv)


@fuzz_settings(FUZZ_CLI_EXAMPLES)
@given(argv=arguments("pension"))
@example(argv=[*PENSION_CALL, "--payment-months", "1E-28"])
@example(argv=[*PENSION_CALL, "--payment-months=139", "--account-balance", "-0"])
@example(argv=[*PENSION_CALL, "--payment-months=139", "--retirement-age-months=5"])
def test_pension_arguments(argv: list[str]) -> None:
    fuzz_command(argv)


@fuzz_settings(FUZZ_CLI_EXAMPLES)
@given(
    before=st.lists(GARBAGE, max_size=2),
    command=st.one_of(st.sampled_from(["retirement", "pension", "Retirement", "calc"]), GARBAGE),
    after=st.lists(GARBAGE, max_size=2),
)
def test_anything_in_front_of_the_command(
    before: list[str], command: str, after: list[str]
) -> None:
    argv = [token for token in (*before, command, *after) if not is_left_out(token)]
    if not argv or {"check", "faq-list", "faq-search", "faq-pinyin"} & set(argv):
        argv.insert(0, "nonsense")  # the slow content commands are fuzzed on their own
    assert_contract(run_cli(argv), argv, {"command", "--resources", "resources", "birth"})


@fuzz_settings(FAQ_EXAMPLES)
@given(
    query=st.one_of(
        st.text(max_size=20),
        st.sampled_from(["退休年龄", "tuixiu", "txnl", "TUI XIU", "  ", "缴费 基数", "ǚ", "%s"]),
    ),
    limit=st.one_of(st.none(), in_range(0, 100), numbers(0, 100)),
)
def test_faq_search_arguments(query: str, limit: str | None) -> None:
    limit_option = [] if limit is None else ["--limit", limit]
    # a query that looks like an option goes after "--", as a user would have to write it
    argv = ["faq-search", *limit_option, *(["--"] if query.startswith("-") else []), query]
    hits = assert_contract(run_cli(argv), argv, {"limit", "--limit", "query"})
    if hits is not None:
        assert isinstance(hits, list)
        assert all(set(hit) == {"id", "category", "question"} for hit in hits), hits
        if limit is not None:
            assert len(hits) <= int(limit)
