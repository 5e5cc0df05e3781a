import type { CaseState, CloseOutcome, DecisionType } from '../src/cases/domain/identification.js';
import type { IndicatorCode } from '../src/cases/domain/indicators.js';
import type { DemoPlaceKey } from './demo-places.js';

/**
 * The demo's cases as plans: request bodies and decision streams, generated
 * from a seeded PRNG so every run tells the same stories (only ids and the
 * anchor time differ). Pure: time and thresholds are arguments. The seed
 * sends each plan through the public API, where the real state machine
 * checks it. Detentions name a demo place by key (the seed sends its id as
 * `placeId`, and the place's name becomes the facility).
 */

export type FrontlineKey = 'bp' | 'li';
/** Who records a decision: a demo user, or DEMO-BP's API key (its case-management system). */
export type DemoActor = 'bpOfficer' | 'bpSupervisor' | 'bpApiKey' | 'liOfficer' | 'decisionMaker' | 'commissioner';

export interface DecisionBody {
  type: DecisionType;
  occurredAt: string;
  reason?: string;
  outcome?: string;
  at?: string;
  place?: DemoPlaceKey;
  legalBasis?: string;
  riskAssessmentRef?: string;
  indicatorsConsidered?: string[];
}

export interface CaseBody {
  externalRef: string;
  subject: {
    pseudonym: string;
    sex: 'female' | 'male' | 'other' | 'unknown';
    birthYear: number;
    nationality: string;
    languages: string[];
    isChild: boolean;
    name: string;
    dateOfBirth: string;
    documentNumber?: string;
    contact?: string;
  };
  encounter: { at: string; location: string; kind: string };
  indicators: IndicatorCode[];
  detention?: { at: string; place: DemoPlaceKey; legalBasis: string };
}

export interface CasePlan {
  agency: FrontlineKey;
  scenario: string;
  openedBy: DemoActor;
  body: CaseBody;
  decisions: { by: DemoActor; body: DecisionBody }[];
  expectedState: CaseState;
  detainedAtEnd: boolean;
}

export interface DemoRules {
  recoveryPeriodDays: number;
  screeningMaxHours: number;
  rgDecisionMaxWorkingDays: number;
  maxDetentionDays: number;
}

export const DEMO_PRNG_SEED = 20_261_120;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The last planned event lies at least this long before the anchor time. */
const MARGIN = 15 * 60_000;

