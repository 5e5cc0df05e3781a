import type { AppConfig } from '../src/config/app-config.js';
import { DEMO_USERS } from './demo-cast.js';
import { formatSummary, type DemoCounts, type SummaryInput } from './demo-summary.js';

const CONFIG = {
  mail: { smtpUrl: '', outboxDir: '/tmp/outbox' },
  http: { publicBaseUrl: 'http://localhost:3000' },
} as unknown as AppConfig;

const COUNTS: DemoCounts = {
  agencies: [
    { id: 'a1', code: 'DEMO-BP', name: 'Border Police', kind: 'frontline', alertEmail: 'bp@demo.test' },
    { id: 'a2', code: 'DEMO-LI', name: 'Labour Inspectorate', kind: 'frontline', alertEmail: null },
  ],
  users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role, agencyCode: null, conflictCodes: [] })),
  casesByAgency: { 'DEMO-BP': 3, 'DEMO-LI': 2 },
  casesByState: { screening: 2, referred: 3 },
  closedOutcomes: {},
  decisionRecords: 9,
  detainedNow: 4,
  releasedEpisodes: 1,
  alerts: { screening_overdue: { total: 2, open: 1, acknowledged: 0, resolved: 1 } },
  emails: { sent: 2 },
  reviewsByStatus: { pending: 1, closed: 2 },
  samplingRun: { id: 'run-1', populationCount: 9, sampleCount: 3 },
  activeApiKeys: 1,
  places: { total: 12, active: 10, byAgency: { 'DEMO-BP': 8, 'DEMO-LI': 4 }, detainedAtPlaces: 4 },
  visitsByState: { planned: 3, in_progress: 1, reported: 3, cancelled: 1 },
  visitPlans: 1,
  visitFindings: 7,
  recommendationsByState: { issued: 3, accepted: 3, rejected: 1, implemented: 1, withdrawn: 1 },
  recommendationsBySource: { own_initiative: 5, review: 4 },
  recommendationsOverdue: { response: 2, target: 1 },
  recommendationRepeats: 1,
  complaintsByState: { received: 1, triaged: 3 },
  complaintsByOutcome: { no_action: 1, investigate: 1, refer_to_review: 1 },
  anonymousComplaints: 1,
  investigationsByState: { closed: 1, open: 1, published: 1, factual_accuracy: 1 },
};

function summary(overrides: Partial<DemoCounts> = {}, input: Partial<SummaryInput> = {}): string {
  return formatSummary({
    created: true,
    seconds: 12.34,
    counts: { ...COUNTS, ...overrides },
    apiKey: 'ovk_demo',
    reconsideration: null,
    config: CONFIG,
    ...input,
  });
}

describe('the demo summary', () => {
  it('counts places by operating agency, and the people detained at them', () => {
    expect(summary()).toContain(
      'Places of detention: 12 (DEMO-BP 8, DEMO-LI 4), 10 active; 4 people detained at them now',
    );
  });

  it('lists visits by state in the workflow’s order, with findings and plans', () => {
    expect(summary()).toContain(
      'Visits: 8 (planned 3 · in_progress 1 · reported 3 · cancelled 1); 7 findings; 1 visit plan',
    );
    expect(summary({ visitFindings: 1, visitPlans: 2 })).toContain('; 1 finding; 2 visit plans');
  });

  it('lists recommendations by source and state, the repeats and what is overdue now', () => {
    const text = summary();
    expect(text).toContain('Recommendations: 9 (review 4 · own_initiative 5); 1 repeats an earlier one');
    expect(text).toContain('  issued 3 · accepted 3 · rejected 1 · implemented 1 · withdrawn 1\n');
    expect(text).toContain('  overdue now: 2 responses, 1 target date missed');
    expect(summary({ recommendationRepeats: 2, recommendationsOverdue: { response: 1, target: 0 } })).toContain(
      '2 repeat an earlier one',
    );
    expect(summary({ recommendationsOverdue: { response: 1, target: 3 } })).toContain(
      'overdue now: 1 response, 3 target dates missed',
    );
  });

  it('lists complaints by state and triage outcome, and investigations by state, in the workflows’ order', () => {
    const text = summary();
    expect(text).toContain('Complaints: 4 (1 anonymous); received 1 · triaged 3\n');
    expect(text).toContain('  triaged: investigate 1 · refer_to_review 1 · no_action 1\n');
    expect(text).toContain('Investigations: 4 (open 1 · factual_accuracy 1 · published 1 · closed 1)\n');
    expect(summary({ complaintsByState: {}, complaintsByOutcome: {}, anonymousComplaints: 0 })).toContain(
      'Complaints: 0 (0 anonymous)',
    );
  });

  it('shows a newcomer where to look at visits, overdue recommendations, complaints and investigations', () => {
    const text = summary();
    expect(text).toContain('"$BASE/api/v1/visits?state=reported"');
    expect(text).toContain('"$BASE/api/v1/recommendations?overdue=true"');
    expect(text).toContain('"$BASE/api/v1/complaints?state=received"');
    expect(text).toContain('"$BASE/api/v1/investigations?state=factual_accuracy"');
  });

  it('says on a second run that nothing was written, and how to get another API key', () => {
    const text = summary({}, { created: false, seconds: null, apiKey: null });
    expect(text).toContain('nothing was written');
    expect(text).toContain('POST /api/v1/agencies/a1/api-keys');
    expect(text).toContain('Recommendations: 9');
  });
});
