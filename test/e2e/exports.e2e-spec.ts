import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  CASE_STATES,
  CLOSE_OUTCOMES,
  type CaseState,
  type CloseOutcome,
} from '../../src/cases/domain/identification.js';
import { INDICATOR_CODES } from '../../src/cases/domain/indicators.js';
import { EXPORT_COLUMNS, generalise, type QuasiIdentifiers } from '../../src/reports/domain/anonymisation.js';
import { decided, openCase, SEEDED_PII } from '../factories/cases.js';
import type { Session } from '../factories/session.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { parseCsv } from '../support/csv.js';

const K = 3;
const HEADER = [...EXPORT_COLUMNS, 'count'];

/** A synthetic case written straight to the database, with markers that must never reach an export. */
interface SyntheticCase {
  id: string;
  externalRef: string;
  pseudonym: string;
  location: string;
  pii: string;
  sex: string;
  birthYear: number | null;
  nationality: string | null;
  isChild: boolean;
  encounterAt: Date;
  encounterKind: string;
  indicators: string[];
  state: CaseState;
  closedOutcome: CloseOutcome | null;
}

const qiKey = (q: QuasiIdentifiers): string =>
  [q.ageBand, q.sex, q.nationality, q.encounterKind, q.encounterYear, q.indicatorCategories, q.finalState].join('|');

/** Few values per attribute, so random sets have both common and rare combinations. */
const profile = fc.record({
  sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
  birthYear: fc.constantFrom(null, 1920, 1950, 1975, 1979, 1980, 1981, 1988, 1990, 1995, 1999),
  nationality: fc.constantFrom(null, 'KHM', 'VNM', 'THA'),
  isChild: fc.boolean(),
  // Close to New Year's Eve too: the year is the UTC year.
  encounterAt: fc.oneof(
    fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2000-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.constantFrom(new Date('1997-12-31T23:59:59Z'), new Date('1998-01-01T00:00:00Z')),
  ),
  encounterKind: fc.constantFrom('border_entry', 'inland', 'workplace_inspection'),
  indicators: fc.subarray([...INDICATOR_CODES], { maxLength: 3 }),
  state: fc.constantFrom<CaseState>(...CASE_STATES),
  closedOutcome: fc.constantFrom<CloseOutcome>(...CLOSE_OUTCOMES),
});

/** Profiles repeated a random number of times: copies share every quasi-identifier, nothing else. */
const caseSet = fc.array(fc.tuple(profile, fc.integer({ min: 1, max: 2 * K + 1 })), { maxLength: 12 }).map((groups) =>
  groups.flatMap(([p, copies]) =>
    Array.from({ length: copies }, (): SyntheticCase => {
      const id = randomUUID();
      return {
        ...p,
        closedOutcome: p.state === 'closed' ? p.closedOutcome : null,
        id,
        externalRef: `SYN-${id.slice(0, 8)}`,
        pseudonym: `PSEUDO-${id.slice(9, 18)}`,
        location: `SECRET-PLACE-${id.slice(19, 23)}`,
        pii: `PII-MARKER-${id.slice(24)}`,
      };
    }),
  ),
);

