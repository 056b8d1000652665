"""python -m recoupe: the same as the recoupe command."""

from recoupe.cli import app

app()
