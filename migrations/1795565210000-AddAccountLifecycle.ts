import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountLifecycle1795565210000 implements MigrationInterface {
  name = 'AddAccountLifecycle1795565210000';

  async up(q: QueryRunner): Promise<void> {
    // Accounts that can read personal data get no password from the admin: they set their own through a
    // one-time link, so until then there is none.
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    // Access tokens issued before this instant are refused (set when a password is set and when disabled).
    await q.query(`ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz`);
    await q.query(`
      CREATE TABLE password_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX password_tokens_hash_key ON password_tokens (token_hash)`);
    await q.query(`CREATE INDEX password_tokens_user_idx ON password_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN tokens_valid_after, DROP COLUMN disabled_at`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
