-- The seed's nine tags (db/trident.sql), ids 1-9 as in the contract. Always present.
INSERT INTO tags (id, name) VALUES (1, 'general');
INSERT INTO tags (id, name) VALUES (2, 'health');
INSERT INTO tags (id, name) VALUES (3, 'business');
INSERT INTO tags (id, name) VALUES (4, 'world news');
INSERT INTO tags (id, name) VALUES (5, 'music');
INSERT INTO tags (id, name) VALUES (6, 'technology');
INSERT INTO tags (id, name) VALUES (7, 'beauty');
INSERT INTO tags (id, name) VALUES (8, 'movies and tv');
INSERT INTO tags (id, name) VALUES (9, 'slalom');