/** mulberry32: small, fast, and the same sequence on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(min: number, max: number): number {
    return min + (Math.max(min, max) - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(...pool.splice(Math.floor(this.next() * pool.length), 1));
    return out;
  }
}

const NATIONALITIES = [
  { iso3: 'KHM', iso2: 'KH', languages: ['km'] },
  { iso3: 'VNM', iso2: 'VN', languages: ['vi'] },
  { iso3: 'NGA', iso2: 'NG', languages: ['en', 'yo'] },
  { iso3: 'ERI', iso2: 'ER', languages: ['ti', 'ar'] },
  { iso3: 'UKR', iso2: 'UA', languages: ['uk', 'ru'] },
  { iso3: 'MDA', iso2: 'MD', languages: ['ro', 'ru'] },
  { iso3: 'PHL', iso2: 'PH', languages: ['tl', 'en'] },
  { iso3: 'THA', iso2: 'TH', languages: ['th'] },
  { iso3: 'BGD', iso2: 'BD', languages: ['bn'] },
  { iso3: 'NPL', iso2: 'NP', languages: ['ne'] },
  { iso3: 'SYR', iso2: 'SY', languages: ['ar'] },
  { iso3: 'AFG', iso2: 'AF', languages: ['ps', 'fa'] },
  { iso3: 'ROU', iso2: 'RO', languages: ['ro'] },
  { iso3: 'ALB', iso2: 'AL', languages: ['sq'] },
  { iso3: 'CHN', iso2: 'CN', languages: ['zh'] },
  { iso3: 'PAK', iso2: 'PK', languages: ['ur', 'pa'] },
  { iso3: 'MAR', iso2: 'MA', languages: ['ar', 'fr'] },
  { iso3: 'ETH', iso2: 'ET', languages: ['am'] },
] as const;

const SEXES = [
  ['female', 'F', 0.52],
  ['male', 'M', 0.44],
  ['other', 'X', 0.02],
  ['unknown', 'U', 0.02],
] as const;

const PLACES: Record<FrontlineKey, { location: string; kind: string }[]> = {
  bp: [
    { location: 'Northern crossing, lane 3', kind: 'border_entry' },
    { location: 'Northern crossing, outbound lane 1', kind: 'border_exit' },
    { location: 'Riverside rail border station', kind: 'border_entry' },
    { location: 'Port of Northhaven, ferry terminal', kind: 'border_entry' },
    { location: 'Highway 7 checkpoint, km 42', kind: 'inland' },
    { location: 'Northhaven coach station', kind: 'inland' },
  ],
  li: [
    { location: 'Greenhouse complex, Demo Valley', kind: 'workplace_inspection' },
    { location: 'Construction site, Demo Quarter', kind: 'workplace_inspection' },
    { location: 'Nail salon, Market Street', kind: 'workplace_inspection' },
    { location: 'Fish processing plant, Demo Harbour', kind: 'workplace_inspection' },
    { location: 'Car wash, Ring Road', kind: 'workplace_inspection' },
    { location: 'Private household, Demo Hills (domestic work)', kind: 'inland' },
    { location: 'Referral by a trade union helpline', kind: 'other' },
  ],
};

const STRONG_INDICATORS: Record<FrontlineKey, IndicatorCode[]> = {
  bp: [
    'deception',
    'false_promises',
    'document_retention',
    'debt_bondage',
    'restricted_movement',
    'threats',
    'isolation',
    'sexual_exploitation',
    'violence',
    'irregular_status_exploited',
  ],
  li: [
    'excessive_hours',
    'withheld_wages',
    'degrading_conditions',
    'debt_bondage',
    'document_retention',
    'surveillance',
    'coercion',
    'threats',
    'abuse_of_vulnerability',
    'forced_criminality',
  ],
};
const WEAK_INDICATORS: IndicatorCode[] = ['no_language_skills', 'irregular_status_exploited', 'abuse_of_vulnerability'];

const ALIENS_ACT_CHECK = 'Aliens Act s. 62 (pending identity check)';
const JOINT_INSPECTION = 'Police Act s. 14 (custody after a joint inspection)';

/** Where each agency detains people; a place listed twice is picked twice as often. */
const DETENTION_PLACES: Record<FrontlineKey, { place: DemoPlaceKey; legalBasis: string }[]> = {
  bp: [
    { place: 'bpHolding', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpHolding', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpHolding', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpPort', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpRemoval', legalBasis: 'Aliens Act s. 71 (pending removal)' },
    { place: 'bpCrossing', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpRail', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpAirport', legalBasis: ALIENS_ACT_CHECK },
    { place: 'bpCoach', legalBasis: ALIENS_ACT_CHECK },
  ],
  li: [
    { place: 'liValley', legalBasis: JOINT_INSPECTION },
    { place: 'liHarbour', legalBasis: JOINT_INSPECTION },
  ],
};

