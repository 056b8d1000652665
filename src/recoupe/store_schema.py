"""The store's schema: the numbered migrations that ``Store.open`` (``store.py``) applies in order, each recorded
in ``schema_migrations``."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "raw documents, articles, sentences, parses, errors, runs",
        """
        CREATE TABLE raw_documents (
            raw_id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, origin VARCHAR NOT NULL,
            media VARCHAR NOT NULL, content BLOB NOT NULL, declared JSON, received TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL, article_id VARCHAR);
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, raw_id VARCHAR NOT NULL, source VARCHAR NOT NULL, outlet VARCHAR,
            title VARCHAR, author VARCHAR, published_value VARCHAR, published_basis VARCHAR NOT NULL,
            published_reason VARCHAR NOT NULL, lang VARCHAR NOT NULL, text VARCHAR NOT NULL,
            dropped INTEGER NOT NULL, warnings JSON NOT NULL, paragraphs JSON NOT NULL,
            model VARCHAR NOT NULL, n_tokens INTEGER NOT NULL, stored TIMESTAMP NOT NULL);
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL, text VARCHAR NOT NULL, PRIMARY KEY (article_id, idx));
        CREATE TABLE parses (article_id VARCHAR PRIMARY KEY, model VARCHAR NOT NULL, doc BLOB NOT NULL);
        CREATE TABLE ingest_errors (
            id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, stage VARCHAR NOT NULL, code VARCHAR NOT NULL,
            message VARCHAR NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL,
            times INTEGER NOT NULL);
        CREATE TABLE runs (
            id VARCHAR PRIMARY KEY, version VARCHAR NOT NULL, started TIMESTAMP NOT NULL,
            finished TIMESTAMP, inputs INTEGER, articles INTEGER, errors INTEGER, stages JSON,
            settings JSON);
        """,
    ),
    (
        "room for entities, mentions, timexes, events, arms transfers, conflicts",
        """
        CREATE TABLE entities (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        CREATE TABLE mentions (
            entity_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL, text VARCHAR NOT NULL, role VARCHAR,
            PRIMARY KEY (article_id, start_char, end_char));
        CREATE TABLE timexes (
            article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL, value VARCHAR, type VARCHAR, mod VARCHAR,
            PRIMARY KEY (article_id, start_char, end_char));
        CREATE TABLE events (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        CREATE TABLE arms_transfers (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        CREATE TABLE conflicts (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        """,
    ),
    (
        "mentions carry their type, knowledge-base link, role, country and sector; entity set by resolve",
        """
        DROP TABLE mentions;
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL, type VARCHAR NOT NULL, kb_id VARCHAR, how VARCHAR NOT NULL, role VARCHAR,
            country VARCHAR, sector VARCHAR, sentence INTEGER NOT NULL, entity_id VARCHAR,
            PRIMARY KEY (article_id, start_char, end_char));
        """,
    ),
    (
        "timexes keep granularity, range end, anchoring and reason; articles a lower bound of their date",
        """
        ALTER TABLE timexes ADD COLUMN granularity VARCHAR;
        ALTER TABLE timexes ADD COLUMN range_end VARCHAR;
        ALTER TABLE timexes ADD COLUMN anchored VARCHAR;
        ALTER TABLE timexes ADD COLUMN reason VARCHAR;
        ALTER TABLE articles ADD COLUMN published_not_before VARCHAR;
        """,
    ),
    (
        "event mentions as each article tells them, kept until entities are resolved",
        """
        CREATE TABLE event_mentions (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, record JSON NOT NULL, PRIMARY KEY (article_id, idx));
        """,
    ),
    (
        "stories (with their coverage) and each article's story, syndication group and date inferred from its story",
        """
        CREATE TABLE stories (id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        ALTER TABLE articles ADD COLUMN story VARCHAR;
        ALTER TABLE articles ADD COLUMN syndicated VARCHAR;
        ALTER TABLE articles ADD COLUMN inferred JSON;
        CREATE TABLE redated_event_mentions (
            article_id VARCHAR NOT NULL, dct VARCHAR NOT NULL, idx INTEGER NOT NULL, record JSON NOT NULL,
            PRIMARY KEY (article_id, dct, idx));
        CREATE TABLE redated (article_id VARCHAR NOT NULL, dct VARCHAR NOT NULL, PRIMARY KEY (article_id, dct));
        CREATE TABLE lead_vectors (key VARCHAR PRIMARY KEY, vector BLOB NOT NULL);
        """,
    ),
    (
        "the analyst's review log, reviewer accounts, a flat index of the events and folded article text (serve)",
        """
        CREATE TABLE reviews (
            seq INTEGER PRIMARY KEY, stamp TIMESTAMP NOT NULL, reviewer VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            action VARCHAR NOT NULL, subject VARCHAR NOT NULL, anchor JSON NOT NULL, field VARCHAR, before JSON,
            after JSON, note VARCHAR);
        CREATE TABLE users (name VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, created TIMESTAMP NOT NULL);
        CREATE TABLE event_index (
            id VARCHAR PRIMARY KEY, category VARCHAR, date_start VARCHAR, date_end VARCHAR, factuality VARCHAR,
            n_sources INTEGER, confidence DOUBLE, review VARCHAR NOT NULL, actors VARCHAR NOT NULL,
            states VARCHAR NOT NULL, entities VARCHAR NOT NULL, articles VARCHAR NOT NULL, quotes VARCHAR NOT NULL);
        CREATE TABLE search_text (article_id VARCHAR PRIMARY KEY, folded VARCHAR NOT NULL);
        CREATE TABLE search_postings (token VARCHAR PRIMARY KEY, articles VARCHAR[] NOT NULL);
        """,
    ),
    (
        "each raw document records which build of the reading stages read it (a later build reads it again)",
        """
        ALTER TABLE raw_documents ADD COLUMN reader VARCHAR;
        """,
    ),
)
