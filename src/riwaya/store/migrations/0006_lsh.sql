-- MinHash LSH over paragraphs and whole articles (reuse/lsh.py): the state that lets copy detection run
-- incrementally — a new run compares only its new articles with the bands already stored — and a
-- sliding window (`riwaya analyze --reuse-window DAYS`) can drop the bands of old articles.

CREATE TABLE lsh_passages (
    id        INTEGER PRIMARY KEY,
    article   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    day       TEXT,               -- publication day, for the window
    words     INTEGER NOT NULL,
    whole     INTEGER NOT NULL,   -- 1: the article's whole text, 0: one of its paragraphs
    digest    BLOB NOT NULL,      -- hash of the normalised words: equal digests are copies
    signature BLOB NOT NULL       -- MinHash signature, 128 unsigned 32-bit values
);
CREATE INDEX lsh_passages_article ON lsh_passages(article);
CREATE INDEX lsh_passages_day ON lsh_passages(day);

-- one b-tree ordered by (band, key): the lookup a new passage makes, with no separate index to keep up
CREATE TABLE lsh_bands (
    band    INTEGER NOT NULL,
    key     INTEGER NOT NULL,
    passage INTEGER NOT NULL REFERENCES lsh_passages(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, passage)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_passage ON lsh_bands(passage);

-- articles already indexed (also those too short to give a passage)
CREATE TABLE lsh_done (article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);

-- copies and near copies found through the bands: kept across runs, like the bands
CREATE TABLE passage_reuse (
    a_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    a_start    INTEGER NOT NULL,
    a_end      INTEGER NOT NULL,
    b_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b_start    INTEGER NOT NULL,
    b_end      INTEGER NOT NULL,
    similarity REAL NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('copy', 'near_copy')),
    PRIMARY KEY (a_article, a_start, b_article, b_start)
);
CREATE INDEX passage_reuse_b ON passage_reuse(b_article);
