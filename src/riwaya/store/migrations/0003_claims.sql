-- Claims (groups of statements that say the same thing), their members and contradictions.
-- Written by the corpus stage from the stored attributions; recomputed as a whole.

CREATE TABLE claims (
    id                  TEXT PRIMARY KEY,
    text                TEXT NOT NULL,           -- a canonical wording
    independent_origins INTEGER NOT NULL,
    origins             TEXT NOT NULL DEFAULT '[]'  -- JSON: the root sources, with what they do
);

CREATE TABLE claim_members (
    claim       TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    attribution TEXT NOT NULL,                   -- the export id of the attribution
    article     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('supports', 'denies', 'relays', 'discusses')),
    PRIMARY KEY (claim, attribution)
);
CREATE INDEX claim_members_attribution ON claim_members(attribution);

CREATE TABLE contradictions (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    a_article   TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL, a_attribution TEXT,
    b_article   TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL, b_attribution TEXT,
    explanation TEXT NOT NULL
);