const TEXT = {
  refer: {
    bp: [
      'Recruited for restaurant work abroad by an agent who kept the passport; owes a travel debt the agent sets.',
      'Travelling with a companion who answered every question and held the tickets; the person was frightened and could not say where they would work.',
      'Disclosed that wages are withheld to repay a recruitment debt and that relatives at home were threatened.',
      'Promised a job as a carer; on arrival told to work in a bar and to repay transport costs; phone taken away.',
    ],
    li: [
      'Workers sleep on site, passports kept by the foreman, 14-hour shifts seven days a week, pay withheld for "accommodation".',
      'Employer holds identity documents; workers may not leave the premises unaccompanied; recruitment-fee debts.',
      'Domestic worker without days off, wages unpaid for months, threatened with denunciation to the police.',
    ],
  },
  decline: [
    'Screening interview with an interpreter found no indicators of exploitation; the journey was arranged and paid by relatives (smuggling, not trafficking).',
    'Voluntary migration for seasonal work with a contract; wages paid, free to leave; no indicator beyond irregular status.',
    'The person declined to be interviewed further and described no element of coercion, deception or exploitation.',
    'Came to visit family and overstayed; works irregularly but is paid and lives independently; no indicator found.',
  ],
  rgPositive: [
    'Credible, consistent account of recruitment by deception and debt bondage, corroborated by the first responder; reasonable grounds to believe the person is a victim.',
    'Indicators of forced labour confirmed by the inspection report; reasonable grounds established.',
  ],
  rgNegative: [
    'The account does not show the means element; on the information available there are no reasonable grounds.',
    'Travel and work arrangements appear voluntary and paid; no reasonable grounds on the evidence submitted.',
  ],
  cgPositive: [
    'On the balance of probabilities the person is a victim of trafficking for labour exploitation; recovery-period interviews and inspection evidence are consistent.',
    'Conclusive grounds: exploitation in prostitution established by the person’s account and the police investigation file.',
  ],
  cgNegative: [
    'Material inconsistencies between the accounts; the evidence does not establish exploitation on the balance of probabilities.',
    'The exploitation described is not established; labour-law violations are referred to the inspectorate instead.',
  ],
  requestReconsideration: {
    frontline: [
      'New evidence: a statement from the person’s support worker describing threats by the recruiter, not available when the decision was made.',
      'Medical report received after the decision documents injuries consistent with the violence described.',
    ],
    commissioner:
      'The commissioner’s office asks for reconsideration: the decision does not address the indicators recorded by the first responder.',
  },
  reconsider: {
    upheld: 'Reconsidered with the new material; it does not change the assessment and the earlier decision stands.',
    overturned: 'The new evidence establishes the missing element; the earlier negative decision is overturned.',
  },
  close: {
    support_provided: 'Accepted the national support programme; handed over to the specialised shelter.',
    assisted_return: 'Voluntary assisted return with reintegration support arranged with the IOM country office.',
    removed:
      'Removed to the country of origin after a negative decision; the risk assessment found no real risk on return.',
    released: 'Released from immigration procedures; no further action.',
    lost_contact: 'Left the reception centre; whereabouts unknown after three follow-up attempts.',
    transferred: 'Transferred to the competent authority of the country where the exploitation took place.',
  } satisfies Record<CloseOutcome, string>,
  release: [
    'Released to a specialised shelter after the referral.',
    'Released: detention no longer justified.',
    'Released on reporting conditions.',
  ],
  releaseForRemoval: 'Escorted to the border for removal.',
};

/** The story of one case, written as offsets from its encounter and placed in time at the end. */
class Story {
  readonly decisions: { by: DemoActor; type: DecisionType; offset: number; fields: Partial<DecisionBody> }[] = [];
  detention: { offset: number; place: DemoPlaceKey; legalBasis: string } | undefined;
  daysAgo = 1;
  detained = false;
  private cursor = 0;

  constructor(
    private readonly r: Random,
    readonly agency: FrontlineKey,
    readonly frontline: DemoActor,
    readonly rules: DemoRules,
    readonly indicators: IndicatorCode[],
  ) {}

  encounter(minDaysAgo: number, maxDaysAgo: number): this {
    this.daysAgo = this.r.between(minDaysAgo, maxDaysAgo);
    return this;
  }

  wait(minHours: number, maxHours: number): this {
    this.cursor += this.r.between(minHours, maxHours) * HOUR;
    return this;
  }

  detainOnOpen(minHours = 1, maxHours = 3): this {
    this.cursor = Math.max(this.cursor, this.r.between(minHours, maxHours) * HOUR);
    this.detention = { offset: this.cursor, ...this.r.pick(DETENTION_PLACES[this.agency]) };
    this.detained = true;
    return this;
  }

  detain(): this {
    this.add(this.frontline, 'detain', { ...this.r.pick(DETENTION_PLACES[this.agency]) });
    this.detained = true;
    return this;
  }

  release(reason = this.r.pick(TEXT.release)): this {
    this.add(this.frontline, 'release', { reason });
    this.detained = false;
    return this;
  }

  refer(): this {
    return this.add(this.frontline, 'refer', { reason: this.r.pick(TEXT.refer[this.agency]) });
  }

