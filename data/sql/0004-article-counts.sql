-- Schema version 4: how many articles each view holds, kept by triggers;
-- the status in the index of the newest-first order.
-- The window shows a count beside every view and the list needs the
-- number of its rows before it can show any: counting 95,000 articles
-- from an index took 10–20 ms a view at start-up (docs/benchmarks.md).
-- The live (not deleted) articles are counted by status, office and
-- author, the three things the views filter on; a view's count is the sum
-- of a few rows of this table. Filters by category or date still count
-- the articles themselves.

CREATE TABLE article_counts (
  status  TEXT NOT NULL,
  office  TEXT NOT NULL,
  author  TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (status, office, author)
) STRICT, WITHOUT ROWID;

INSERT INTO article_counts (status, office, author, n)
  SELECT status, office, author, count(*) FROM articles WHERE deleted = 0
  GROUP BY status, office, author;

CREATE TRIGGER article_counts_insert AFTER INSERT ON articles
WHEN NEW.deleted = 0
BEGIN
  INSERT INTO article_counts (status, office, author, n)
    VALUES (NEW.status, NEW.office, NEW.author, 1)
    ON CONFLICT (status, office, author) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER article_counts_delete AFTER DELETE ON articles
WHEN OLD.deleted = 0
BEGIN
  UPDATE article_counts SET n = n - 1
    WHERE status = OLD.status AND office = OLD.office AND author = OLD.author;
END;

CREATE TRIGGER article_counts_update AFTER UPDATE OF status, office, author, deleted ON articles
WHEN OLD.status IS NOT NEW.status OR OLD.office IS NOT NEW.office
     OR OLD.author IS NOT NEW.author OR OLD.deleted IS NOT NEW.deleted
BEGIN
  UPDATE article_counts SET n = n - 1
    WHERE OLD.deleted = 0
      AND status = OLD.status AND office = OLD.office AND author = OLD.author;
  INSERT INTO article_counts (status, office, author, n)
    SELECT NEW.status, NEW.office, NEW.author, 1 WHERE NEW.deleted = 0
    ON CONFLICT (status, office, author) DO UPDATE SET n = n + 1;
END;

-- A page deep in the "All" view (four statuses, newest first) is found by
-- offset when the scroll bar is dragged there: with the status in the
-- index, SQLite skips the rows in the index alone instead of reading each
-- article's row to check its status (300 ms → 20 ms, 85,000 rows down).
DROP INDEX articles_by_updated;
CREATE INDEX articles_by_updated ON articles (deleted, updated DESC, id DESC, status);
