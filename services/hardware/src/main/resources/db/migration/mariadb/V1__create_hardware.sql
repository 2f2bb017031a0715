-- The seed's table (database.sql), with bounded columns and one row per provider and name.
-- utf8mb4_bin compares the way H2 and PostgreSQL do (case-sensitive), so "Amazon"/"c5" and
-- "amazon"/"C5" are two rows on every database.
CREATE TABLE hardware (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  provider VARCHAR(100) NOT NULL,
  name VARCHAR(100) NOT NULL,
  CONSTRAINT hardware_provider_name_key UNIQUE (provider, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
