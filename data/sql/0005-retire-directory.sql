-- Schema version 5: offices, categories and users can be retired.
-- Articles, revisions, transitions, comments and exports name them by
-- key, and history must keep reading exactly as it was written: a row of
-- the directory is therefore never deleted, only marked retired (the time
-- it was retired, microseconds since the epoch; 0 while in service). A
-- retired user cannot act, a retired office or category takes no new
-- articles; both still name what they did or held before.

ALTER TABLE offices ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE categories ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