describe('anonymised export', () => {
  let t: TestApp;
  let w: World;

  const exportCsv = (by: Session, query = '') =>
    t.http().get(`/api/v1/exports/anonymised${query}`).set('authorization', by.auth).buffer(true);

  async function insert(agencyId: string, cases: SyntheticCase[]): Promise<void> {
    if (cases.length === 0) return;
    await t.sql.query(
      `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, birth_year, nationality, languages,
                          is_child, pii_ciphertext, pii_key_id, encounter_at, encounter_location, encounter_kind,
                          indicators, state_entered_at, closed_outcome, audit_seq, audit_hash, created_at, updated_at)
       SELECT c.id, $1, c.external_ref, c.state, 0, c.pseudonym, c.sex, c.birth_year, c.nationality, '{}', c.is_child,
              convert_to(c.pii, 'UTF8'), 'test1', c.encounter_at, c.location, c.encounter_kind,
              coalesce(string_to_array(nullif(c.indicators, ''), ','), '{}'), c.encounter_at, c.closed_outcome, 0, '\\x00', now(), now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::bool[],
                     $10::text[], $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::text[])
              AS c(id, external_ref, state, pseudonym, sex, birth_year, nationality, is_child, pii, encounter_at,
                   location, encounter_kind, indicators, closed_outcome)`,
      [
        agencyId,
        cases.map((c) => c.id),
        cases.map((c) => c.externalRef),
        cases.map((c) => c.state),
        cases.map((c) => c.pseudonym),
        cases.map((c) => c.sex),
        cases.map((c) => c.birthYear),
        cases.map((c) => c.nationality),
        cases.map((c) => c.isChild),
        cases.map((c) => c.pii),
        cases.map((c) => c.encounterAt),
        cases.map((c) => c.location),
        cases.map((c) => c.encounterKind),
        cases.map((c) => c.indicators.join(',')),
        cases.map((c) => c.closedOutcome),
      ],
    );
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { EXPORT_K: String(K) } });
    w = await createWorld(t);
  });
  afterAll(async () => t?.close());

  it('publishes each combination of generalised quasi-identifiers shared by at least k cases, with its count', async () => {
    const at = (iso: string) => ({ at: iso, location: 'Export test crossing 3', kind: 'border_entry' });
    const khm = {
      encounter: at('2025-06-01T10:00:00Z'),
      indicators: ['deception', 'debt_bondage'],
    };
    const opened = [
      // Four women of 27 from Cambodia met at the border, across two agencies: the agency is no quasi-identifier.
      await openCase(t, w.officer, khm),
      await openCase(t, w.officer, khm),
      await openCase(t, w.officer, khm),
      await openCase(t, w.otherOfficer, khm),
      // Two men with otherwise the same attributes, and one child: too few to publish.
      await openCase(t, w.officer, { ...khm, subject: { ...subject(), sex: 'male' } }),
      await openCase(t, w.officer, { ...khm, subject: { ...subject(), sex: 'male' } }),
      await openCase(t, w.officer, {
        encounter: { at: '2025-08-01T10:00:00Z', location: 'Export test inland 1', kind: 'inland' },
        subject: { ...subject(), birthYear: 2010, dateOfBirth: '2010-04-02', isChild: true, nationality: 'VNM' },
        indicators: ['child_under_18'],
      }),
    ];
    // Three closed cases: the final state carries the outcome.
    for (let i = 0; i < 3; i++) {
      const c = await openCase(t, w.officer, {
        encounter: { at: '2025-03-01T10:00:00Z', location: 'Export test factory 2', kind: 'workplace_inspection' },
        subject: { ...subject(), birthYear: 1990, dateOfBirth: '1990-04-02', nationality: 'THA' },
        indicators: ['withheld_wages'],
      });
      const v = await decided(t, w.officer, c.id, {
        type: 'decline_referral',
        expectedVersion: c.version,
        reason: 'Export test: no indicators after a full interview',
        indicatorsConsidered: ['withheld_wages'],
        occurredAt: '2025-03-02T10:00:00Z',
      });
      await decided(t, w.officer, c.id, {
        type: 'close',
        expectedVersion: v,
        outcome: 'support_provided',
        reason: 'Export test: referred to an NGO shelter',
        occurredAt: '2025-03-03T10:00:00Z',
      });
      opened.push(c);
    }

    const res = await exportCsv(w.analyst, '?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="anonymised-cases.csv"');
    expect(res.headers['x-suppressed-rows']).toBe('3');
    expect(res.headers['x-published-rows']).toBe('7');
    expect(res.headers['x-k-anonymity']).toBe(String(K));
    // A date alone means 00:00 UTC, as in the agency report.
    expect((await exportCsv(w.analyst, '?from=2025-01-01&to=2026-01-01')).text).toBe(res.text);
    expect(res.text).toBe(
      'age_band,sex,nationality,encounter_kind,encounter_year,indicator_categories,final_state,count\r\n' +
        '27-30,female,KHM,border_entry,2025,coercion;deception,screening,4\r\n' +
        '31-38,female,THA,workplace_inspection,2025,exploitation,closed:support_provided,3\r\n',
    );

    const forbidden = [
      ...Object.values(SEEDED_PII),
      ...opened.map((c) => c.id),
      ...Object.values(w.agencies).flatMap((a) => [a.id, a.code, a.name]),
      'KH-F-1998-',
      'BP-',
      'Export test',
    ];
    for (const value of forbidden) expect(res.text).not.toContain(value);

    const [event] = (
      await t.sql.query(
        `SELECT action, subject_type, actor_id, payload FROM audit_events WHERE chain_id = $1 ORDER BY seq DESC LIMIT 1`,
        [`export:${w.analyst.id}`],
      )
    ).rows;
    expect(event).toEqual({
      action: 'export.anonymised',
      subject_type: 'anonymised_export',
      actor_id: w.analyst.id,
      payload: {
        filters: { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
        k: K,
        rows: 2,
        records: 7,
        suppressed: 3,
      },
    });
  });

  it('equals the k-anonymous model of any synthetic case set: every row ≥ k, suppressed count right, no PII, ids or free text', async () => {
    // The property must have met both sides of k, or it proved nothing.
    let publishedRows = 0;
    let suppressedRows = 0;
    await fc.assert(
      fc.asyncProperty(caseSet, async (cases) => {
        await insert(w.agencies.own.id, cases);
        try {
          const res = await exportCsv(w.commissioner, '?from=1995-01-01T00:00:00Z&to=2001-01-01T00:00:00Z');
          expect(res.status).toBe(200);
          const [header, ...rows] = parseCsv(res.text);
          expect(header).toEqual(HEADER);

          const model = new Map<string, number>();
          for (const c of cases) {
            const key = qiKey(generalise(c));
            model.set(key, (model.get(key) ?? 0) + 1);
          }
          const published = [...model].filter(([, n]) => n >= K);
          const suppressed = [...model].filter(([, n]) => n < K).reduce((sum, [, n]) => sum + n, 0);

          for (const row of rows) expect(Number(row[7])).toBeGreaterThanOrEqual(K);
          expect(rows.map((r) => `${r.slice(0, 7).join('|')}=${r[7]}`).sort()).toEqual(
            published.map(([key, n]) => `${key}=${n}`).sort(),
          );
          expect(Number(res.headers['x-suppressed-rows'])).toBe(suppressed);
          publishedRows += rows.length;
          suppressedRows += suppressed;
          expect(Number(res.headers['x-published-rows'])).toBe(cases.length - suppressed);
          for (const c of cases) {
            for (const secret of [c.id, c.externalRef, c.pseudonym, c.location, c.pii, w.agencies.own.id]) {
              expect(res.text).not.toContain(secret);
            }
          }
        } finally {
          await t.sql.query(`DELETE FROM cases WHERE id = ANY($1::uuid[])`, [cases.map((c) => c.id)]);
        }
      }),
      { numRuns: 25 },
    );
    expect(publishedRows).toBeGreaterThan(0);
    expect(suppressedRows).toBeGreaterThan(0);
  });

  it('streams a large export in chunks, and counts an empty selection as nothing published, nothing suppressed', async () => {
    // 10,000 combinations × k cases, plus 500 lone cases, in the 1980s.
    const bulk = (select: string, params: unknown[]) =>
      t.sql.query(
        `INSERT INTO cases (id, agency_id, external_ref, state, version, pseudonym, sex, birth_year, nationality,
                            is_child, encounter_at, encounter_location, encounter_kind, indicators, state_entered_at,
                            audit_seq, audit_hash, created_at, updated_at) ${select}`,
        params,
      );
    await bulk(
      `SELECT gen_random_uuid(), $1, 'BULK-' || g || '-' || c, 'screening', 0, 'P-' || g || '-' || c, 'female', 1960,
              chr(65 + g % 26) || chr(65 + (g / 26) % 26) || chr(65 + (g / 676) % 26), false,
              make_timestamptz(1980 + g / 5000, 6, 1, 0, 0, 0, 'UTC'), 'Bulk place', 'inland', '{deception}',
              now(), 0, '\\x00', now(), now()
         FROM generate_series(0, 9999) g, generate_series(1, $2::int) c`,
      [w.agencies.own.id, K],
    );
    await bulk(
      `SELECT gen_random_uuid(), $1, 'LONE-' || g, 'screening', 0, 'L-' || g, 'male', 1961,
              chr(65 + g % 26) || chr(65 + (g / 26) % 26) || 'Z', false,
              make_timestamptz(1985, 6, 1, 0, 0, 0, 'UTC'), 'Lone place', 'inland', '{}', now(), 0, '\\x00', now(), now()
         FROM generate_series(0, 499) g`,
      [w.agencies.own.id],
    );
    const res = await exportCsv(w.commissioner, '?from=1980-01-01T00:00:00Z&to=1990-01-01T00:00:00Z');
    expect(res.status).toBe(200);
    expect(res.headers['x-suppressed-rows']).toBe('500');
    expect(res.headers['x-published-rows']).toBe(String(10_000 * K));
    expect(res.headers['content-length']).toBeUndefined();
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set([String(K)]));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['18-20', '21-23']));
    expect(res.text.length).toBeGreaterThan(64 * 1024);

    const empty = await exportCsv(w.commissioner, '?from=1970-01-01T00:00:00Z&to=1971-01-01T00:00:00Z');
    expect(empty.text).toBe(`${HEADER.join(',')}\r\n`);
    expect(empty.headers['x-suppressed-rows']).toBe('0');
    expect(empty.headers['x-published-rows']).toBe('0');
  });

  it('is for the commissioner and analysts only', async () => {
    expect((await exportCsv(w.commissioner)).status).toBe(200);
    expect((await exportCsv(w.analyst)).status).toBe(200);
    for (const session of [w.admin, w.reviewer, w.officer, w.supervisor, w.decisionMaker, w.apiKey]) {
      expectProblem(await exportCsv(session), 403);
    }
    expectProblem(await t.http().get('/api/v1/exports/anonymised'), 401);
  });

  it('refuses a period that does not end after it starts, and malformed filters', async () => {
    const problem = expectProblem(
      await exportCsv(w.analyst, '?from=2025-01-01T00:00:00Z&to=2024-01-01T00:00:00Z'),
      422,
    );
    expect(problem.errors).toEqual([{ field: 'to', message: 'must be after from' }]);
    for (const [field, query] of [
      ['from', '?from=2025'],
      ['to', '?to=2025-02-30'],
    ]) {
      expect(expectProblem(await exportCsv(w.analyst, query), 400).errors).toEqual([
        { field, message: expect.stringMatching(new RegExp(`^${field} must be a date \\(YYYY-MM-DD.*RFC 3339`)) },
      ]);
    }
    expectProblem(await exportCsv(w.analyst, '?agencyId=x'), 400);
  });
});

function subject(): Record<string, unknown> {
  return {
    pseudonym: `EXP-${randomUUID().slice(0, 8)}`,
    sex: 'female',
    birthYear: 1998,
    nationality: 'KHM',
    languages: ['km'],
    isChild: false,
    ...SEEDED_PII,
  };
}