  decline(by = this.frontline): this {
    return this.add(by, 'decline_referral', {
      reason: this.r.pick(TEXT.decline),
      indicatorsConsidered: [...this.indicators],
    });
  }

  rg(outcome: 'positive' | 'negative'): this {
    const reason = this.r.pick(outcome === 'positive' ? TEXT.rgPositive : TEXT.rgNegative);
    return this.add('decisionMaker', 'reasonable_grounds', { outcome, reason });
  }

  /** A conclusive-grounds decision once the recovery period is over (plus a few days of work). */
  cg(outcome: 'positive' | 'negative'): this {
    this.wait(this.rules.recoveryPeriodDays * 24 + 12, this.rules.recoveryPeriodDays * 24 + 10 * 24);
    const reason = this.r.pick(outcome === 'positive' ? TEXT.cgPositive : TEXT.cgNegative);
    return this.add('decisionMaker', 'conclusive_grounds', { outcome, reason });
  }

  requestReconsideration(by: DemoActor): this {
    const reason =
      by === 'commissioner'
        ? TEXT.requestReconsideration.commissioner
        : this.r.pick(TEXT.requestReconsideration.frontline);
    return this.add(by, 'request_reconsideration', { reason });
  }

  reconsider(outcome: 'upheld' | 'overturned'): this {
    return this.add('decisionMaker', 'reconsider', { outcome, reason: TEXT.reconsider[outcome] });
  }

  close(outcome: CloseOutcome, by = this.frontline): this {
    if (this.detained) {
      this.release(outcome === 'removed' || outcome === 'assisted_return' ? TEXT.releaseForRemoval : undefined);
      this.wait(0.1, 0.5);
    }
    const returns = outcome === 'removed' || outcome === 'assisted_return';
    return this.add(by, 'close', {
      outcome,
      reason: TEXT.close[outcome],
      ...(returns ? { riskAssessmentRef: `RA-DEMO-${String(this.r.int(1, 9999)).padStart(4, '0')}` } : {}),
    });
  }

  coin(): boolean {
    return this.r.chance(0.5);
  }

  get lastOffset(): number {
    return Math.max(this.cursor, this.detention?.offset ?? 0);
  }

  private add(by: DemoActor, type: DecisionType, fields: Partial<DecisionBody>): this {
    this.decisions.push({ by, type, offset: this.cursor, fields });
    return this;
  }
}

interface Scenario {
  name: string;
  final: CaseState;
  counts: Record<FrontlineKey, number>;
  /** Indicator strength: victims' cases carry several, declined ones few or none. */
  indicators: 'strong' | 'weak' | 'mixed';
  tell: (s: Story, rules: DemoRules) => void;
  /**
   * People found together (a workplace raid, a group at a crossing): the same nationality, sex, age band,
   * place and indicators, encountered at one moment. Groups of at least EXPORT_K (11) are what lets the
   * anonymised export publish rows; scattered single cases are all suppressed.
   */
  group?: GroupProfile;
}

interface GroupProfile {
  nationality: (typeof NATIONALITIES)[number]['iso3'];
  sex: 'female' | 'male';
  indicators: IndicatorCode[];
  place: { location: string; kind: string };
}

const W = 24; // hours in a day, for readability of the waits below

/**
 * Every identification state, with detained people that raise each
 * detention alert rule, released episodes, and closes with every outcome.
 * DEMO-BP's cases with a negative reasonable-grounds or conclusive-grounds
 * decision stay in that state, so a sampled review of one can always be
 * answered with a linked reconsideration request.
 */
