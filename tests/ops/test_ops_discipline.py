"""House rules for kiosk/ops: no Chinese literal in the code (every visible string is in ops.toml),
and the settings model loads without Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import kiosk

OPS_DIR = Path(kiosk.__file__).resolve().parent / "ops"
CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_no_chinese_literal_in_kiosk_ops() -> None:
    found = {}
    for path in sorted(OPS_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        literals = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and CJK.search(node.value)
        ]
        if literals:
            found[path.name] = literals
    assert found == {}


def test_settings_and_pin_hashing_load_without_qt() -> None:
    code = (
        "import sys, kiosk.settings, kiosk.ops.pin, kiosk.ops.usage, kiosk.ops.logs\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert completed.stdout.strip() == "[]"
