"""The time stage: temporal expressions (TIMEX3) of French and English news, anchored to the publication
date or to the narrative, and dates of documents inferred from the text when metadata has none.

    >>> from recoupe.understand.timex import tag
    >>> [(t.text, t.value, t.mod) for t in tag("Fin juin, des observateurs sont venus.", lang="fr", dct="2022-09-20")]
    [('Fin juin', '2022-06', 'END')]
"""

from __future__ import annotations

from recoupe.understand.timex.cli import run_jsonl, tag_one
from recoupe.understand.timex.dating import date_from_story, event_date, infer_document_date
from recoupe.understand.timex.records import DocumentDate, Timex
from recoupe.understand.timex.tagger import tag

__all__ = ["DocumentDate", "Timex", "date_from_story", "event_date", "infer_document_date", "run_jsonl", "tag",
           "tag_one"]
