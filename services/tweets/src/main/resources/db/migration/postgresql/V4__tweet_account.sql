-- The author's account id (the users service's "account" claim): tweets belong to the account, not
-- to the name, which another account may register later. Null for tweets written before ids existed
-- and for demo tweets: those go by their username.
ALTER TABLE tweets ADD COLUMN account_id VARCHAR(36) NULL;
