/**
 * The canonical text of a stored audit event (src/audit/domain/hash-chain.ts,
 * `canonicalEventText`) as a PostgreSQL expression over `audit_events e`, so
 * verification can recompute every hash where the events lie, in parallel.
 * `to_json(text)` escapes exactly as JSON.stringify does (quote, backslash,
 * \b \f \n \r \t, other control characters as lowercase \u00xx), which is
 * what RFC 8785 prescribes; an e2e property test holds the two equal.
 */
export const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const str = (column: string) => `to_json(${column})::text`;
const nullable = (column: string) => `coalesce(to_json(${column})::text, 'null')`;

export const CANONICAL_EVENT_SQL = [
  `'{"action":' || ${str('e.action')}`,
  `',"actor":{"agencyId":' || ${nullable('e.actor_agency_id')}`,
  `',"id":' || ${nullable('e.actor_id')}`,
  `',"role":' || ${nullable('e.actor_role')}`,
  `',"type":' || ${str('e.actor_type')}`,
  `'},"chainId":' || ${str('e.chain_id')}`,
  `',"id":' || ${str('e.id')}`,
  `',"payload":' || e.payload::text`,
  `',"recordedAt":"' || to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO_MS}) || '"'`,
  `',"requestId":' || ${nullable('e.request_id')}`,
  `',"seq":' || e.seq::text`,
  `',"subject":{"id":' || ${nullable('e.subject_id')}`,
  `',"type":' || ${str('e.subject_type')} || '}}'`,
].join(' || ');

/** SHA-256(prev_hash ‖ UTF-8(canonical text)): the hash the event must carry. */
export const EVENT_HASH_SQL = `sha256(e.prev_hash || convert_to(${CANONICAL_EVENT_SQL}, 'UTF8'))`;
