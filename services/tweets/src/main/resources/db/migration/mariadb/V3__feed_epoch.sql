-- The change feed's identity: a random id drawn once, when this database is created, and answered
-- with every feed page. Search keeps it with its cursor: a feed with another epoch (a new, reset or
-- replaced database) has other seqs, so search reads it again from 0 instead of resuming.
CREATE TABLE feed_epoch (
  id INT PRIMARY KEY,
  epoch VARCHAR(36) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO feed_epoch (id, epoch) VALUES (1, UUID());
