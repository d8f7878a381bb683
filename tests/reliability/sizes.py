"""How big the reliability tests run: the one place their sizes live (docs quote them from here).

``KIOSK_RELIABILITY=full`` (``python3 packaging/dev.py reliability``) means full size; anything
else means the small size the normal test suite runs (each test well under 20 s).
"""

from __future__ import annotations

import os

FULL = os.environ.get("KIOSK_RELIABILITY", "") == "full"
SIZE_NAME = "full" if FULL else "small"

# Soak (test_soak.py): complete journeys through the real window, cycling through every walk of
# kiosk/ui/walks; memory is compared after the warm-up journeys.
SOAK_JOURNEYS = 1_000 if FULL else 21
if os.environ.get("KIOSK_SOAK_JOURNEYS"):  # fewer (or more) while exploring: say how many
    SOAK_JOURNEYS = int(os.environ["KIOSK_SOAK_JOURNEYS"])
# Warm-up: every walk's result shown in both languages at least once (the last, the FAQ's in
# English, is journey 126 at full size): a journey's result view keeps the widgets of the largest
# result it has shown, and refills them.
SOAK_WARMUP_JOURNEYS = 126 if FULL else 14
SOAK_MAX_RSS_GROWTH_MIB = 5.0

# Monkey (test_monkey.py): seeded random touches, clicks, keys, keypad entries and idle resets.
MONKEY_ACTIONS = 20_000 if FULL else 500
MONKEY_DEFAULT_SEEDS = (20261129,)  # KIOSK_MONKEY_SEED=<n>[,<n>...] replaces them
