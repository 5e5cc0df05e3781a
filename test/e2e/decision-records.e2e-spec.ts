import { STATE_WALK } from '../../migrations/1795564950000-AddAuditorWorkbench.js';
import { caseBody, decided, openCase, SEEDED_PII, type OpenedCase } from '../factories/cases.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are read as JSON */

const DAY = 86_400_000;

describe('the auditor’s workbench', () => {
  let t: TestApp;
  let w: World;
  /** own: referred, RG negative by the authority, reconsideration requested and upheld. */
  let appealed: OpenedCase;
  /** other agency: declined, closed as removed. */
  let removed: OpenedCase;
  let start: Date;

  const get = (path: string, who: { auth: string }) => t.http().get(`/api/v1${path}`).set('authorization', who.auth);
  const search = async (who: { auth: string }, query: Record<string, string | number | boolean>) => {
    const res = await get('/decision-records', who).query(query);
    expect(res.status).toBe(200);
    return res.body as { items: any[]; nextCursor: string | null };
  };
  /** Records since the suite began (its first is a detention dated an hour back). */
  const since = () => ({ from: start.toISOString(), limit: 200 });

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    start = new Date(Date.now() - 2 * 3_600_000);
    appealed = await openCase(t, w.officer, {
      detention: {
        at: new Date(Date.now() - 3_600_000).toISOString(),
        facility: 'Holding centre N',
        legalBasis: 'Aliens Act s. 62',
      },
    });
    let v = await decided(t, w.officer, appealed.id, {
      type: 'refer',
      expectedVersion: 1,
      reason: 'Indicators present',
    });
    v = await decided(t, w.decisionMaker, appealed.id, {
      type: 'reasonable_grounds',
      expectedVersion: v,
      outcome: 'negative',
      reason: 'Account inconsistent',
    });
    v = await decided(t, w.commissioner, appealed.id, {
      type: 'request_reconsideration',
      expectedVersion: v,
      reason: 'The interview was held without an interpreter',
    });
    await decided(t, w.decisionMaker, appealed.id, {
      type: 'reconsider',
      expectedVersion: v,
      outcome: 'upheld',
      reason: 'An interpreter was present after all',
    });
    removed = await declinedCase(t, w.otherOfficer);
    await decided(t, w.otherOfficer, removed.id, {
      type: 'close',
      expectedVersion: removed.version,
      outcome: 'removed',
      riskAssessmentRef: 'RA-2026-1',
    });
  });
  afterAll(async () => t.close());

  describe('GET /decision-records', () => {
    it('says who decided (role, agency code, display name) and the state before and after, newest first', async () => {
      const { items } = await search(w.commissioner, { ...since(), caseAgencyId: w.agencies.own.id });
      const stream = items.filter((i) => i.caseId === appealed.id).reverse();
      expect(stream.map((i) => [i.type, i.stateBefore, i.stateAfter])).toEqual([
        ['detain', 'screening', 'screening'],
        ['refer', 'screening', 'referred'],
        ['reasonable_grounds', 'referred', 'rg_negative'],
        ['request_reconsideration', 'rg_negative', 'reconsideration'],
        ['reconsider', 'reconsideration', 'rg_negative'],
      ]);
      expect(stream[2].actor).toEqual({
        type: 'user',
        id: w.decisionMaker.id,
        role: 'decision_maker',
        agencyId: w.agencies.authority.id,
        agencyCode: w.agencies.authority.code,
        displayName: w.decisionMaker.email.split('@')[0],
      });
      expect(stream[2]).toMatchObject({ caseAgencyId: w.agencies.own.id, sampled: false });
      const times = items.map((i) => `${i.occurredAt} ${i.id}`);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('filters by deciding agency, type, outcome, actor and period, in SQL, for every combination asked', async () => {
      const byAuthority = await search(w.commissioner, { ...since(), agencyId: w.agencies.authority.id });
      expect(byAuthority.items.map((i) => i.type).sort()).toEqual(['reasonable_grounds', 'reconsider']);
      const byOffice = await search(w.commissioner, { ...since(), agencyId: w.agencies.office.id });
      expect(byOffice.items.map((i) => [i.type, i.actor.role])).toEqual([['request_reconsideration', 'commissioner']]);
      const removals = await search(w.commissioner, {
        ...since(),
        type: 'close',
        outcome: 'removed',
        agencyId: w.agencies.other.id,
      });
      expect(removals.items.map((i) => i.caseId)).toEqual([removed.id]);
      expect(removals.items[0]).toMatchObject({ stateBefore: 'not_referred', stateAfter: 'closed' });
      const mine = await search(w.commissioner, { ...since(), actorId: w.otherOfficer.id });
      expect(new Set(mine.items.map((i) => i.caseId))).toEqual(new Set([removed.id]));
      const future = await search(w.commissioner, { from: new Date(Date.now() + DAY).toISOString() });
      expect(future.items).toEqual([]);
      const past = await search(w.commissioner, { limit: 200, to: start.toISOString() });
      expect(past.items.filter((i) => [appealed.id, removed.id].includes(i.caseId))).toEqual([]);
    });

    it('shows each caller only records of cases they may read', async () => {
      const own = await search(w.officer, since());
      expect(new Set(own.items.map((i) => i.caseAgencyId))).toEqual(new Set([w.agencies.own.id]));
      const authority = await search(w.decisionMaker, since());
      // Decision makers read referred cases only: the declined and removed case is not theirs to see.
      expect(authority.items.map((i) => i.caseId)).not.toContain(removed.id);
      expect(authority.items.map((i) => i.caseId)).toContain(appealed.id);
      const admin = await search(w.admin, since());
      expect(admin.items).toEqual([]);
    });

    it('never carries PII', async () => {
      const res = await get('/decision-records', w.commissioner).query(since());
      for (const value of Object.values(SEEDED_PII)) expect(res.text).not.toContain(value);
    });

    it('pages with an opaque cursor, every record once', async () => {
      const all = (await search(w.commissioner, since())).items.map((i) => i.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: any[]; nextCursor: string | null } = await search(w.commissioner, {
          from: start.toISOString(),
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it.each([
      [{ type: 'promote' }, 'type'],
      [{ outcome: 'maybe' }, 'outcome'],
      [{ agencyId: 'not-a-uuid' }, 'agencyId'],
      [{ sampled: 'yes' }, 'sampled'],
      [{ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
      [{ cursor: Buffer.from('{"occurredAt":"x","id":"y"}').toString('base64url') }, 'cursor'],
    ])('refuses %j with 400 naming %s', async (query, field) => {
      const res = await get('/decision-records', w.commissioner).query(query);
      expect(expectProblem(res, 400).errors).toEqual([{ field, message: expect.any(String) }]);
    });
  });

  describe('GET /decision-records/{id}', () => {
    it('returns the record with its case’s non-PII fields and detention episodes', async () => {
      const { items } = await search(w.commissioner, { ...since(), type: 'detain' });
      const detain = items.find((i) => i.caseId === appealed.id);
      const res = await get(`/decision-records/${detain.id}`, w.commissioner);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: detain.id, type: 'detain', stateBefore: 'screening' });
      expect(res.body.case).toMatchObject({
        id: appealed.id,
        externalRef: expect.any(String),
        state: 'rg_negative',
        indicators: ['deception', 'debt_bondage'],
        encounter: { kind: 'border_entry' },
        detentionEpisodes: [{ facility: 'Holding centre N', releasedAt: null }],
      });
      for (const value of Object.values(SEEDED_PII)) expect(res.text).not.toContain(value);
    });

    it('is 404 for a record of a case the caller may not read', async () => {
      const { items } = await search(w.commissioner, { ...since(), caseAgencyId: w.agencies.other.id });
      expect((await get(`/decision-records/${items[0].id}`, w.officer)).status).toBe(404);
      expect((await get(`/decision-records/${items[0].id}`, w.otherOfficer)).status).toBe(200);
    });
  });

  describe('case lists', () => {
    it('find a case by its external reference, and filter by closing outcome, encounter kind, indicator, child', async () => {
      const child = await openCase(t, w.officer, {
        ...caseBody(),
        encounter: { at: new Date(Date.now() - DAY).toISOString(), location: 'Farm', kind: 'workplace_inspection' },
        indicators: ['withheld_wages'],
        subject: { ...(caseBody().subject as object), isChild: true, birthYear: 2012, dateOfBirth: '2012-05-01' },
      });
      const ref = (await get(`/cases/${child.id}`, w.officer)).body.externalRef as string;
      const ids = async (query: Record<string, string | boolean>) => {
        const res = await get('/cases', w.commissioner).query({ limit: 200, ...query });
        expect(res.status).toBe(200);
        return res.body.items.map((i: { id: string }) => i.id) as string[];
      };
      expect(await ids({ externalRef: ref })).toEqual([child.id]);
      expect(await ids({ closedOutcome: 'removed' })).toEqual([removed.id]);
      expect(await ids({ encounterKind: 'workplace_inspection' })).toEqual([child.id]);
      expect(await ids({ indicator: 'withheld_wages' })).toEqual([child.id]);
      expect(await ids({ isChild: true })).toEqual([child.id]);
      expect(await ids({ isChild: false })).not.toContain(child.id);
      // The reference is per agency: another agency's officer does not find it.
      const other = await get('/cases', w.otherOfficer).query({ externalRef: ref });
      expect(other.body.items).toEqual([]);
      const bad = await get('/cases', w.commissioner).query({ indicator: 'sadness' });
      expect(expectProblem(bad, 400).errors).toEqual([{ field: 'indicator', message: expect.any(String) }]);
    });
  });

  describe('reviews', () => {
    it('embed the reviewed record (who, what changed) and the case’s non-PII context', async () => {
      const declined = await declinedCase(t, w.officer);
      const from = new Date(Date.now() - 2_000);
      const drawn = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 1_000) });
      const review = drawn.reviews.find((r) => r.caseId === declined.id)!;
      const res = await get(`/reviews/${review.id}`, w.reviewer);
      expect(res.status).toBe(200);
      expect(res.body.decisionRecord).toMatchObject({
        type: 'decline_referral',
        outcome: null,
        reason: 'No indicators of exploitation found after interview',
        occurredAt: expect.any(String),
        stateBefore: 'screening',
        stateAfter: 'not_referred',
        actor: {
          id: w.officer.id,
          role: 'agency_officer',
          agencyCode: w.agencies.own.code,
          displayName: w.officer.email.split('@')[0],
        },
      });
      expect(res.body.case).toMatchObject({
        id: declined.id,
        state: 'not_referred',
        indicators: ['deception', 'debt_bondage'],
        encounter: { kind: 'border_entry' },
        detentionEpisodes: [],
      });
      for (const value of Object.values(SEEDED_PII)) expect(res.text).not.toContain(value);
      const list = await get('/reviews', w.commissioner).query({ runId: drawn.runId });
      expect(
        list.body.items.every((i: any) => i.decisionRecord.id === i.decisionRecordId && i.case.id === i.caseId),
      ).toBe(true);
      // Sampled, for the commissioner; the agency learns of the review only once it is concluded.
      const staffView = await search(w.commissioner, { sampled: true, caseAgencyId: w.agencies.own.id, ...since() });
      expect(staffView.items.map((i) => i.caseId)).toContain(declined.id);
      const agencyView = await search(w.officer, { sampled: true, ...since() });
      expect(agencyView.items.map((i) => i.caseId)).not.toContain(declined.id);
      await reviewCommand(t, w.commissioner, review.id, 'assign', { reviewerId: w.reviewer.id });
      await reviewCommand(t, w.reviewer, review.id, 'conclude', CONCERN);
      const concluded = await search(w.officer, { sampled: true, ...since() });
      expect(concluded.items.map((i) => i.caseId)).toContain(declined.id);
    });
  });

  it('the migration’s backfill replays every stream to the states the application wrote', async () => {
    const { rows } = await t.sql.query<{ wrong: number; total: number }>(
      `${STATE_WALK}
       SELECT count(*) FILTER (WHERE d.state_before IS DISTINCT FROM w.before OR d.state_after IS DISTINCT FROM w.after)::int AS wrong,
              count(*)::int AS total
         FROM decision_records d LEFT JOIN walk w ON w.id = d.id`,
    );
    expect(rows[0].total).toBeGreaterThan(5);
    expect(rows[0].wrong).toBe(0);
  });

  it('users get a display name (given, or the e-mail’s local part)', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', w.admin.auth)
      .send({
        email: `named-${process.pid}@oversight.test`,
        password: 'a-long-enough-password',
        role: 'analyst',
        agencyId: w.agencies.office.id,
        displayName: '  A. Analyst  ',
      });
    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe('A. Analyst');
    const officer = await get(`/users/${w.officer.id}`, w.admin);
    expect(officer.body.displayName).toBe(w.officer.email.split('@')[0]);
  });
});
