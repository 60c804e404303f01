-- Inputs, articles and their annotation spans; full-text search over normalised Arabic.

CREATE TABLE sources (
    origin      TEXT PRIMARY KEY,          -- a file path or URL as given
    fingerprint TEXT,                      -- sha256 of the raw bytes (NULL for URLs)
    pipeline    TEXT NOT NULL,             -- version of the analysis that read it
    status      TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'skipped')),
    articles    INTEGER NOT NULL DEFAULT 0,
    problems    TEXT NOT NULL DEFAULT '[]', -- JSON list of messages
    updated_at  TEXT NOT NULL
);

CREATE TABLE articles (
    id              TEXT PRIMARY KEY,      -- content hash of (part, outlet, text)
    source          TEXT NOT NULL,         -- where it was read from (path, path#L12, URL)
    part            INTEGER NOT NULL DEFAULT 0,
    outlet          TEXT,
    outlet_basis    TEXT,
    title           TEXT,
    url             TEXT,
    published       TEXT,
    published_basis TEXT,
    text            TEXT NOT NULL,
    meta            TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL
);
CREATE INDEX articles_source ON articles(source, part);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

-- Which inputs gave which article: an article stays while any input still gives it.
CREATE TABLE article_sources (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin  TEXT NOT NULL,
    PRIMARY KEY (origin, article)
) WITHOUT ROWID;
CREATE INDEX article_sources_article ON article_sources(article);

CREATE TABLE spans (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    layer   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    label   TEXT NOT NULL DEFAULT '',
    attrs   TEXT
);
CREATE INDEX spans_article ON spans(article, layer);

-- rowid = articles.rowid; title and body in the loose normalised form (أحمد finds احمد)
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
