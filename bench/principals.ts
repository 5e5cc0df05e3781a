import argon2 from 'argon2';
import pg from 'pg';
import { v7 } from 'uuid';
import { newApiKeySecret } from '../src/auth/api-key-secret.js';
import type { Actor } from '../src/authz/domain/roles.js';

export const PRINCIPAL_PASSWORD = 'bench-password-0001';

export interface Principals {
  frontline: { id: string; code: string }[];
  authority: { id: string; code: string };
  office: { id: string; code: string };
  users: {
    commissioner: { id: string; email: string };
    decisionMaker: { id: string; email: string };
  };
  keys: Map<string, { id: string; token: string }>;
  officerOf: (agencyId: string) => Actor;
  decisionMaker: Actor;
}

/**
 * The agencies, users and API keys a generated load acts as: `frontlineCount`
 * frontline agencies with one API key each, a competent authority with a
 * decision maker, the commissioner's office with a commissioner. Written
 * directly (owner connection) so setup costs no HTTP round trips.
 */
export async function createPrincipals(url: string, frontlineCount = 20): Promise<Principals> {
  const frontline = Array.from({ length: frontlineCount }, (_, i) => ({ id: v7(), code: `BF-${i}` }));
  const authority = { id: v7(), code: 'BCA' };
  const office = { id: v7(), code: 'BOC' };
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const a of frontline) {
      await db.query(`INSERT INTO agencies (id, name, code, kind, alert_email) VALUES ($1, $2, $3, 'frontline', $4)`, [
        a.id,
        `Bench frontline ${a.code}`,
        a.code,
        `${a.code.toLowerCase()}@bench.invalid`,
      ]);
    }
    await db.query(
      `INSERT INTO agencies (id, name, code, kind) VALUES ($1, 'Bench authority', $2, 'competent_authority')`,
      [authority.id, authority.code],
    );
    await db.query(
      `INSERT INTO agencies (id, name, code, kind) VALUES ($1, 'Bench office', $2, 'commissioner_office')`,
      [office.id, office.code],
    );
    const hash = await argon2.hash(PRINCIPAL_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    const users = {
      commissioner: { id: v7(), email: 'commissioner@bench.invalid', role: 'commissioner', agencyId: office.id },
      decisionMaker: { id: v7(), email: 'dm@bench.invalid', role: 'decision_maker', agencyId: authority.id },
    };
    for (const u of Object.values(users)) {
      await db.query(
        `INSERT INTO users (id, email, display_name, password_hash, role, agency_id) VALUES ($1, $2, $2, $3, $4, $5)`,
        [u.id, u.email, hash, u.role, u.agencyId],
      );
    }
    const keys = await insertApiKeys(
      db,
      frontline.map((a) => a.id),
    );
    return {
      frontline,
      authority,
      office,
      users,
      keys,
      officerOf: (agencyId) => ({
        kind: 'api_key',
        id: keys.get(agencyId)!.id,
        role: 'agency_officer',
        agencyId,
        agencyKind: 'frontline',
        conflictAgencyIds: [],
      }),
      decisionMaker: {
        kind: 'user',
        id: users.decisionMaker.id,
        role: 'decision_maker',
        agencyId: authority.id,
        agencyKind: 'competent_authority',
        conflictAgencyIds: [],
      },
    };
  } finally {
    await db.end();
  }
}

/** One new API key per agency (the tokens are never stored: a kept database gets fresh keys for each run). */
async function insertApiKeys(db: pg.Client, agencyIds: string[]): Promise<Map<string, { id: string; token: string }>> {
  const keys = new Map<string, { id: string; token: string }>();
  for (const agencyId of agencyIds) {
    const id = v7();
    const { token, secretHash } = newApiKeySecret(id);
    await db.query(`INSERT INTO api_keys (id, agency_id, name, secret_hash) VALUES ($1, $2, 'bench', $3)`, [
      id,
      agencyId,
      secretHash,
    ]);
    keys.set(agencyId, { id, token });
  }
  return keys;
}

/** Fresh API keys for the frontline agencies of a database an earlier run kept. */
export async function mintApiKeys(url: string): Promise<Map<string, { id: string; token: string }>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const rows = await db.query<{ id: string }>(`SELECT id FROM agencies WHERE kind = 'frontline'`);
    return await insertApiKeys(
      db,
      rows.rows.map((r) => r.id),
    );
  } finally {
    await db.end();
  }
}
