"""The dossier: what a reader opens. Pure functions from the store's records to text.

- ``timeline.timeline_md``: events by date with their sources and first quote, then the articles by date;
- ``report.report_html``: one self-contained page (inline CSS, JS and data) with the interactive timeline,
  the actor graph, the arms register, the conflicts, the coverage per story and every quote, anchor-linked;
- ``graphml.graphml``: actors and events as a GraphML graph (Gephi, networkx);
- ``formats``: the other export formats (PLOVER JSON records, flat CSV rows).

Nothing here reads or writes a file except the page's own assets (package data); ``recoupe.dossier.export`` writes.
"""

from __future__ import annotations

from recoupe.dossier.graphml import graphml
from recoupe.dossier.report import report_html
from recoupe.dossier.timeline import timeline_md

__all__ = ["graphml", "report_html", "timeline_md"]
