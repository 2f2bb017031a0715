-- Tags are reference data (ids fixed by the contract), tweets are written through the API, and
-- tweet_changes is the outbox behind /internal/v1/changes: one row per accepted write, in the same
-- transaction, carrying the tweet's state after the write (null columns for a deletion).
-- text: up to 280 code points; utf8mb4 VARCHAR counts characters, 1120 leaves room as on H2.
-- DATETIME holds UTC without conversion (TIMESTAMP would convert by the session time zone).
-- utf8mb4_bin compares like H2 and PostgreSQL (case-sensitive).
CREATE TABLE tags (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  CONSTRAINT tags_name_key UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tweets (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(30) NOT NULL,
  text VARCHAR(1120) NOT NULL,
  private BOOLEAN NOT NULL,
  tag_id INT NULL,
  created DATETIME NOT NULL,
  updated DATETIME NOT NULL,
  CONSTRAINT tweets_tag_fk FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- The public timeline and a user's page, both newest first.
CREATE INDEX tweets_timeline_idx ON tweets (private, created DESC, id DESC);
CREATE INDEX tweets_username_idx ON tweets (username, created DESC, id DESC);

CREATE TABLE tweet_changes (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  tweet_id BIGINT NOT NULL,
  type VARCHAR(10) NOT NULL,
  created DATETIME NOT NULL,
  username VARCHAR(30) NULL,
  text VARCHAR(1120) NULL,
  private BOOLEAN NULL,
  tag_id INT NULL,
  tweet_created DATETIME NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row, locked by every write just before it appends to tweet_changes, so that change rows are
-- numbered in commit order (see ChangeLog).
CREATE TABLE change_lock (
  id INT PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO change_lock (id) VALUES (1);

-- Demo data sets already loaded (laptop profile), so that each is loaded once.
CREATE TABLE demo_loads (
  name VARCHAR(50) PRIMARY KEY,
  loaded DATETIME NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
