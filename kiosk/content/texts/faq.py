"""常见问题 and 办事指南: the home tiles, the FAQ screens (categories, questions, answer, search)
and the service guide's headings. The FAQ entries themselves live in resources/content/."""

from __future__ import annotations

from kiosk.content.texts._base import Section


class FaqTexts(Section):
    # home tiles
    tile_title: str
    tile_line: str
    guide_tile_title: str
    guide_tile_line: str
    # categories
    title: str
    prompt: str
    search_button: str
    search_hint: str
    category_count: str
    # search
    search_title: str
    search_placeholder: str
    search_prompt: str
    results_count: str
    results_more: str
    no_results: str
    key_space: str
    # answer
    where_title: str
    related_title: str
    journey_button: str
    source: str
    checked: str
    # service guide
    guide_title: str
    guide_channels: str
    guide_bring: str
    # shown when the interface language is not the content's (the FAQ entries are Chinese only)
    content_language: str
