-- Schema version 2: full-text search over the current revision.
-- article_fts holds a folded copy (no tones, đ→d, lower case) so that
-- "dong thap" finds "Đồng Tháp"; article_fts_exact keeps the marks so that
-- a query typed with them can rank exact matches first. rowid = article id.
-- toa_fold() and toa_fold_exact() and toa_body_text() are registered by
-- the store on its connection.

CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, lead, body, byline, tags,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE article_fts_exact USING fts5 (
  title, lead, body, byline, tags,
  tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO article_fts (rowid, title, lead, body, byline, tags)
  SELECT a.id, toa_fold (r.title), toa_fold (r.lead), toa_fold (toa_body_text (r.body)),
         toa_fold (r.byline), toa_fold (r.tags)
  FROM articles a JOIN revisions r ON r.id = a.current_revision;

INSERT INTO article_fts_exact (rowid, title, lead, body, byline, tags)
  SELECT a.id, toa_fold_exact (r.title), toa_fold_exact (r.lead),
         toa_fold_exact (toa_body_text (r.body)), toa_fold_exact (r.byline),
         toa_fold_exact (r.tags)
  FROM articles a JOIN revisions r ON r.id = a.current_revision;
