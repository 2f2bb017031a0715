-- Accounts. "user" is reserved in PostgreSQL and H2, hence app_user. Usernames are lower-case by
-- rule and emails are stored lower-case, so plain unique constraints make both case-insensitive.
-- created is UTC wall-clock time (the service binds LocalDateTime in UTC on every database);
-- DATETIME, not TIMESTAMP, which MariaDB converts by session time zone and ends in 2038.
-- utf8mb4_bin compares the way H2 and PostgreSQL do.
CREATE TABLE app_user (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(30) NOT NULL,
  email VARCHAR(254) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  first_name VARCHAR(100) NOT NULL,
  last_name VARCHAR(100) NOT NULL,
  created DATETIME(0) NOT NULL,
  CONSTRAINT app_user_username_key UNIQUE (username),
  CONSTRAINT app_user_email_key UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
