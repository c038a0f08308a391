-- Demo accounts (well-known password) are marked so that leaving demo mode disables them.
ALTER TABLE accounts_user_account ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
