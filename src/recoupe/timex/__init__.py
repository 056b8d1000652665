"""The time stage: temporal expressions (TIMEX3) of French and English news, anchored to the publication
date or to the narrative, and document dates inferred from the text when metadata has none."""

from __future__ import annotations

from recoupe.timex.records import DocumentDate, Timex
from recoupe.timex.tagger import tag

__all__ = ["DocumentDate", "Timex", "tag"]
