-- The account's identity for other services (the "account" claim of its tokens): a random UUID
-- drawn at registration, never reused. The username can be registered again once its account is
-- gone (e.g. a database restored from a backup); the new account gets a new id, so what other
-- services keep for the old one (tweets) never passes to it.
ALTER TABLE app_user ADD COLUMN account_id VARCHAR(36) NULL;
UPDATE app_user SET account_id = CAST(gen_random_uuid() AS VARCHAR(36));
ALTER TABLE app_user ADD CONSTRAINT app_user_account_id_key UNIQUE (account_id);
