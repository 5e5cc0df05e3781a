import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, AgencyKind } from '../authz/domain/roles.js';
import { parseApiKeyToken, secretMatches } from './api-key-secret.js';

/** An agency's API key acts as an officer of that agency (SPEC §1). */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly db: DataSource) {}

  async authenticate(token: string): Promise<Actor | undefined> {
    const parsed = parseApiKeyToken(token);
    if (!parsed) return undefined;
    const rows = await this.db.query<{ agency_id: string; secret_hash: Buffer; kind: AgencyKind }[]>(
      `SELECT k.agency_id, k.secret_hash, a.kind
         FROM api_keys k JOIN agencies a ON a.id = k.agency_id
        WHERE k.id = $1 AND k.revoked_at IS NULL`,
      [parsed.keyId],
    );
    const key = rows[0];
    if (!key || !secretMatches(parsed.secret, key.secret_hash)) return undefined;
    return {
      kind: 'api_key',
      id: parsed.keyId,
      role: 'agency_officer',
      agencyId: key.agency_id,
      agencyKind: key.kind,
      conflictAgencyIds: [],
    };
  }
}