const SCENARIOS: Scenario[] = [
  {
    name: 'group: workers found in a greenhouse raid, referred',
    final: 'referred',
    counts: { bp: 0, li: 14 },
    indicators: 'strong',
    // One moment for everyone (min = max): the same encounter year whatever the anchor date.
    tell: (s) => s.encounter(20, 20).wait(4, 60).refer(),
    group: {
      nationality: 'VNM',
      sex: 'male',
      indicators: ['excessive_hours', 'withheld_wages', 'document_retention'],
      place: { location: 'Greenhouse complex, Demo Valley', kind: 'workplace_inspection' },
    },
  },
  {
    name: 'group: travellers stopped at the crossing, not referred',
    final: 'not_referred',
    counts: { bp: 12, li: 0 },
    indicators: 'weak',
    tell: (s) => s.encounter(30, 30).wait(5, 48).decline('bpSupervisor'),
    group: {
      nationality: 'UKR',
      sex: 'female',
      indicators: ['no_language_skills'],
      place: { location: 'Northern crossing, lane 3', kind: 'border_entry' },
    },
  },
  {
    name: 'screening',
    final: 'screening',
    counts: { bp: 10, li: 8 },
    indicators: 'mixed',
    tell: (s) => s.encounter(0.3, 9),
  },
  {
    name: 'screening, detained < screening limit',
    final: 'screening',
    counts: { bp: 2, li: 0 },
    indicators: 'mixed',
    tell: (s, k) => s.encounter(4 / W, (k.screeningMaxHours - 10) / W).detainOnOpen(),
  },
  {
    name: 'screening overdue, detained',
    final: 'screening',
    counts: { bp: 3, li: 1 },
    indicators: 'mixed',
    tell: (s, k) => s.encounter((k.screeningMaxHours + 12) / W, (k.screeningMaxHours + 5 * W) / W).detainOnOpen(),
  },
  {
    name: 'referred',
    final: 'referred',
    counts: { bp: 13, li: 6 },
    indicators: 'strong',
    tell: (s) => s.encounter(3, 25).wait(4, 60).refer(),
  },
  {
    name: 'referred recently, detained',
    final: 'referred',
    counts: { bp: 1, li: 0 },
    indicators: 'strong',
    tell: (s) =>
      s
        .encounter(40 / W, 70 / W)
        .detainOnOpen()
        .wait(6, 20)
        .refer(),
  },
  {
    name: 'RG decision overdue, detained',
    final: 'referred',
    counts: { bp: 3, li: 2 },
    indicators: 'strong',
    tell: (s, k) => {
      const min = Math.ceil((k.rgDecisionMaxWorkingDays * 7) / 5) + 5;
      s.encounter(min, Math.max(min + 2, k.maxDetentionDays - 3))
        .detainOnOpen(1, 4)
        .wait(10, 30)
        .refer();
    },
  },
  {
    name: 'referred, released from detention',
    final: 'referred',
    counts: { bp: 5, li: 3 },
    indicators: 'strong',
    tell: (s) => s.encounter(4, 20).detainOnOpen().wait(8, 30).refer().wait(1, 6).release(),
  },
  {
    name: 'not referred',
    final: 'not_referred',
    counts: { bp: 14, li: 10 },
    indicators: 'weak',
    tell: (s) =>
      s
        .encounter(3, 85)
        .wait(5, 72)
        .decline(s.agency === 'bp' ? 'bpSupervisor' : 'liOfficer'),
  },
  {
    name: 'not referred, detained beyond the limit',
    final: 'not_referred',
    counts: { bp: 4, li: 0 },
    indicators: 'weak',
    tell: (s, k) =>
      s
        .encounter(k.maxDetentionDays + 4, k.maxDetentionDays + 30)
        .detainOnOpen()
        .wait(20, 60)
        .decline('bpSupervisor'),
  },
  {
    name: 'recovery period',
    final: 'recovery_period',
    counts: { bp: 10, li: 7 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(8, Math.max(9, k.recoveryPeriodDays))
        .wait(5, 48)
        .refer()
        .wait(2 * W, 6 * W)
        .rg('positive'),
  },
  {
    name: 'recovery period, still detained',
    final: 'recovery_period',
    counts: { bp: 2, li: 1 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(8, Math.max(9, Math.min(k.recoveryPeriodDays, k.maxDetentionDays - 2)))
        .detainOnOpen()
        .wait(5, 30)
        .refer()
        .wait(2 * W, 4 * W)
        .rg('positive'),
  },
  {
    name: 'RG negative',
    final: 'rg_negative',
    counts: { bp: 8, li: 5 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(10, 85)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('negative'),
  },
  {
    name: 'RG negative, detained beyond the limit',
    final: 'rg_negative',
    counts: { bp: 1, li: 0 },
    indicators: 'mixed',
    tell: (s, k) =>
      s
        .encounter(k.maxDetentionDays + 5, k.maxDetentionDays + 25)
        .detainOnOpen()
        .wait(10, 30)
        .refer()
        .wait(3 * W, 6 * W)
        .rg('negative'),
  },
  {
    name: 'identified victim',
    final: 'identified_victim',
    counts: { bp: 9, li: 6 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 22, k.recoveryPeriodDays + 55)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('positive'),
  },
  {
    name: 'identified victim, still detained',
    final: 'identified_victim',
    counts: { bp: 1, li: 0 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(Math.max(k.recoveryPeriodDays + 22, k.maxDetentionDays + 3), k.recoveryPeriodDays + 40)
        .detainOnOpen()
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('positive'),
  },
  {
    name: 'CG negative',
    final: 'cg_negative',
    counts: { bp: 5, li: 4 },
    indicators: 'mixed',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 22, 88)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('negative'),
  },
  {
    name: 'reconsideration of a declined referral',
    final: 'reconsideration',
    counts: { bp: 1, li: 2 },
    indicators: 'weak',
    tell: (s) =>
      s
        .encounter(5, 60)
        .wait(5, 48)
        .decline()
        .wait(W, 10 * W)
        .requestReconsideration(s.agency === 'bp' ? 'bpSupervisor' : 'liOfficer'),
  },
  {
    name: 'reconsideration of a negative RG decision',
    final: 'reconsideration',
    counts: { bp: 0, li: 2 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(12, 70)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('negative')
        .wait(W, 3 * W)
        .requestReconsideration(s.coin() ? 'commissioner' : 'liOfficer'),
  },
  {
    name: 'reconsideration of a negative CG decision',
    final: 'reconsideration',
    counts: { bp: 0, li: 1 },
    indicators: 'mixed',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 25, 88)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 5 * W)
        .rg('positive')
        .cg('negative')
        .wait(W, 3 * W)
        .requestReconsideration('commissioner'),
  },
  {
    name: 'RG negative upheld on reconsideration',
    final: 'rg_negative',
    counts: { bp: 0, li: 1 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(20, 80)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 6 * W)
        .rg('negative')
        .wait(W, 4 * W)
        .requestReconsideration('liOfficer')
        .wait(2 * W, 6 * W)
        .reconsider('upheld'),
  },
  {
    name: 'declined referral overturned, now in recovery period',
    final: 'recovery_period',
    counts: { bp: 0, li: 2 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(32, 80)
        .wait(5, 72)
        .decline()
        .wait(2 * W, 10 * W)
        .requestReconsideration('liOfficer')
        .wait(3 * W, 10 * W)
        .reconsider('overturned')
        .wait(2 * W, 7 * W)
        .rg('positive'),
  },
  {
    name: 'CG negative overturned: identified victim',
    final: 'identified_victim',
    counts: { bp: 0, li: 1 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 42, 89)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('negative')
        .wait(2 * W, 8 * W)
        .requestReconsideration('commissioner')
        .wait(3 * W, 8 * W)
        .reconsider('overturned'),
  },
  {
    name: 'closed: support provided',
    final: 'closed',
    counts: { bp: 8, li: 6 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 41, 90)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('positive')
        .wait(2 * W, 20 * W)
        .close('support_provided'),
  },
  {
    name: 'closed: assisted return of a victim',
    final: 'closed',
    counts: { bp: 2, li: 1 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 41, 90)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('positive')
        .wait(5 * W, 20 * W)
        .close('assisted_return'),
  },
  {
    name: 'closed: transferred',
    final: 'closed',
    counts: { bp: 0, li: 1 },
    indicators: 'strong',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 41, 90)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 7 * W)
        .rg('positive')
        .cg('positive')
        .wait(2 * W, 10 * W)
        .close('transferred'),
  },
  {
    name: 'closed: removed after a declined referral',
    final: 'closed',
    counts: { bp: 8, li: 0 },
    indicators: 'weak',
    tell: (s) => {
      s.encounter(5, 80);
      if (s.coin()) s.detainOnOpen().wait(5, 72).decline('bpSupervisor');
      else s.wait(5, 72).decline('bpSupervisor').wait(1, 6).detain();
      s.wait(3 * W, 20 * W).close('removed', 'bpSupervisor');
    },
  },
  {
    name: 'closed: released after a declined referral',
    final: 'closed',
    counts: { bp: 4, li: 3 },
    indicators: 'weak',
    tell: (s) =>
      s
        .encounter(4, 80)
        .wait(5, 72)
        .decline()
        .wait(W, 10 * W)
        .close('released'),
  },
  {
    name: 'closed: lost contact',
    final: 'closed',
    counts: { bp: 3, li: 2 },
    indicators: 'weak',
    tell: (s) =>
      s
        .encounter(6, 80)
        .wait(5, 72)
        .decline()
        .wait(2 * W, 20 * W)
        .close('lost_contact'),
  },
  {
    name: 'closed: removed after a negative RG decision (upheld on reconsideration)',
    final: 'closed',
    counts: { bp: 0, li: 2 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(30, 85)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 6 * W)
        .rg('negative')
        .wait(W, 4 * W)
        .requestReconsideration('liOfficer')
        .wait(2 * W, 6 * W)
        .reconsider('upheld')
        .wait(2 * W, 6 * W)
        .detain()
        .wait(2 * W, 5 * W)
        .close('removed'),
  },
  {
    name: 'closed: assisted return after a negative RG decision',
    final: 'closed',
    counts: { bp: 0, li: 1 },
    indicators: 'mixed',
    tell: (s) =>
      s
        .encounter(15, 85)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 6 * W)
        .rg('negative')
        .wait(3 * W, 10 * W)
        .close('assisted_return'),
  },
  {
    name: 'closed: after a negative CG decision',
    final: 'closed',
    counts: { bp: 0, li: 3 },
    indicators: 'mixed',
    tell: (s, k) =>
      s
        .encounter(k.recoveryPeriodDays + 30, 90)
        .wait(5, 48)
        .refer()
        .wait(2 * W, 6 * W)
        .rg('positive')
        .cg('negative')
        .wait(2 * W, 10 * W)
        .close(s.coin() ? 'assisted_return' : 'lost_contact'),
  },
];

