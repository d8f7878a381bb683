"""Fixtures for the FAQ content tests: the loaded content for a fixed day, and a copy to break."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.content.faq import Content, content_dir, load_content
from kiosk.content.pinyin import load_readings
from kiosk.content.search import SearchIndex
from kiosk.rules import RulesData

DAY = date(2026, 11, 29)


@pytest.fixture(scope="session")
def content(rules: RulesData, zh_texts) -> Content:
    return load_content(
        content_dir(resources.resources_dir()), rules, as_of=DAY, common=zh_texts.common
    )


@pytest.fixture(scope="session")
def index(content: Content) -> SearchIndex:
    """As the kiosk builds it: from the bundled pinyin readings."""
    return SearchIndex(content, load_readings(content_dir(resources.resources_dir())))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of resources/ to break; returns its root."""
    root = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), root)
    return root
