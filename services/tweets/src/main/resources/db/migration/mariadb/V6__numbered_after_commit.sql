-- A change is appended unnumbered, without a lock, and numbered in the feed's order once it has
-- committed (ChangeLog.number): the identity column becomes the row's id, and seq the feed's number,
-- null until then. The changes already there keep their numbers.
ALTER TABLE tweet_changes RENAME COLUMN seq TO id;
ALTER TABLE tweet_changes ADD COLUMN seq BIGINT NULL;
UPDATE tweet_changes SET seq = id;
CREATE UNIQUE INDEX tweet_changes_seq_idx ON tweet_changes (seq);
