-- The PostgreSQL of deploy/compose.yaml holds one database per service that owns data: users
-- (created by POSTGRES_DB) and tweets. Run once, when the data volume is new.
CREATE DATABASE tweets;
