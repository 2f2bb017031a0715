-- A user's public tweets, newest first, as others see them (TweetRepository.byUser): both fixed
-- columns lead, so the page is read in index order and stops at its limit, whatever the user's
-- share of the table.
CREATE INDEX tweets_user_public_idx ON tweets (username, private, created DESC, id DESC);
