"""English rules (placeholder, filled below)."""

from __future__ import annotations

from recoupe.timex.rules import Rule

RULES: tuple[Rule, ...] = ()
