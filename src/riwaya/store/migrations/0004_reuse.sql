-- Passages that appear twice: copies, near copies and rewrites (written by the corpus stage).

CREATE TABLE reuse (
    a_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    a_start    INTEGER NOT NULL,
    a_end      INTEGER NOT NULL,
    b_article  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b_start    INTEGER NOT NULL,
    b_end      INTEGER NOT NULL,
    similarity REAL NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('copy', 'near_copy', 'rewrite')),
    PRIMARY KEY (a_article, a_start, b_article, b_start)
);
CREATE INDEX reuse_b ON reuse(b_article);