interface Person {
  nationality: (typeof NATIONALITIES)[number];
  sex: (typeof SEXES)[number];
  birthYear: number;
  isChild: boolean;
  dateOfBirth: string;
  document: string | undefined;
  shelter: number | undefined;
}

/**
 * About 225 cases over DEMO-BP and DEMO-LI, ordered by encounter time, with
 * references and pseudonyms numbered in that order. `now` anchors every
 * time: encounters and decisions lie in the last ~90 days, the newest at
 * least a quarter of an hour before `now`.
 */
export function planDemoCases(now: Date, rules: DemoRules, seed = DEMO_PRNG_SEED): CasePlan[] {
  const r = new Random(seed);
  const year = now.getUTCFullYear();
  const drafts: {
    plan: Omit<CasePlan, 'body'>;
    person: Person;
    encounterAt: number;
    story: Story;
    group: GroupProfile | undefined;
  }[] = [];
  for (const scenario of SCENARIOS) {
    for (const agency of ['bp', 'li'] as const) {
      for (let i = 0; i < scenario.counts[agency]; i++) {
        const { group } = scenario;
        const person = group ? groupMemberOf(r, year, group) : personOf(r, year);
        const indicators = group ? [...group.indicators] : indicatorsOf(r, scenario.indicators, agency, person.isChild);
        // DEMO-BP's own case-management system pushes about a third of its records through the API key.
        const frontline: DemoActor = agency === 'li' ? 'liOfficer' : r.chance(0.3) ? 'bpApiKey' : 'bpOfficer';
        const story = new Story(r, agency, frontline, rules, indicators);
        scenario.tell(story, rules);
        const encounterAt = Math.min(
          now.getTime() - Math.round(story.daysAgo * DAY),
          now.getTime() - MARGIN - story.lastOffset,
        );
        drafts.push({
          plan: {
            agency,
            scenario: scenario.name,
            openedBy: frontline,
            decisions: [],
            expectedState: scenario.final,
            detainedAtEnd: story.detained,
          },
          person,
          encounterAt,
          story,
          group,
        });
      }
    }
  }
  drafts.sort((a, b) => a.encounterAt - b.encounterAt);
  const numbers: Record<FrontlineKey, number> = { bp: 0, li: 0 };
  return drafts.map(({ plan, person, encounterAt, story, group }, index) => {
    const seq = String(index + 1).padStart(3, '0');
    numbers[plan.agency] += 1;
    const at = (offset: number) => new Date(encounterAt + offset).toISOString();
    const picked = r.pick(PLACES[plan.agency]);
    const place = group?.place ?? picked;
    const body: CaseBody = {
      externalRef: `DEMO-${plan.agency.toUpperCase()}-${year}-${String(numbers[plan.agency]).padStart(5, '0')}`,
      subject: {
        pseudonym: `${person.nationality.iso2}-${person.sex[1]}-${person.birthYear}-${seq}`,
        sex: person.sex[0],
        birthYear: person.birthYear,
        nationality: person.nationality.iso3,
        languages: [...person.nationality.languages],
        isChild: person.isChild,
        name: `Demo Person ${seq}`,
        dateOfBirth: person.dateOfBirth,
        ...(person.document ? { documentNumber: person.document } : {}),
        ...(person.shelter ? { contact: `c/o Demo Shelter ${person.shelter}, +00 555 0${seq}` } : {}),
      },
      encounter: { at: at(0), location: place.location, kind: place.kind },
      indicators: story.indicators,
      ...(story.detention
        ? {
            detention: {
              at: at(story.detention.offset),
              place: story.detention.place,
              legalBasis: story.detention.legalBasis,
            },
          }
        : {}),
    };
    const decisions = story.decisions.map((d) => {
      const when = at(d.offset);
      const detention = d.type === 'detain' || d.type === 'release';
      return { by: d.by, body: { type: d.type, occurredAt: when, ...(detention ? { at: when } : {}), ...d.fields } };
    });
    return { ...plan, body, decisions };
  });
}

