-- The seed's two rows (database.sql), present on first start.
INSERT INTO hardware (provider, name) VALUES ('Amazon', 'c5');
INSERT INTO hardware (provider, name) VALUES ('Azure', 'H16mr');
