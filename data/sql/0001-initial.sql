-- Schema version 1: the directory, articles, revisions, the audit trail,
-- comments, locks, media and exports. Applied in one transaction.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('allow_self_approval', '0');

CREATE TABLE offices (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE users (
  login     TEXT PRIMARY KEY,
  full_name TEXT NOT NULL,
  office    TEXT REFERENCES offices (code),
  roles     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE articles (
  id                 INTEGER PRIMARY KEY,
  office             TEXT NOT NULL REFERENCES offices (code),
  category_id        INTEGER REFERENCES categories (id),
  status             TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'submitted', 'approved', 'published', 'archived')),
  current_revision   INTEGER REFERENCES revisions (id),
  approved_revision  INTEGER REFERENCES revisions (id),
  approved_hash      TEXT,
  published_revision INTEGER REFERENCES revisions (id),
  author             TEXT NOT NULL REFERENCES users (login),
  submitted_by       TEXT REFERENCES users (login),
  version            INTEGER NOT NULL DEFAULT 1,
  created            INTEGER NOT NULL,
  updated            INTEGER NOT NULL,
  deleted            INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The list views: newest first within a status, an office or an author.
CREATE INDEX articles_by_status ON articles (deleted, status, updated DESC, id DESC);
CREATE INDEX articles_by_office ON articles (deleted, office, updated DESC, id DESC);
CREATE INDEX articles_by_author ON articles (deleted, author, updated DESC, id DESC);
CREATE INDEX articles_by_updated ON articles (deleted, updated DESC, id DESC);

-- Immutable snapshots of everything editable. tags: one per line.
CREATE TABLE revisions (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles (id),
  parent_id    INTEGER REFERENCES revisions (id),
  author       TEXT NOT NULL REFERENCES users (login),
  created      INTEGER NOT NULL,
  title        TEXT NOT NULL,
  lead         TEXT,
  body         TEXT,
  byline       TEXT,
  category     TEXT,
  event_date   TEXT,
  display_date TEXT,
  tags         TEXT,
  hash         TEXT NOT NULL
) STRICT;

CREATE INDEX revisions_by_article ON revisions (article_id, id);

-- The audit trail: one row per status change (and per creation).
CREATE TABLE transitions (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id),
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL REFERENCES users (login),
  created     INTEGER NOT NULL,
  comment     TEXT,
  revision_id INTEGER NOT NULL REFERENCES revisions (id),
  hash        TEXT NOT NULL
) STRICT;

CREATE INDEX transitions_by_article ON transitions (article_id, id);

CREATE TABLE comments (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id),
  revision_id INTEGER REFERENCES revisions (id),
  author      TEXT NOT NULL REFERENCES users (login),
  created     INTEGER NOT NULL,
  text        TEXT NOT NULL,
  resolved    INTEGER NOT NULL DEFAULT 0,
  anchor      TEXT
) STRICT;

CREATE INDEX comments_by_article ON comments (article_id, id);

CREATE TABLE locks (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id),
  login      TEXT NOT NULL REFERENCES users (login),
  host       TEXT,
  heartbeat  INTEGER NOT NULL
) STRICT;

CREATE TABLE media (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER REFERENCES articles (id),
  sha256     TEXT NOT NULL UNIQUE,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  width      INTEGER,
  height     INTEGER,
  data       BLOB NOT NULL,
  created    INTEGER NOT NULL
) STRICT;

CREATE TABLE exports (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER REFERENCES articles (id),
  revision_id INTEGER REFERENCES revisions (id),
  login       TEXT NOT NULL,
  created     INTEGER NOT NULL,
  format      TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL
) STRICT;
