-- Stories: articles grouped over time. Assignments are kept from run to run (incremental): a new
-- article joins the closest story or starts one; the past is not recomputed.

CREATE TABLE stories (
    id        TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    first     TEXT,                       -- earliest publication date
    last      TEXT,                       -- latest publication date
    signature TEXT NOT NULL DEFAULT '{}'  -- JSON: weighted terms and entities that define the story
);

CREATE TABLE story_articles (
    story   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (article)
);
CREATE INDEX story_articles_story ON story_articles(story);
