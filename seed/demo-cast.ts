import type { AgencyKind, Role } from '../src/authz/domain/roles.js';

/**
 * The demo's agencies and people. Everything here is published (README,
 * seed output): these passwords are for a local demo database only, which
 * is why `npm run seed:demo` refuses to run with NODE_ENV=production.
 */
export type DemoAgencyKey = 'bp' | 'li' | 'nrm' | 'oc';

export interface DemoAgency {
  key: DemoAgencyKey;
  code: string;
  name: string;
  kind: AgencyKind;
  alertEmail: string;
}

/** Its presence is what "the demo is already there" means. */
export const DEMO_MARKER_CODE = 'DEMO-BP';

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    key: 'bp',
    code: DEMO_MARKER_CODE,
    name: 'Border Police — Northern District',
    kind: 'frontline',
    alertEmail: 'duty-desk@bp-north.demo.oversight.test',
  },
  {
    key: 'li',
    code: 'DEMO-LI',
    name: 'Labour Inspectorate',
    kind: 'frontline',
    alertEmail: 'alerts@labour-inspectorate.demo.oversight.test',
  },
  {
    key: 'nrm',
    code: 'DEMO-NRM',
    name: 'National Referral Mechanism — Competent Authority',
    kind: 'competent_authority',
    alertEmail: 'decisions@nrm.demo.oversight.test',
  },
  {
    key: 'oc',
    code: 'DEMO-OC',
    name: 'Office of the Anti-Trafficking Commissioner',
    kind: 'commissioner_office',
    alertEmail: 'alerts@commissioner.demo.oversight.test',
  },
];

export type DemoUserKey =
  | 'admin'
  | 'commissioner'
  | 'reviewer'
  | 'conflictedReviewer'
  | 'analyst'
  | 'bpOfficer'
  | 'bpSupervisor'
  | 'liOfficer'
  | 'decisionMaker';

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  password: string;
  role: Role;
  agency: DemoAgencyKey | null;
  conflicts: DemoAgencyKey[];
  note?: string;
}

export const DEMO_ADMIN: DemoUser = {
  key: 'admin',
  email: 'admin@demo.oversight.test',
  password: 'demo-admin-password',
  role: 'admin',
  agency: null,
  conflicts: [],
};

export const DEMO_USERS: readonly DemoUser[] = [
  DEMO_ADMIN,
  {
    key: 'commissioner',
    email: 'commissioner@demo.oversight.test',
    password: 'demo-commissioner-password',
    role: 'commissioner',
    agency: 'oc',
    conflicts: [],
  },
  {
    key: 'reviewer',
    email: 'reviewer.one@demo.oversight.test',
    password: 'demo-reviewer-one-password',
    role: 'reviewer',
    agency: 'oc',
    conflicts: [],
  },
  {
    key: 'conflictedReviewer',
    email: 'reviewer.two@demo.oversight.test',
    password: 'demo-reviewer-two-password',
    role: 'reviewer',
    agency: 'oc',
    conflicts: ['bp'],
    note: 'conflict with DEMO-BP (seconded from it)',
  },
  {
    key: 'analyst',
    email: 'analyst@demo.oversight.test',
    password: 'demo-analyst-password',
    role: 'analyst',
    agency: 'oc',
    conflicts: [],
  },
  {
    key: 'bpOfficer',
    email: 'officer@bp-north.demo.oversight.test',
    password: 'demo-bp-officer-password',
    role: 'agency_officer',
    agency: 'bp',
    conflicts: [],
  },
  {
    key: 'bpSupervisor',
    email: 'supervisor@bp-north.demo.oversight.test',
    password: 'demo-bp-supervisor-password',
    role: 'agency_supervisor',
    agency: 'bp',
    conflicts: [],
  },
  {
    key: 'liOfficer',
    email: 'inspector@labour.demo.oversight.test',
    password: 'demo-li-officer-password',
    role: 'agency_officer',
    agency: 'li',
    conflicts: [],
  },
  {
    key: 'decisionMaker',
    email: 'decision.maker@nrm.demo.oversight.test',
    password: 'demo-decision-maker-password',
    role: 'decision_maker',
    agency: 'nrm',
    conflicts: [],
  },
];

export const DEMO_API_KEY_NAME = 'Border Police case-management system (demo)';
