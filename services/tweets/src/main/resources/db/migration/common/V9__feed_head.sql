-- The newest seq the feed has given, kept beside the lock that numbering takes (ChangeLog.number).
-- Not MAX(seq): a change replaces its tweet's earlier row, so when the newest row is replaced the
-- maximum falls, and the next numbers would repeat ones that a reader has already passed.
ALTER TABLE change_lock ADD COLUMN head BIGINT DEFAULT 0 NOT NULL;
UPDATE change_lock SET head = (SELECT COALESCE(MAX(seq), 0) FROM tweet_changes);
