"""The content side of ``kiosk-calc``: ``faq-list``, ``faq-search QUERY [--limit N]``,
``faq-pinyin [--write]`` and what ``check`` adds (the FAQ and guide files, their bundled pinyin,
and the bundled font's coverage of every string)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.content.faq import Content, FaqEntry, content_dir, load_content
from kiosk.content.glyphs import font_problems
from kiosk.content.pinyin import (
    load_readings,
    readings_path,
    readings_toml,
    searchable_texts,
    unread_texts,
)
from kiosk.content.search import SearchIndex
from kiosk.content.texts import CommonTexts
from kiosk.datafile import DataFileError
from kiosk.files import default_file_mode, write_atomically
from kiosk.rules import RulesData

COMMANDS = ("faq-list", "faq-search", "faq-pinyin")


class ProblemsFound(DataFileError):
    """Several problems, each naming its file and field (``kiosk-calc check`` lists them all);
    as a DataFileError it names the first, and its message lists them all."""

    def __init__(self, problems: list[DataFileError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.field, first.problem)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(DataFileError.__str__(p) for p in self.problems)


def entry_json(entry: FaqEntry) -> dict[str, str]:
    return {"id": entry.id, "category": entry.category, "question": entry.question}


def run(args: argparse.Namespace, root: Path, rules: RulesData, common: CommonTexts) -> Any:
    """``faq-list`` / ``faq-search``: a JSON list of ``{id, category, question}``, best first.
    ``common``: the catalogue of the FAQ's language (it words the figures the answers quote)."""
    folder = content_dir(root)
    content = load_content(folder, rules, as_of=date.today(), common=common)
    if args.command == "faq-list":
        return [entry_json(entry) for entry in content.entries]
    if args.command == "faq-pinyin":
        return pinyin_command(folder, content, write=args.write)
    hits = SearchIndex(content, load_readings(folder)).search(args.query, limit=args.limit)
    return [entry_json(hit.entry) for hit in hits]


def pinyin_command(folder: Path, content: Content, *, write: bool) -> dict[str, Any]:
    """``faq-pinyin``: work out the readings of every searchable text with pypinyin; with
    ``write``, (re)write ``content/pinyin.toml``. Returns the file and how many texts changed."""
    texts = searchable_texts(content)
    path = readings_path(folder)
    missing = unread_texts(content, load_readings(folder))
    if write:
        try:  # a read-only bundle or a full disk: named, and no half-written file
            write_atomically(path, readings_toml(texts).encode("utf-8"), mode=default_file_mode())
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise DataFileError(path, "", f"cannot be written (无法写入): {reason}") from None
    return {"file": str(path), "texts": len(texts), "missing": len(missing), "written": write}


def check_font(root: Path, content: Content) -> None:
    """Raise ProblemsFound if a bundled font cannot draw a character of any string on screen
    (the application runs this at start-up too)."""
    problems = font_problems(root, _resolved_texts(content))
    if problems:
        raise ProblemsFound(problems)


def _resolved_texts(content: Content) -> list[tuple[Path, str, str]]:
    """The answers as shown, figures filled in (their file is the content folder)."""
    folder = content.files[0].parent
    return [
        (folder, f"{entry.id}.{name}", text)
        for entry in content.entries
        for name, text in (("answer", entry.answer), ("source", entry.source))
    ]
