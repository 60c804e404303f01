-- Entities resolved across the corpus, and their mentions (written by the corpus stage).

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,          -- knowledge-base id, or "x:" + hash of the name for unknown names
    name     TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'MISC')),
    kb       TEXT,                      -- knowledge-base id when linked
    wikidata TEXT,
    aliases  TEXT NOT NULL DEFAULT '[]' -- JSON: every surface form the corpus used
);

CREATE TABLE entity_mentions (
    entity  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    surface TEXT NOT NULL,
    PRIMARY KEY (article, start, "end")
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity);
