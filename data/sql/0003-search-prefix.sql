-- Schema version 3: prefix indexes on the folded search table.
-- The search box searches as the user types, so the last word is a prefix
-- ("nghi" for "nghiệp"); without a prefix index FTS5 merges the lists of
-- every term that starts with it, which took 100–170 ms for a short prefix
-- on 100,000 articles (docs/benchmarks.md). Terms of 2, 3 and 4 letters
-- get their own index entries; longer prefixes match few terms anyway.

DROP TABLE article_fts;

CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, lead, body, byline, tags,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);

INSERT INTO article_fts (rowid, title, lead, body, byline, tags)
  SELECT a.id, toa_fold (r.title), toa_fold (r.lead), toa_fold (toa_body_text (r.body)),
         toa_fold (r.byline), toa_fold (r.tags)
  FROM articles a JOIN revisions r ON r.id = a.current_revision;
