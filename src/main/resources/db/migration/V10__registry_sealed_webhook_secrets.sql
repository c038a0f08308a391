-- registry: webhook secrets are stored sealed (AES-256-GCM under a key kept outside the
-- database, see SecretBox); a sealed value is longer than the plain one. Plain values
-- stored before are sealed at the next start (WebhookSecretSealing).
ALTER TABLE registry_shop ALTER COLUMN webhook_secret TYPE VARCHAR(200);
