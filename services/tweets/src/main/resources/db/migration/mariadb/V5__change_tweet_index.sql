-- Each write removes the tweet's earlier changes (ChangeLog.append): found by tweet.
CREATE INDEX tweet_changes_tweet_idx ON tweet_changes (tweet_id);
