"""Cross-checking: the facts of many articles -> one record (resolve, stories, fuse)."""