/** The scenario names and their final states, for the summary and the tests. */
export function demoScenarios(): { name: string; final: CaseState; bp: number; li: number }[] {
  return SCENARIOS.map((s) => ({ name: s.name, final: s.final, bp: s.counts.bp, li: s.counts.li }));
}

function personOf(r: Random, year: number): Person {
  const nationality = r.pick(NATIONALITIES);
  const roll = r.next();
  let acc = 0;
  const sex = SEXES.find((s) => (acc += s[2]) > roll) ?? SEXES[0];
  const isChild = r.chance(0.08);
  const birthYear = isChild ? r.int(year - 16, year - 14) : r.int(year - 58, year - 19);
  const dateOfBirth = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  return {
    nationality,
    sex,
    birthYear,
    isChild,
    dateOfBirth,
    // Documents are often withheld by exploiters: about a third have none on them.
    document: r.chance(0.65) ? `DEMO-${nationality.iso2}${r.int(100_000, 999_999)}` : undefined,
    shelter: r.chance(0.6) ? r.int(1, 6) : undefined,
  };
}

/** A member of a group: its nationality and sex, an adult whose age band (31-38) holds in the year before too. */
function groupMemberOf(r: Random, year: number, group: GroupProfile): Person {
  const person = personOf(r, year);
  const birthYear = r.int(year - 37, year - 33);
  return {
    ...person,
    nationality: NATIONALITIES.find((n) => n.iso3 === group.nationality)!,
    sex: SEXES.find((x) => x[0] === group.sex)!,
    isChild: false,
    birthYear,
    dateOfBirth: `${birthYear}${person.dateOfBirth.slice(4)}`,
  };
}

function indicatorsOf(
  r: Random,
  strength: Scenario['indicators'],
  agency: FrontlineKey,
  isChild: boolean,
): IndicatorCode[] {
  const picked =
    strength === 'strong'
      ? [...r.some(STRONG_INDICATORS[agency], 2, 5), ...(r.chance(0.4) ? (['no_language_skills'] as const) : [])]
      : strength === 'weak'
        ? r.some(WEAK_INDICATORS, 0, 1)
        : r.some([...STRONG_INDICATORS[agency], ...WEAK_INDICATORS], 1, 3);
  if (isChild && !picked.includes('child_under_18')) picked.push('child_under_18');
  return [...new Set(picked)];
}
