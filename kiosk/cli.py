"""``kiosk-calc``: the rules from the command line, one JSON object on stdout; and
``kiosk-calc hash-pin``, which prints the admin PIN's hash (one line) for the settings file.

Amounts are strings with 2 decimals, months are integers, year-months are ``YYYY-MM``. Bad input
exits with status 2 and one line on stderr naming the field; a broken data file exits with 1; a
``--pdf`` that cannot be written exits with 3 (one line, and no partial file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from kiosk import resources
from kiosk.content import commands as content_commands
from kiosk.content import format as fmt
from kiosk.content.texts import DEFAULT_LANGUAGE, LANGUAGES, Texts, load_texts
from kiosk.fingerprint import resources_fingerprint
from kiosk.journeys import JOURNEYS, CliCommand, JourneySpec
from kiosk.journeys import args as arg_types
from kiosk.present import Presentation
from kiosk.rules import DataFileError, InputError, RulesData, load_rules

EXIT_BAD_INPUT = 2
EXIT_BAD_DATA = 1
EXIT_NOT_WRITTEN = 3  # --pdf: the sheet could not be written (nothing is left at the path)


class PdfNotWritten(Exception):
    """``--pdf PATH`` could not be written: a full disk, a missing or read-only folder, or a
    path that is not a regular file (``/dev/full``)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (and exits 2) instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        one_line = message.replace("\r", "\\r").replace("\n", "\\n")  # a stray "a\nb" argument
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {one_line}\n")


def _reject_empty_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Python 3.11's argparse takes ``--wage=--`` as an empty list instead of an error."""
    for name, value in vars(args).items():
        if isinstance(value, list):
            parser.error(f"argument --{name.replace('_', '-')}: expected one argument")


def build_parser(journeys: Sequence[JourneySpec] = JOURNEYS) -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk-calc", description="威海社保自助终端的测算规则（命令行）")
    parser.add_argument(
        "--resources", type=Path, help="resources folder (default: the bundled one)"
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="wording of the presentation and of errors (default zh_CN)",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in journey_commands(journeys).values():
        sub = commands.add_parser(command.name, help=command.help)
        command.add_arguments(sub)
        sub.add_argument("--pdf", type=Path, help="同时把测算单写成 PDF 文件（A4）")
    commands.add_parser("check", help="校验全部内置数据文件")
    commands.add_parser(
        "hash-pin",
        help="设置管理密码：输入两次（或从标准输入读一行），输出 admin_pin_hash 的值",
    )
    commands.add_parser("faq-list", help="全部常见问题（JSON：id、category、question）")
    faq_search = commands.add_parser("faq-search", help="搜索常见问题（汉字、全拼或首字母）")
    faq_search.add_argument("query", help="例如 退休年龄、tuixiu、txnl")
    faq_search.add_argument("--limit", type=arg_types.non_negative_int, help="最多列出几条")
    faq_pinyin = commands.add_parser(
        "faq-pinyin", help="为搜索生成常见问题的拼音（content/pinyin.toml）"
    )
    faq_pinyin.add_argument(
        "--write", action="store_true", help="写入 content/pinyin.toml（默认只报告）"
    )
    return parser


def journey_commands(journeys: Sequence[JourneySpec]) -> dict[str, CliCommand]:
    return {command.name: command for spec in journeys for command in spec.cli}


def run_journey(
    command: CliCommand, args: argparse.Namespace, rules: RulesData, texts: Texts
) -> dict[str, Any]:
    """One journey's JSON: its typed fields and, under ``presentation``, the worded result."""
    today = args.as_of if getattr(args, "as_of", None) else date.today()
    run = command.run(args, rules, today, texts)
    if getattr(args, "pdf", None) is not None:
        _write_sheet(args, rules, run.presentation, texts, today)
    return run.fields | {
        "spoken_summary": run.presentation.spoken,
        "presentation": run.presentation.as_json(),
    }


def check(args: argparse.Namespace) -> dict[str, Any]:
    """``check``: every bundled file, as the kiosk validates them at start-up."""
    from kiosk.bundle import validate_bundle

    bundle = validate_bundle(args.resources)
    fingerprint = resources_fingerprint(bundle.root)
    return {
        "ok": True,
        "rules_updated": bundle.rules.updated.isoformat(),
        "rules_fingerprint": fingerprint.rules.digest,
        "content_fingerprint": fingerprint.content.digest,
        "checked": bundle.files(),
    }


def _write_sheet(
    args: argparse.Namespace,
    rules: RulesData,
    presentation: Presentation,
    texts: Texts,
    today: date,
) -> None:
    """``--pdf PATH``: the same 测算单 the screen prints. Qt is imported only here, offscreen."""
    from datetime import datetime

    from kiosk.present import make_sheet

    root = args.resources or resources.resources_dir()
    moment = datetime.combine(today, datetime.now().time())
    built = make_sheet(presentation, texts, created=moment, rules_updated=rules.updated)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.sheet_render import SheetRenderError, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    family = register_fonts(resources.fonts_dir(root))
    try:
        write_pdf(built, args.pdf, font_family=family)
    except SheetRenderError as exc:
        raise PdfNotWritten(f"无法写入 {args.pdf}: {exc}") from None


def main(argv: Sequence[str] | None = None, *, journeys: Sequence[JourneySpec] = JOURNEYS) -> int:
    parser = build_parser(journeys)
    args = parser.parse_args(argv)
    _reject_empty_values(parser, args)
    if args.command == "hash-pin":  # needs no rules: it only hashes the PIN
        from kiosk.ops.set_pin import hash_pin_command

        return hash_pin_command(prog="kiosk-calc")
    root = args.resources or resources.resources_dir()
    try:
        rules = load_rules(resources.rules_dir(root))
        texts = load_texts(resources.text_dir(root), args.language)
    except DataFileError as exc:
        print(f"kiosk-calc: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    command = journey_commands(journeys).get(args.command)
    try:
        if command is not None:
            output: Any = run_journey(command, args, rules, texts)
        elif args.command in content_commands.COMMANDS:
            faq_texts = load_texts(resources.text_dir(root), DEFAULT_LANGUAGE)  # the FAQ's language
            output = content_commands.run(args, root, rules, faq_texts.common)
        else:
            output = check(args)
    except content_commands.ProblemsFound as found:
        for problem in found.problems:
            print(f"kiosk-calc: {problem}", file=sys.stderr)
        return EXIT_BAD_DATA
    except DataFileError as exc:
        print(f"kiosk-calc: {exc}", file=sys.stderr)
        return EXIT_BAD_DATA
    except InputError as exc:
        print(f"kiosk-calc: {exc.field}: {fmt.error_text(texts, exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PdfNotWritten as exc:
        print(f"kiosk-calc: pdf: {exc}", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    try:
        json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
