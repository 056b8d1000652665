"""Reading: bytes -> a clean article (ingest, downloads, clean, boilerplate, metadata)."""
