import type { TestApp } from '../support/test-app.js';
import { createAgency, type Agency } from './agencies.js';
import { adminSession, type Session } from './session.js';
import { createUser, issueApiKey } from './users.js';

/**
 * The standard cast: two frontline agencies (own and other), a competent
 * authority, the commissioner's office, one user per role, a reviewer with a
 * conflict with the own agency, and an API key of the own agency.
 */
export interface World {
  agencies: { own: Agency; other: Agency; authority: Agency; office: Agency };
  admin: Session;
  commissioner: Session;
  reviewer: Session;
  conflictedReviewer: Session;
  analyst: Session;
  officer: Session;
  supervisor: Session;
  otherOfficer: Session;
  otherSupervisor: Session;
  decisionMaker: Session;
  apiKey: Session & { keyId: string };
}

export async function createWorld(t: TestApp): Promise<World> {
  const admin = await adminSession(t);
  const own = await createAgency(t, admin, 'frontline');
  const other = await createAgency(t, admin, 'frontline');
  const authority = await createAgency(t, admin, 'competent_authority');
  const office = await createAgency(t, admin, 'commissioner_office');
  const [
    commissioner,
    reviewer,
    conflictedReviewer,
    analyst,
    officer,
    supervisor,
    otherOfficer,
    otherSupervisor,
    decisionMaker,
  ] = await Promise.all([
    createUser(t, admin, 'commissioner', office.id),
    createUser(t, admin, 'reviewer', office.id),
    createUser(t, admin, 'reviewer', office.id, { conflictAgencyIds: [own.id] }),
    createUser(t, admin, 'analyst', office.id),
    createUser(t, admin, 'agency_officer', own.id),
    createUser(t, admin, 'agency_supervisor', own.id),
    createUser(t, admin, 'agency_officer', other.id),
    createUser(t, admin, 'agency_supervisor', other.id),
    createUser(t, admin, 'decision_maker', authority.id),
  ]);
  const apiKey = await issueApiKey(t, supervisor, own.id);
  return {
    agencies: { own, other, authority, office },
    admin,
    commissioner,
    reviewer,
    conflictedReviewer,
    analyst,
    officer,
    supervisor,
    otherOfficer,
    otherSupervisor,
    decisionMaker,
    apiKey,
  };
}
