import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §15: the staff console's sessions. One row per refresh token; a family
 * is one sign-in, each refresh adding the next token of it. Only SHA-256 of a
 * token is kept, so reading the table yields no cookie that works.
 */
export class CreateRefreshTokens1795569000000 implements MigrationInterface {
  name = 'CreateRefreshTokens1795569000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
        -- The role and agency the user signed in with: a refresh after either changed ends the session.
        role text NOT NULL,
        agency_id uuid,
        signed_in_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        -- The family's absolute end (signed_in_at + SESSION_MAX_HOURS), the same on every token of it.
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CHECK (signed_in_at <= created_at AND created_at < expires_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    // Rotation under concurrency may never leave a sign-in with two tokens that still work.
    await q.query(
      `CREATE UNIQUE INDEX refresh_tokens_one_live_per_family ON refresh_tokens (family_id)
         WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
  }
}
