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
SOAK_WARMUP_JOURNEYS = 28 if FULL else 14  # every kind of journey at least once
SOAK_MAX_RSS_GROWTH_MIB = 5.0

# Monkey (test_monkey.py): seeded random touches, clicks, keys, keypad entries and idle resets.
MONKEY_ACTIONS = 20_000 if FULL else 500
MONKEY_DEFAULT_SEEDS = (20261129,)  # KIOSK_MONKEY_SEED=<n>[,<n>...] replaces them
