-- Stories as events (stories/cluster.py): the signature is now the story's centroid (a sum of unit
-- tf-idf vectors of its articles), and `central` keeps the few articles closest to it, whose headline
-- labels the story: JSON [[article id, headline, {term: weight}], ...], closest first.

ALTER TABLE stories ADD COLUMN central TEXT NOT NULL DEFAULT '[]';
