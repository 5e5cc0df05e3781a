import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { PasswordLinks } from '../../src/auth/password-links.js';
import type { Agency } from '../factories/agencies.js';
import { openOverdueDetention, scanNow } from '../factories/alerts.js';
import { caseBody, decided, openCase, SEEDED_PII, type OpenedCase } from '../factories/cases.js';
import { COMPLAINANT_PII, complaintBody, recordComplaint } from '../factories/complaints.js';
import { investigationAction, openInvestigation } from '../factories/investigations.js';
import { dateIn, issueRecommendation, recommendationAction } from '../factories/recommendations.js';
import { CONCERN, declinedCase, drawSample, reviewCommand } from '../factories/reviews.js';
import { createPlace, placeBody } from '../factories/places.js';
import type { Session } from '../factories/session.js';
import { createUser } from '../factories/users.js';
import { createWorld, type World } from '../factories/world.js';
import { expectProblem } from '../support/problems.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

type Caller =
  | 'anonymous'
  | 'admin'
  | 'commissioner'
  | 'reviewer'
  | 'conflictedReviewer'
  | 'analyst'
  | 'officer'
  | 'supervisor'
  | 'decisionMaker'
  | 'apiKey';
/**
 * Whose record the row touches: `own`, the caller's agency (or a case of it); `other`, a frontline agency that is
 * not theirs (or a case of it, never referred); `referred`, a case of that other agency that was referred to the
 * competent authority; `none`, the route names no record (or no agency's record: a sampling run).
 *
 * Reviews and alerts add states of the record (SPEC §2, §4, §5). A review under `own`/`other` is not concluded yet
 * (pending; for `conclude`, assigned to a reviewer no row calls as); besides:
 * - `ownConcluded` / `otherConcluded`: a concluded review (finding `concern`, awaiting the agency's response) of the
 *   caller's agency / of the other frontline agency;
 * - `assignedToSelf`: a review of the other agency assigned to the caller (a reviewer without a conflict with it);
 * - `conflicted`: a review of the own frontline agency, the one the conflicted reviewer has a conflict with,
 *   assigned to the caller anyway (as if the conflict were declared after the assignment: the API refuses to
 *   assign it, so the fixture writes the assignment in SQL);
 * - `commissionerOnly`: an alert about the own frontline agency that only the commissioner's office may see
 *   (`removal_during_review`, SPEC §3.2 and §4).
 *
 * Visits (SPEC §11) are at a place of the target agency: `own`/`other` started (in progress) — except that a
 * staff row on team, start or cancel gets a planned one, since those act before the start; `unannounced` a
 * visit of the own frontline agency not started yet; `assignedToSelf` a visit of the other agency with the
 * caller on its team; `conflicted` one of the own agency with the conflicted reviewer on its team (written in
 * SQL: the API refuses such a team).
 *
 * Investigations (SPEC §13) have the target agency alone in scope: `own` drafted (the agency sees it), `unannounced`
 * open (it does not yet), `other` open or drafted as the action needs; `assignedToSelf` an open one of the other
 * agency with the caller as investigator, `conflicted` one of the own agency with the conflicted reviewer as
 * investigator (written in SQL: the API refuses it).
 */
type Target =
  | 'own'
  | 'other'
  | 'referred'
  | 'none'
  | 'ownConcluded'
  | 'otherConcluded'
  | 'assignedToSelf'
  | 'conflicted'
  | 'commissionerOnly'
  | 'unannounced';
interface Row {
  route: string;
  caller: Caller;
  target: Target;
  expect: number;
}

/**
 * Who may do what, through HTTP (SPEC §2): one row per route × caller ×
 * target agency. Every route in the OpenAPI document needs a row for every
 * caller, so a new route makes this file fail until its rows are added (and,
 * where the route has parameters or a body, a line in PATHS or BODIES below).
 */
// prettier-ignore
const MATRIX: Row[] = [
  // Public: whoever calls, the admin's credentials in the body get a token.
  { route: 'POST /auth/login',                            caller: 'anonymous',          target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'POST /auth/login',                            caller: 'apiKey',             target: 'none',             expect: 200 },
  // The console's sessions (SPEC §15): whoever calls, the admin's credentials in the body start one.
  { route: 'POST /auth/session',                    caller: 'anonymous',         target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'POST /auth/session',                    caller: 'apiKey',            target: 'none',            expect: 200 },
  // The refresh cookie is the credential (HEADERS sends a user's own console session); an API key has none.
  { route: 'POST /auth/refresh',                    caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'POST /auth/refresh',                    caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'POST /auth/refresh',                    caller: 'apiKey',            target: 'none',            expect: 401 },
  // Signing out is idempotent: without a cookie it has nothing to revoke and still answers 204.
  { route: 'POST /auth/logout',                     caller: 'anonymous',         target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'admin',             target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'commissioner',      target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'reviewer',          target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'conflictedReviewer', target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'analyst',           target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'officer',           target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'supervisor',        target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'decisionMaker',     target: 'none',            expect: 204 },
  { route: 'POST /auth/logout',                     caller: 'apiKey',            target: 'none',            expect: 204 },
  // Public: a set-password token (from an e-mailed link) sets that account's password, whoever sends it; a reset
  // request is 202 for any address.
  { route: 'POST /auth/set-password',                     caller: 'anonymous',         target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'admin',             target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'commissioner',      target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'reviewer',          target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'conflictedReviewer', target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'analyst',           target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'officer',           target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'supervisor',        target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'decisionMaker',     target: 'none',            expect: 204 },
  { route: 'POST /auth/set-password',                     caller: 'apiKey',            target: 'none',            expect: 204 },
  { route: 'POST /auth/password-reset',                   caller: 'anonymous',         target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'admin',             target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'commissioner',      target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'reviewer',          target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'conflictedReviewer', target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'analyst',           target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'officer',           target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'supervisor',        target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'decisionMaker',     target: 'none',            expect: 202 },
  { route: 'POST /auth/password-reset',                   caller: 'apiKey',            target: 'none',            expect: 202 },
  // Everyone signed in may ask who they are.
  { route: 'GET /me',                                     caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /me',                                     caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /me',                                     caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /dashboard',                              caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /dashboard',                              caller: 'apiKey',             target: 'none',             expect: 200 },
  // Agencies, users, API keys: the admin manages; commissioner staff read all; agency roles and decision makers
  // read their own agency only (404 elsewhere); only the admin creates.
  { route: 'POST /agencies',                              caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /agencies',                              caller: 'admin',              target: 'none',             expect: 201 },
  { route: 'POST /agencies',                              caller: 'commissioner',       target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /agencies',                              caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /agencies',                               caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /agencies',                               caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /agencies',                               caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /agencies/:id',                           caller: 'admin',              target: 'other',            expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'commissioner',       target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'reviewer',           target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'conflictedReviewer', target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'analyst',            target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // The new user's agency (in the body) does not matter: only the admin creates users.
  { route: 'POST /users',                                 caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /users',                                 caller: 'admin',              target: 'other',            expect: 201 },
  { route: 'POST /users',                                 caller: 'commissioner',       target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'reviewer',           target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'conflictedReviewer', target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'analyst',            target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'officer',            target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'supervisor',         target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'supervisor',         target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'apiKey',             target: 'other',            expect: 403 },
  { route: 'POST /users',                                 caller: 'decisionMaker',      target: 'own',              expect: 403 },
  { route: 'POST /users',                                 caller: 'decisionMaker',      target: 'other',            expect: 403 },
  { route: 'GET /users',                                  caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /users',                                  caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /users',                                  caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /users/:id',                              caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /users/:id',                              caller: 'admin',              target: 'other',            expect: 200 },
  { route: 'GET /users/:id',                              caller: 'commissioner',       target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /users/:id',                              caller: 'reviewer',           target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /users/:id',                              caller: 'conflictedReviewer', target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /users/:id',                              caller: 'analyst',            target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /users/:id',                              caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /users/:id',                              caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /users/:id',                              caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /users/:id',                              caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'GET /users/:id',                              caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // Disabling and enabling users: the admin only; 403 where the user is readable, 404 where not.
  { route: 'POST /users/:id/disable',                     caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /users/:id/disable',                     caller: 'admin',             target: 'other',           expect: 200 },
  { route: 'POST /users/:id/disable',                     caller: 'commissioner',      target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'commissioner',      target: 'other',           expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'reviewer',          target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'conflictedReviewer', target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'analyst',           target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'POST /users/:id/disable',                     caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'POST /users/:id/disable',                     caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'apiKey',            target: 'other',           expect: 404 },
  { route: 'POST /users/:id/disable',                     caller: 'decisionMaker',     target: 'own',             expect: 403 },
  { route: 'POST /users/:id/disable',                     caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /users/:id/enable',                      caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /users/:id/enable',                      caller: 'admin',             target: 'other',           expect: 200 },
  { route: 'POST /users/:id/enable',                      caller: 'commissioner',      target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'commissioner',      target: 'other',           expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'reviewer',          target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'conflictedReviewer', target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'analyst',           target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'POST /users/:id/enable',                      caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'POST /users/:id/enable',                      caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'apiKey',            target: 'other',           expect: 404 },
  { route: 'POST /users/:id/enable',                      caller: 'decisionMaker',     target: 'own',             expect: 403 },
  { route: 'POST /users/:id/enable',                      caller: 'decisionMaker',     target: 'other',           expect: 404 },
  // Issuing and revoking keys: 403 where the agency is readable, 404 where it is not. Only the agency's own
  // supervisor issues its keys (the admin never holds a credential that reads PII); admin and supervisor revoke.
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'admin',              target: 'other',            expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'commissioner',       target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'reviewer',           target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'conflictedReviewer', target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'analyst',            target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'supervisor',         target: 'own',              expect: 201 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'decisionMaker',      target: 'own',              expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'admin',              target: 'other',            expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'commissioner',       target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'reviewer',           target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'conflictedReviewer', target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'analyst',            target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'admin',              target: 'other',            expect: 204 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'commissioner',       target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'reviewer',           target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'conflictedReviewer', target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'analyst',            target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'supervisor',         target: 'own',              expect: 204 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'decisionMaker',      target: 'own',              expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // The indicator catalogue is for everyone signed in.
  { route: 'GET /indicators',                             caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /indicators',                             caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /indicators',                             caller: 'apiKey',             target: 'none',             expect: 200 },
  // Cases: frontline roles open and read their own agency's; commissioner staff read all; decision makers read
  // referred ones; the admin reads none (404). Lists only ever hold readable cases, so they answer 200 to all.
  { route: 'POST /cases',                                 caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /cases',                                 caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'commissioner',       target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'officer',            target: 'none',             expect: 201 },
  { route: 'POST /cases',                                 caller: 'supervisor',         target: 'none',             expect: 201 },
  { route: 'POST /cases',                                 caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /cases',                                 caller: 'apiKey',             target: 'none',             expect: 201 },
  { route: 'GET /cases',                                  caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /cases',                                  caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /cases',                                  caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /cases/:id',                              caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'commissioner',       target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'reviewer',           target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'conflictedReviewer', target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'analyst',            target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'decisionMaker',      target: 'referred',         expect: 200 },
  // The case's chain checked: for exactly those who may read the case (SPEC §15).
  { route: 'GET /cases/:id/verification',                 caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /cases/:id/verification',                 caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/verification',                 caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'commissioner',       target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'reviewer',           target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'conflictedReviewer', target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'analyst',            target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/verification',                 caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/verification',                 caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/verification',                 caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/verification',                 caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/verification',                 caller: 'decisionMaker',      target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /cases/:id/decisions',                    caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'commissioner',       target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'reviewer',           target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'conflictedReviewer', target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'analyst',            target: 'referred',         expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'decisionMaker',      target: 'referred',         expect: 200 },
  // Decision records across cases: readable as their case is (lists answer 200 and hold only those).
  { route: 'GET /decision-records',                      caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'GET /decision-records',                      caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'GET /decision-records',                      caller: 'apiKey',            target: 'none',            expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'GET /decision-records/:id',                  caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'GET /decision-records/:id',                  caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'commissioner',      target: 'referred',        expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'reviewer',          target: 'other',           expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'reviewer',          target: 'referred',        expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'conflictedReviewer', target: 'other',           expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'conflictedReviewer', target: 'referred',        expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'analyst',           target: 'other',           expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'analyst',           target: 'referred',        expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'officer',           target: 'own',             expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'GET /decision-records/:id',                  caller: 'supervisor',        target: 'own',             expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'GET /decision-records/:id',                  caller: 'apiKey',            target: 'own',             expect: 200 },
  { route: 'GET /decision-records/:id',                  caller: 'apiKey',            target: 'other',           expect: 404 },
  { route: 'GET /decision-records/:id',                  caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'GET /decision-records/:id',                  caller: 'decisionMaker',     target: 'referred',        expect: 200 },
  // The decision sent is `detain`, which only frontline roles record: 403 where the case is readable.
  { route: 'POST /cases/:id/decisions',                   caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /cases/:id/decisions',                   caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'commissioner',       target: 'referred',         expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'reviewer',           target: 'referred',         expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'conflictedReviewer', target: 'referred',         expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'analyst',            target: 'referred',         expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'officer',            target: 'own',              expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'supervisor',         target: 'own',              expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'apiKey',             target: 'own',              expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'decisionMaker',      target: 'referred',         expect: 403 },
  // Audit: the commissioner reads events; the commissioner and the admin verify and export checkpoints.
  { route: 'GET /audit/events',                           caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /audit/events',                           caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /audit/events',                           caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'GET /audit/events',                           caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /audit/verify',                           caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /audit/verify',                           caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /audit/verify',                           caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /audit/checkpoints',                      caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /audit/checkpoints',                      caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /audit/checkpoints',                      caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'apiKey',             target: 'none',             expect: 403 },
  // Sealing a checkpoint now: those who verify the log (each call records itself, so each seals a new one).
  { route: 'POST /audit/checkpoints',                     caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /audit/checkpoints',                     caller: 'admin',              target: 'none',             expect: 201 },
  { route: 'POST /audit/checkpoints',                     caller: 'commissioner',       target: 'none',             expect: 201 },
  { route: 'POST /audit/checkpoints',                     caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /audit/checkpoints',                     caller: 'apiKey',             target: 'none',             expect: 403 },
  // Reports: commissioner staff all agencies, agency roles and decision makers their own; the anonymised export for
  // the commissioner and analysts only.
  { route: 'GET /reports/agencies',                       caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /reports/agencies',                       caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'GET /reports/agencies',                       caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'conflictedReviewer',target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /reports/agencies',                       caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'anonymous',         target: 'none',             expect: 401 },
  { route: 'GET /reports/consistency',                     caller: 'admin',             target: 'none',             expect: 403 },
  { route: 'GET /reports/consistency',                     caller: 'commissioner',      target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'reviewer',          target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'conflictedReviewer',target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'analyst',           target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'officer',           target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'supervisor',        target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'decisionMaker',     target: 'none',             expect: 200 },
  { route: 'GET /reports/consistency',                     caller: 'apiKey',            target: 'none',             expect: 200 },
  { route: 'GET /reports/annual',                          caller: 'anonymous',         target: 'none',             expect: 401 },
  { route: 'GET /reports/annual',                          caller: 'admin',             target: 'none',             expect: 403 },
  { route: 'GET /reports/annual',                          caller: 'commissioner',      target: 'none',             expect: 200 },
  { route: 'GET /reports/annual',                          caller: 'reviewer',          target: 'none',             expect: 200 },
  { route: 'GET /reports/annual',                          caller: 'conflictedReviewer',target: 'none',             expect: 200 },
  { route: 'GET /reports/annual',                          caller: 'analyst',           target: 'none',             expect: 200 },
  { route: 'GET /reports/annual',                          caller: 'officer',           target: 'none',             expect: 403 },
  { route: 'GET /reports/annual',                          caller: 'supervisor',        target: 'none',             expect: 403 },
  { route: 'GET /reports/annual',                          caller: 'decisionMaker',     target: 'none',             expect: 403 },
  { route: 'GET /reports/annual',                          caller: 'apiKey',            target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /exports/anonymised',                     caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /exports/anonymised',                     caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'conflictedReviewer',target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /exports/anonymised',                     caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'GET /exports/anonymised',                     caller: 'apiKey',             target: 'none',             expect: 403 },
  // The queue dashboard session (SPEC §8: "queue dashboard for admins"): the admin only.
  { route: 'POST /ops/queue-dashboard/session',           caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'commissioner',       target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /ops/queue-dashboard/session',           caller: 'apiKey',             target: 'none',             expect: 403 },
  // Alerts (SPEC §2, §4): commissioner staff read all, agency roles their own agency's but never one kept for the
  // commissioner's office; the admin and decision makers read none, so their list is empty (LIST_CHECKS), not refused.
  { route: 'GET /alerts',                                 caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /alerts',                                 caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /alerts',                                 caller: 'apiKey',             target: 'none',             expect: 200 },
  // One alert (the link in its e-mail): whoever may read it; 404 for everyone else.
  { route: 'GET /alerts/:id',                             caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /alerts/:id',                             caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'commissioner',       target: 'commissionerOnly', expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'reviewer',           target: 'commissionerOnly', expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'conflictedReviewer', target: 'commissionerOnly', expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'analyst',            target: 'commissionerOnly', expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'officer',            target: 'commissionerOnly', expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'supervisor',         target: 'commissionerOnly', expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /alerts/:id',                             caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'apiKey',             target: 'commissionerOnly', expect: 404 },
  { route: 'GET /alerts/:id',                             caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // Acknowledging: the commissioner, and supervisors for their own agency; 403 where the alert is readable, else 404.
  { route: 'POST /alerts/:id/acknowledge',                caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'commissioner',       target: 'commissionerOnly', expect: 200 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'reviewer',           target: 'commissionerOnly', expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'conflictedReviewer', target: 'commissionerOnly', expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'analyst',            target: 'commissionerOnly', expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'officer',            target: 'commissionerOnly', expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'supervisor',         target: 'commissionerOnly', expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'apiKey',             target: 'commissionerOnly', expect: 404 },
  { route: 'POST /alerts/:id/acknowledge',                caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // A scan on demand: the commissioner and the admin (SPEC §4).
  { route: 'POST /jobs/overdue-scan',                     caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /jobs/overdue-scan',                     caller: 'apiKey',             target: 'none',             expect: 403 },
  // Sampling runs: the commissioner starts them; commissioner staff read them (the seed: the commissioner only);
  // to anyone else the list is refused and a run does not exist.
  { route: 'POST /sampling-runs',                         caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /sampling-runs',                         caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'commissioner',       target: 'none',             expect: 201 },
  { route: 'POST /sampling-runs',                         caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /sampling-runs',                         caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs',                          caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /sampling-runs',                          caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs',                          caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs',                          caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs',                          caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs',                          caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs',                          caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs',                          caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs',                          caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs',                          caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs/:id',                      caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /sampling-runs/:id',                      caller: 'admin',              target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id',                      caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs/:id',                      caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs/:id',                      caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs/:id',                      caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs/:id',                      caller: 'officer',            target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id',                      caller: 'supervisor',         target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id',                      caller: 'decisionMaker',      target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id',                      caller: 'apiKey',             target: 'none',             expect: 404 },
  // Verifying a draw needs the secret seed: the commissioner only; the rest of the office may read the run (403).
  { route: 'GET /sampling-runs/:id/verification',         caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'admin',              target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'officer',            target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'supervisor',         target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'decisionMaker',      target: 'none',             expect: 404 },
  { route: 'GET /sampling-runs/:id/verification',         caller: 'apiKey',             target: 'none',             expect: 404 },
  // Reviews (SPEC §2, §5): commissioner staff read all; agency roles their own agency's, only once concluded (a
  // review not yet concluded does not exist for them: 404); the admin and decision makers none (an empty list).
  { route: 'GET /reviews',                                caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /reviews',                                caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /reviews',                                caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /reviews/:id',                            caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'admin',              target: 'otherConcluded',   expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'commissioner',       target: 'otherConcluded',   expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'reviewer',           target: 'otherConcluded',   expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'conflictedReviewer', target: 'otherConcluded',   expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'conflictedReviewer', target: 'conflicted',       expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'analyst',            target: 'otherConcluded',   expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'officer',            target: 'own',              expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'officer',            target: 'ownConcluded',     expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'officer',            target: 'otherConcluded',   expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'supervisor',         target: 'own',              expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'supervisor',         target: 'ownConcluded',     expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'supervisor',         target: 'otherConcluded',   expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'apiKey',             target: 'own',              expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'apiKey',             target: 'ownConcluded',     expect: 200 },
  { route: 'GET /reviews/:id',                            caller: 'apiKey',             target: 'otherConcluded',   expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'GET /reviews/:id',                            caller: 'decisionMaker',      target: 'otherConcluded',   expect: 404 },
  // The commissioner assigns, by hand or automatically (over an empty run here, so the fixtures stay as they are).
  { route: 'POST /reviews/auto-assign',                   caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /reviews/auto-assign',                   caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'POST /reviews/auto-assign',                   caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /reviews/auto-assign',                   caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /reviews/:id/assign',                    caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /reviews/:id/assign',                    caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /reviews/:id/assign',                    caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'officer',            target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/assign',                    caller: 'officer',            target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'supervisor',         target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/assign',                    caller: 'supervisor',         target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'apiKey',             target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/assign',                    caller: 'apiKey',             target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/assign',                    caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // Concluding: the commissioner any assigned review; a reviewer only one assigned to them, never about an agency
  // they have a conflict with. `own`/`other` reviews here are assigned to a reviewer no row calls as.
  { route: 'POST /reviews/:id/conclude',                  caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'reviewer',           target: 'assignedToSelf',   expect: 200 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'conflictedReviewer', target: 'assignedToSelf',   expect: 200 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'conflictedReviewer', target: 'conflicted',       expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'officer',            target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'officer',            target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'supervisor',         target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'supervisor',         target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'apiKey',             target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'apiKey',             target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/conclude',                  caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // Responding to a finding: supervisors of the reviewed agency, once it is concluded.
  { route: 'POST /reviews/:id/respond',                   caller: 'anonymous',          target: 'otherConcluded',   expect: 401 },
  { route: 'POST /reviews/:id/respond',                   caller: 'admin',              target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'commissioner',       target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'reviewer',           target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'conflictedReviewer', target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'analyst',            target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'officer',            target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'officer',            target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'officer',            target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'supervisor',         target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'supervisor',         target: 'ownConcluded',     expect: 200 },
  { route: 'POST /reviews/:id/respond',                   caller: 'supervisor',         target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'apiKey',             target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'apiKey',             target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/respond',                   caller: 'apiKey',             target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/respond',                   caller: 'decisionMaker',      target: 'otherConcluded',   expect: 404 },
  // Withdrawing a review not yet concluded: the commissioner.
  { route: 'POST /reviews/:id/withdraw',                  caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'officer',            target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'officer',            target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'supervisor',         target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'supervisor',         target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'apiKey',             target: 'own',              expect: 404 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'apiKey',             target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/withdraw',                  caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // close: a dispute (the agency rejected the finding), by the commissioner; the agency sees it but may not close it.
  { route: 'POST /reviews/:id/close',                     caller: 'anonymous',          target: 'otherConcluded',   expect: 401 },
  { route: 'POST /reviews/:id/close',                     caller: 'admin',              target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/close',                     caller: 'commissioner',       target: 'otherConcluded',   expect: 200 },
  { route: 'POST /reviews/:id/close',                     caller: 'reviewer',           target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'conflictedReviewer', target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'analyst',            target: 'otherConcluded',   expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'officer',            target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'officer',            target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/close',                     caller: 'supervisor',         target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'supervisor',         target: 'otherConcluded',   expect: 404 },
  { route: 'POST /reviews/:id/close',                     caller: 'apiKey',             target: 'ownConcluded',     expect: 403 },
  { route: 'POST /reviews/:id/close',                     caller: 'decisionMaker',      target: 'otherConcluded',   expect: 404 },
  // Places (SPEC §11): the office any agency's; a supervisor their own (not active, agencyId); readers as for cases.
  { route: 'POST /places',                            caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /places',                            caller: 'admin',             target: 'other',           expect: 201 },
  { route: 'POST /places',                            caller: 'commissioner',      target: 'other',           expect: 201 },
  { route: 'POST /places',                            caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /places',                            caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /places',                            caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /places',                            caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /places',                            caller: 'supervisor',        target: 'own',             expect: 201 },
  { route: 'POST /places',                            caller: 'supervisor',        target: 'other',           expect: 403 },
  { route: 'POST /places',                            caller: 'decisionMaker',     target: 'own',             expect: 403 },
  { route: 'POST /places',                            caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'GET /places',                             caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'GET /places',                             caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'GET /places',                             caller: 'apiKey',            target: 'none',            expect: 200 },
  { route: 'GET /places/:id',                         caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'GET /places/:id',                         caller: 'admin',             target: 'other',           expect: 200 },
  { route: 'GET /places/:id',                         caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'GET /places/:id',                         caller: 'reviewer',          target: 'other',           expect: 200 },
  { route: 'GET /places/:id',                         caller: 'conflictedReviewer', target: 'other',           expect: 200 },
  { route: 'GET /places/:id',                         caller: 'analyst',           target: 'other',           expect: 200 },
  { route: 'GET /places/:id',                         caller: 'officer',           target: 'own',             expect: 200 },
  { route: 'GET /places/:id',                         caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'GET /places/:id',                         caller: 'supervisor',        target: 'own',             expect: 200 },
  { route: 'GET /places/:id',                         caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'GET /places/:id',                         caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'GET /places/:id',                         caller: 'apiKey',            target: 'own',             expect: 200 },
  { route: 'GET /places/:id',                         caller: 'apiKey',            target: 'other',           expect: 404 },
  { route: 'PATCH /places/:id',                       caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'PATCH /places/:id',                       caller: 'admin',             target: 'other',           expect: 200 },
  { route: 'PATCH /places/:id',                       caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'PATCH /places/:id',                       caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'PATCH /places/:id',                       caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'PATCH /places/:id',                       caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'PATCH /places/:id',                       caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'PATCH /places/:id',                       caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'PATCH /places/:id',                       caller: 'supervisor',        target: 'own',             expect: 200 },
  { route: 'PATCH /places/:id',                       caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'PATCH /places/:id',                       caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'PATCH /places/:id',                       caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'PATCH /places/:id',                       caller: 'apiKey',            target: 'other',           expect: 404 },
  // Visits (SPEC §11): the office plans and acts; team members start, record and report; agencies see a visit of
  // their own places only once started (404 before: unannounced), never act on one.
  { route: 'POST /visit-plans',                       caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'POST /visit-plans',                       caller: 'admin',             target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'commissioner',      target: 'none',            expect: 201 },
  { route: 'POST /visit-plans',                       caller: 'reviewer',          target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'conflictedReviewer', target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'analyst',           target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'officer',           target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'supervisor',        target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'decisionMaker',     target: 'none',            expect: 403 },
  { route: 'POST /visit-plans',                       caller: 'apiKey',            target: 'none',            expect: 403 },
  { route: 'GET /visit-plans',                        caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'GET /visit-plans',                        caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'GET /visit-plans',                        caller: 'apiKey',            target: 'none',            expect: 200 },
  { route: 'GET /visit-plans/:id',                    caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'GET /visit-plans/:id',                    caller: 'admin',             target: 'none',            expect: 404 },
  { route: 'GET /visit-plans/:id',                    caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'GET /visit-plans/:id',                    caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'GET /visit-plans/:id',                    caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /visit-plans/:id',                    caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'GET /visit-plans/:id',                    caller: 'officer',           target: 'none',            expect: 404 },
  { route: 'GET /visit-plans/:id',                    caller: 'supervisor',        target: 'none',            expect: 404 },
  { route: 'GET /visit-plans/:id',                    caller: 'decisionMaker',     target: 'none',            expect: 404 },
  { route: 'GET /visit-plans/:id',                    caller: 'apiKey',            target: 'none',            expect: 404 },
  { route: 'POST /visits',                            caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits',                            caller: 'admin',             target: 'other',           expect: 403 },
  { route: 'POST /visits',                            caller: 'commissioner',      target: 'other',           expect: 201 },
  { route: 'POST /visits',                            caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /visits',                            caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /visits',                            caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits',                            caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits',                            caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits',                            caller: 'decisionMaker',     target: 'other',           expect: 403 },
  { route: 'POST /visits',                            caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'GET /visits',                             caller: 'anonymous',         target: 'none',            expect: 401 },
  { route: 'GET /visits',                             caller: 'admin',             target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'commissioner',      target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'reviewer',          target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'analyst',           target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'officer',           target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'supervisor',        target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'decisionMaker',     target: 'none',            expect: 200 },
  { route: 'GET /visits',                             caller: 'apiKey',            target: 'none',            expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'GET /visits/:id',                         caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'commissioner',      target: 'unannounced',     expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'reviewer',          target: 'unannounced',     expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'conflictedReviewer', target: 'unannounced',     expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'analyst',           target: 'unannounced',     expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'officer',           target: 'own',             expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'officer',           target: 'other',           expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'supervisor',        target: 'own',             expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'supervisor',        target: 'other',           expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'apiKey',            target: 'own',             expect: 200 },
  { route: 'GET /visits/:id',                         caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'apiKey',            target: 'other',           expect: 404 },
  { route: 'GET /visits/:id',                         caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/team',                   caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits/:id/team',                   caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/team',                   caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'POST /visits/:id/team',                   caller: 'reviewer',          target: 'assignedToSelf',  expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/team',                   caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/team',                   caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/team',                   caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/team',                   caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/start',                  caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits/:id/start',                  caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/start',                  caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'POST /visits/:id/start',                  caller: 'reviewer',          target: 'assignedToSelf',  expect: 200 },
  { route: 'POST /visits/:id/start',                  caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'conflictedReviewer', target: 'conflicted',      expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/start',                  caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/start',                  caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/start',                  caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/start',                  caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/findings',               caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits/:id/findings',               caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/findings',               caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'POST /visits/:id/findings',               caller: 'reviewer',          target: 'assignedToSelf',  expect: 200 },
  { route: 'POST /visits/:id/findings',               caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'conflictedReviewer', target: 'conflicted',      expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/findings',               caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/findings',               caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/findings',               caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/findings',               caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/report',                 caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits/:id/report',                 caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/report',                 caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'POST /visits/:id/report',                 caller: 'reviewer',          target: 'assignedToSelf',  expect: 200 },
  { route: 'POST /visits/:id/report',                 caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'conflictedReviewer', target: 'conflicted',      expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/report',                 caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/report',                 caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/report',                 caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/report',                 caller: 'decisionMaker',     target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/cancel',                 caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'POST /visits/:id/cancel',                 caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'POST /visits/:id/cancel',                 caller: 'commissioner',      target: 'unannounced',     expect: 200 },
  { route: 'POST /visits/:id/cancel',                 caller: 'reviewer',          target: 'assignedToSelf',  expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/cancel',                 caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/cancel',                 caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'POST /visits/:id/cancel',                 caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'POST /visits/:id/cancel',                 caller: 'decisionMaker',     target: 'other',           expect: 404 },
  // The roll: the commissioner and the team (no conflict), while the visit is in progress.
  { route: 'GET /visits/:id/roll',                    caller: 'anonymous',         target: 'other',           expect: 401 },
  { route: 'GET /visits/:id/roll',                    caller: 'admin',             target: 'other',           expect: 404 },
  { route: 'GET /visits/:id/roll',                    caller: 'commissioner',      target: 'other',           expect: 200 },
  { route: 'GET /visits/:id/roll',                    caller: 'reviewer',          target: 'assignedToSelf',  expect: 200 },
  { route: 'GET /visits/:id/roll',                    caller: 'reviewer',          target: 'other',           expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'conflictedReviewer', target: 'conflicted',      expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'analyst',           target: 'other',           expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'officer',           target: 'own',             expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'officer',           target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id/roll',                    caller: 'supervisor',        target: 'own',             expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'supervisor',        target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id/roll',                    caller: 'apiKey',            target: 'own',             expect: 403 },
  { route: 'GET /visits/:id/roll',                    caller: 'apiKey',            target: 'unannounced',     expect: 404 },
  { route: 'GET /visits/:id/roll',                    caller: 'decisionMaker',     target: 'other',           expect: 404 },
  // Recommendations (SPEC §2, §12): the commissioner issues, verifies and withdraws; commissioner staff read all; the
  // addressed agency reads (404 elsewhere), and its supervisor, or the competent authority's decision maker, responds
  // and reports progress. `own`: addressed to the caller's agency; `other`: to the other frontline agency.
  { route: 'GET /recommendations',                         caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'GET /recommendations',                         caller: 'admin',              target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'commissioner',       target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'reviewer',           target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'conflictedReviewer', target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'analyst',            target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'officer',            target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'supervisor',         target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'decisionMaker',      target: 'none',             expect: 200 },
  { route: 'GET /recommendations',                         caller: 'apiKey',             target: 'none',             expect: 200 },
  { route: 'POST /recommendations',                        caller: 'anonymous',          target: 'none',             expect: 401 },
  { route: 'POST /recommendations',                        caller: 'admin',              target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'commissioner',       target: 'none',             expect: 201 },
  { route: 'POST /recommendations',                        caller: 'reviewer',           target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'conflictedReviewer', target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'analyst',            target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'officer',            target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'supervisor',         target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'decisionMaker',      target: 'none',             expect: 403 },
  { route: 'POST /recommendations',                        caller: 'apiKey',             target: 'none',             expect: 403 },
  { route: 'GET /recommendations/:id',                     caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'GET /recommendations/:id',                     caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'GET /recommendations/:id',                     caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'reviewer',           target: 'other',            expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'conflictedReviewer', target: 'other',            expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'analyst',            target: 'other',            expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'officer',            target: 'own',              expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'GET /recommendations/:id',                     caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'GET /recommendations/:id',                     caller: 'apiKey',             target: 'own',              expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'GET /recommendations/:id',                     caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'GET /recommendations/:id',                     caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/respond',            caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /recommendations/:id/respond',            caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/respond',            caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/respond',            caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'POST /recommendations/:id/respond',            caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/respond',            caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/respond',            caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/respond',            caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'POST /recommendations/:id/respond',            caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/progress',           caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /recommendations/:id/progress',           caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/progress',           caller: 'commissioner',       target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/progress',           caller: 'supervisor',         target: 'own',              expect: 200 },
  { route: 'POST /recommendations/:id/progress',           caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/progress',           caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/progress',           caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/progress',           caller: 'decisionMaker',      target: 'own',              expect: 200 },
  { route: 'POST /recommendations/:id/progress',           caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/verify',             caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /recommendations/:id/verify',             caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/verify',             caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /recommendations/:id/verify',             caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/verify',             caller: 'supervisor',         target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/verify',             caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/verify',             caller: 'decisionMaker',      target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/verify',             caller: 'decisionMaker',      target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'anonymous',          target: 'other',            expect: 401 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'admin',              target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'commissioner',       target: 'other',            expect: 200 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'reviewer',           target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'conflictedReviewer', target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'analyst',            target: 'other',            expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'officer',            target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'officer',            target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'supervisor',         target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'supervisor',         target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'apiKey',             target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'apiKey',             target: 'other',            expect: 404 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'decisionMaker',      target: 'own',              expect: 403 },
  { route: 'POST /recommendations/:id/withdraw',           caller: 'decisionMaker',      target: 'other',            expect: 404 },
  // Investigations (SPEC §2, §13): the commissioner opens them and takes every action; investigators (reviewers
  // assigned, no conflict) add evidence; the office reads all; an agency in scope reads from the draft on (`own`,
  // drafted) and never before (`unannounced`: open), its supervisor or a competent authority's decision maker
  // comments; every other agency gets 404. `other`: an investigation of the other frontline agency, open or drafted
  // as the action needs.
  { route: 'GET /investigations',                        caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'GET /investigations',                        caller: 'admin',              target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'commissioner',       target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'reviewer',           target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'analyst',            target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'officer',            target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'supervisor',         target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'decisionMaker',      target: 'none',            expect: 200 },
  { route: 'GET /investigations',                        caller: 'apiKey',             target: 'none',            expect: 200 },
  { route: 'POST /investigations',                       caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'POST /investigations',                       caller: 'admin',              target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'commissioner',       target: 'none',            expect: 201 },
  { route: 'POST /investigations',                       caller: 'reviewer',           target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'conflictedReviewer', target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'analyst',            target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'officer',            target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'supervisor',         target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'decisionMaker',      target: 'none',            expect: 403 },
  { route: 'POST /investigations',                       caller: 'apiKey',             target: 'none',            expect: 403 },
  { route: 'GET /investigations/:id',                    caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'GET /investigations/:id',                    caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'commissioner',       target: 'unannounced',     expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'reviewer',           target: 'other',           expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'reviewer',           target: 'unannounced',     expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'conflictedReviewer', target: 'other',           expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'conflictedReviewer', target: 'unannounced',     expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'analyst',            target: 'other',           expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'analyst',            target: 'unannounced',     expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'officer',            target: 'own',             expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'supervisor',         target: 'own',             expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'apiKey',             target: 'own',             expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'GET /investigations/:id',                    caller: 'decisionMaker',      target: 'own',             expect: 200 },
  { route: 'GET /investigations/:id',                    caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/investigators',     caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'POST /investigations/:id/investigators',     caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'supervisor',         target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/investigators',     caller: 'decisionMaker',      target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/investigators',     caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/draft',             caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'POST /investigations/:id/draft',             caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'supervisor',         target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/draft',             caller: 'decisionMaker',      target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/draft',             caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/publish',           caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'POST /investigations/:id/publish',           caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'supervisor',         target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/publish',           caller: 'decisionMaker',      target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/publish',           caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'supervisor',         target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'decisionMaker',      target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/close_without_findings', caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/evidence',          caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'commissioner',       target: 'other',           expect: 200 },
  { route: 'POST /investigations/:id/evidence',          caller: 'reviewer',           target: 'assignedToSelf',  expect: 200 },
  { route: 'POST /investigations/:id/evidence',          caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'conflictedReviewer', target: 'conflicted',      expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'supervisor',         target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/evidence',          caller: 'decisionMaker',      target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/evidence',          caller: 'decisionMaker',      target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'anonymous',          target: 'other',           expect: 401 },
  { route: 'POST /investigations/:id/comment',           caller: 'admin',              target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'commissioner',       target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'reviewer',           target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'conflictedReviewer', target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'analyst',            target: 'other',           expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'officer',            target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'officer',            target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'officer',            target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'supervisor',         target: 'own',             expect: 200 },
  { route: 'POST /investigations/:id/comment',           caller: 'supervisor',         target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'supervisor',         target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'apiKey',             target: 'own',             expect: 403 },
  { route: 'POST /investigations/:id/comment',           caller: 'apiKey',             target: 'unannounced',     expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'apiKey',             target: 'other',           expect: 404 },
  { route: 'POST /investigations/:id/comment',           caller: 'decisionMaker',      target: 'own',             expect: 200 },
  { route: 'POST /investigations/:id/comment',           caller: 'decisionMaker',      target: 'other',           expect: 404 },
  // Complaints (SPEC §2, §13): the office records (commissioner, reviewers) and reads them (the analyst without the
  // complainant), the commissioner triages; every agency role, API key and the admin gets 404 and empty lists.
  { route: 'GET /complaints',                            caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'GET /complaints',                            caller: 'admin',              target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'commissioner',       target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'reviewer',           target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'analyst',            target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'officer',            target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'supervisor',         target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'decisionMaker',      target: 'none',            expect: 200 },
  { route: 'GET /complaints',                            caller: 'apiKey',             target: 'none',            expect: 200 },
  { route: 'POST /complaints',                           caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'POST /complaints',                           caller: 'admin',              target: 'none',            expect: 403 },
  { route: 'POST /complaints',                           caller: 'commissioner',       target: 'none',            expect: 201 },
  { route: 'POST /complaints',                           caller: 'reviewer',           target: 'none',            expect: 201 },
  { route: 'POST /complaints',                           caller: 'conflictedReviewer', target: 'none',            expect: 201 },
  { route: 'POST /complaints',                           caller: 'analyst',            target: 'none',            expect: 403 },
  { route: 'POST /complaints',                           caller: 'officer',            target: 'none',            expect: 403 },
  { route: 'POST /complaints',                           caller: 'supervisor',         target: 'none',            expect: 403 },
  { route: 'POST /complaints',                           caller: 'decisionMaker',      target: 'none',            expect: 403 },
  { route: 'POST /complaints',                           caller: 'apiKey',             target: 'none',            expect: 403 },
  { route: 'GET /complaints/:id',                        caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'GET /complaints/:id',                        caller: 'admin',              target: 'none',            expect: 404 },
  { route: 'GET /complaints/:id',                        caller: 'commissioner',       target: 'none',            expect: 200 },
  { route: 'GET /complaints/:id',                        caller: 'reviewer',           target: 'none',            expect: 200 },
  { route: 'GET /complaints/:id',                        caller: 'conflictedReviewer', target: 'none',            expect: 200 },
  { route: 'GET /complaints/:id',                        caller: 'analyst',            target: 'none',            expect: 200 },
  { route: 'GET /complaints/:id',                        caller: 'officer',            target: 'none',            expect: 404 },
  { route: 'GET /complaints/:id',                        caller: 'supervisor',         target: 'none',            expect: 404 },
  { route: 'GET /complaints/:id',                        caller: 'decisionMaker',      target: 'none',            expect: 404 },
  { route: 'GET /complaints/:id',                        caller: 'apiKey',             target: 'none',            expect: 404 },
  { route: 'POST /complaints/:id/triage',                caller: 'anonymous',          target: 'none',            expect: 401 },
  { route: 'POST /complaints/:id/triage',                caller: 'admin',              target: 'none',            expect: 404 },
  { route: 'POST /complaints/:id/triage',                caller: 'commissioner',       target: 'none',            expect: 200 },
  { route: 'POST /complaints/:id/triage',                caller: 'reviewer',           target: 'none',            expect: 403 },
  { route: 'POST /complaints/:id/triage',                caller: 'conflictedReviewer', target: 'none',            expect: 403 },
  { route: 'POST /complaints/:id/triage',                caller: 'analyst',            target: 'none',            expect: 403 },
  { route: 'POST /complaints/:id/triage',                caller: 'officer',            target: 'none',            expect: 404 },
  { route: 'POST /complaints/:id/triage',                caller: 'supervisor',         target: 'none',            expect: 404 },
  { route: 'POST /complaints/:id/triage',                caller: 'decisionMaker',      target: 'none',            expect: 404 },
  { route: 'POST /complaints/:id/triage',                caller: 'apiKey',             target: 'none',            expect: 404 },
];

const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'commissioner',
  'reviewer',
  'conflictedReviewer',
  'analyst',
  'officer',
  'supervisor',
  'decisionMaker',
  'apiKey',
];
/** Callers acting for a frontline agency or the competent authority: they never learn who reviewed a decision. */
const AGENCY_ROLES: Caller[] = ['officer', 'supervisor', 'apiKey', 'decisionMaker'];
const COMMISSIONER_STAFF: Caller[] = ['commissioner', 'reviewer', 'conflictedReviewer', 'analyst'];
/** Routes outside the API's permission model (health.e2e-spec.ts covers them). */
const OUTSIDE_MATRIX = ['GET /health/live', 'GET /health/ready'];
/** POST routes that take no request body by design (health.e2e-spec.ts holds the same list); sent without one. */
const BODILESS = [
  'POST /audit/checkpoints',
  'POST /auth/logout',
  'POST /auth/refresh',
  'POST /jobs/overdue-scan',
  'POST /ops/queue-dashboard/session',
  'POST /users/:id/disable',
  'POST /users/:id/enable',
];
const API_PREFIX = '/api/v1';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SECRETS = /passwordHash|password_hash|secretHash|secret_hash|\$argon2/;
/** Keys that only case data has: the admin never gets any (separation of duties, SPEC §1). */
const CASE_KEYS = ['externalRef', 'pseudonym'];
/** Pending reviews drawn per frontline agency for the rows; a row that changes one takes its own. */
const POOL_SIZE = 12;

/**
 * What the file prepares once: a sampling run that drew a review of every
 * decision declined in beforeAll (a pool of pending reviews per agency), and
 * the records rows share, each made on first use.
 */
interface Fixtures {
  /** The run that drew the pool. */
  runId: string;
  /** A completed run that drew nothing: auto-assign over it leaves every fixture as it is. */
  emptyRunId: string;
  /** A reviewer no row calls as: shared assigned and concluded reviews are theirs. */
  bystander: Session;
  /** Pending reviews not handed out yet, per agency id, with their case (declined, at version 1). */
  pool: Map<string, { id: string; caseId: string; caseVersion: number }[]>;
  /** Records rows share because they leave them as they are, by what they are. */
  shared: Map<string, Promise<string>>;
}

interface RowContext {
  t: TestApp;
  w: World;
  fx: Fixtures;
  caller: Caller;
  target: Target;
  /** The row changes the record it names (a 2xx on a POST): it gets a record of its own, not a shared one. */
  fresh: boolean;
  /** The row's target agency; throws for rows whose target is `none`. */
  agency: () => Agency;
  /**
   * What a path builder made for the body builder (e.g. the case and its version), and, for a list, the records it
   * made sure exist, by target as an agency role of the own frontline agency sees them (see LISTED).
   */
  made: {
    case?: OpenedCase;
    place?: string;
    visit?: { id: string; version: number };
    investigation?: { id: string; version: number };
    listed?: Partial<Record<Target, string>>;
    token?: string;
  };
}
type Scene = Pick<RowContext, 't' | 'w' | 'fx' | 'fresh'>;

let seq = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++seq}`;
const ROLE_FOR_KIND = {
  frontline: 'agency_officer',
  competent_authority: 'decision_maker',
  commissioner_office: 'analyst',
};
const USERS = [
  'officer',
  'supervisor',
  'commissioner',
  'reviewer',
  'conflictedReviewer',
  'analyst',
  'decisionMaker',
] as const;

/** How to fill in the parameters of a route, given the row's target agency. */
const PATHS: Record<string, (c: RowContext) => string | Promise<string>> = {
  'GET /reports/agencies': () => '/reports/agencies?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
  'GET /reports/consistency': () => '/reports/consistency?metric=referral_rate',
  'GET /reports/annual': () => '/reports/annual',
  'GET /agencies/:id': (c) => `/agencies/${c.agency().id}`,
  'GET /users/:id': (c) => `/users/${userIn(c)}`,
  // A 2xx disables or enables a user of its own, never one of the world's.
  'POST /users/:id/disable': async (c) => `/users/${c.fresh ? await freshUser(c) : userIn(c)}/disable`,
  'POST /users/:id/enable': async (c) => `/users/${c.fresh ? await freshUser(c) : userIn(c)}/enable`,
  'POST /auth/set-password': async (c) => {
    const user = await createUser(c.t, c.w.admin, 'analyst', c.w.agencies.office.id);
    c.made.token = (await c.t.app.get(PasswordLinks).issueInProcess(user.id)).token;
    return '/auth/set-password';
  },
  'POST /agencies/:agencyId/api-keys': (c) => `/agencies/${c.agency().id}/api-keys`,
  'GET /agencies/:agencyId/api-keys': (c) => `/agencies/${c.agency().id}/api-keys`,
  'DELETE /agencies/:agencyId/api-keys/:keyId': async (c) => `/agencies/${c.agency().id}/api-keys/${await keyOf(c)}`,
  'GET /cases/:id': async (c) => `/cases/${(await caseOf(c)).id}?include=pii`,
  'GET /cases/:id/verification': async (c) => `/cases/${(await caseOf(c)).id}/verification`,
  'GET /cases/:id/decisions': async (c) => `/cases/${(await caseOf(c)).id}/decisions`,
  'POST /cases/:id/decisions': async (c) => `/cases/${(await caseOf(c)).id}/decisions`,
  'GET /decision-records': async (c) => {
    const { own, other } = c.w.agencies;
    c.made.listed = {
      own: await recordOf(c, own, 'own'),
      other: await recordOf(c, other, 'other'),
      referred: await recordOf(c, other, 'referred'),
    };
    // Newest first: the three just made lead the list.
    return '/decision-records?limit=200';
  },
  'GET /decision-records/:id': async (c) => `/decision-records/${await recordOf(c, c.agency(), c.target)}`,
  'GET /alerts': async (c) => {
    const { own, other } = c.w.agencies;
    c.made.listed = {
      own: await overdueAlert(c, own),
      other: await overdueAlert(c, other),
      commissionerOnly: await removalAlert(c),
    };
    return '/alerts?limit=200';
  },
  'GET /alerts/:id': async (c) =>
    `/alerts/${c.target === 'commissionerOnly' ? await removalAlert(c) : await overdueAlert(c, c.agency())}`,
  'POST /alerts/:id/acknowledge': async (c) =>
    `/alerts/${c.target === 'commissionerOnly' ? await removalAlert(c) : await overdueAlert(c, c.agency())}/acknowledge`,
  'GET /sampling-runs/:id': (c) => `/sampling-runs/${c.fx.runId}`,
  'GET /sampling-runs/:id/verification': (c) => `/sampling-runs/${c.fx.runId}/verification`,
  'GET /places': async (c) => {
    c.made.listed = { own: await placeOf(c, c.w.agencies.own), other: await placeOf(c, c.w.agencies.other) };
    return '/places?limit=200';
  },
  'GET /places/:id': async (c) => `/places/${await placeOf(c, c.agency())}`,
  'PATCH /places/:id': async (c) => `/places/${await placeOf(c, c.agency())}`,
  'POST /visit-plans': async (c) => {
    await placeOf(c, c.w.agencies.own);
    return '/visit-plans';
  },
  'POST /visits': async (c) => {
    c.made.place = await placeOf(c, c.agency());
    return '/visits';
  },
  'GET /visit-plans': async (c) => {
    c.made.listed = { none: await planOf(c) };
    return '/visit-plans?limit=200';
  },
  'GET /visit-plans/:id': async (c) => `/visit-plans/${await planOf(c)}`,
  'GET /visits': async (c) => {
    const { own, other } = c.w.agencies;
    c.made.listed = {
      own: await visitOf(c, own, 'in_progress', []),
      other: await visitOf(c, other, 'in_progress', []),
      unannounced: await visitOf(c, own, 'planned', []),
    };
    return '/visits?limit=200';
  },
  'GET /visits/:id': async (c) => `/visits/${await visitFor(c, 'in_progress')}`,
  'GET /visits/:id/roll': async (c) => `/visits/${await visitFor(c, 'in_progress')}/roll`,
  'POST /visits/:id/team': async (c) => `/visits/${await visitFor(c, 'planned')}/team`,
  'POST /visits/:id/start': async (c) => `/visits/${await visitFor(c, 'planned')}/start`,
  'POST /visits/:id/findings': async (c) => `/visits/${await visitFor(c, 'in_progress')}/findings`,
  'POST /visits/:id/report': async (c) => `/visits/${await visitFor(c, 'in_progress')}/report`,
  'POST /visits/:id/cancel': async (c) => `/visits/${await visitFor(c, 'planned')}/cancel`,
  'GET /complaints': async (c) => {
    c.made.listed = { none: await complaintOf(c) };
    return '/complaints?limit=200';
  },
  'GET /complaints/:id': async (c) => `/complaints/${await complaintOf(c)}?include=pii`,
  'POST /complaints/:id/triage': async (c) => `/complaints/${await complaintOf(c)}/triage`,
  'GET /investigations': async (c) => {
    const agency = addressedAgency(c);
    c.made.listed = {
      own: await investigationOf(c, agency, 'drafted', []),
      other: await investigationOf(c, c.w.agencies.other, 'drafted', []),
      unannounced: await investigationOf(c, agency, 'open', []),
    };
    return '/investigations?limit=200';
  },
  'GET /investigations/:id': async (c) => `/investigations/${await investigationFor(c, 'drafted')}`,
  'POST /investigations/:id/investigators': async (c) =>
    `/investigations/${await investigationFor(c, 'open')}/investigators`,
  'POST /investigations/:id/evidence': async (c) => {
    const id = await investigationFor(c, 'open');
    if (c.fresh) c.made.case = await openCase(c.t, officerOf(c.w, c.agency()));
    return `/investigations/${id}/evidence`;
  },
  'POST /investigations/:id/draft': async (c) => `/investigations/${await investigationFor(c, 'open')}/draft`,
  'POST /investigations/:id/comment': async (c) => `/investigations/${await investigationFor(c, 'drafted')}/comment`,
  'POST /investigations/:id/publish': async (c) => `/investigations/${await investigationFor(c, 'drafted')}/publish`,
  'POST /investigations/:id/close_without_findings': async (c) =>
    `/investigations/${await investigationFor(c, 'open')}/close_without_findings`,
  'GET /reviews': async (c) => {
    const { own, other } = c.w.agencies;
    const bystander = c.fx.bystander.id;
    c.made.listed = {
      own: await review(c, { agencyId: own.id, state: 'pending' }),
      ownConcluded: await review(c, { agencyId: own.id, state: 'concluded', reviewerId: bystander }),
      other: await review(c, { agencyId: other.id, state: 'pending' }),
      otherConcluded: await review(c, { agencyId: other.id, state: 'concluded', reviewerId: bystander }),
    };
    return '/reviews?limit=200';
  },
  'GET /reviews/:id': async (c) => `/reviews/${await reviewOf(c, 'pending')}`,
  'POST /reviews/:id/assign': async (c) => `/reviews/${await reviewOf(c, 'pending')}/assign`,
  'POST /reviews/:id/conclude': async (c) => `/reviews/${await reviewOf(c, 'assigned')}/conclude`,
  'POST /reviews/:id/respond': async (c) => `/reviews/${await reviewOf(c, 'pending')}/respond`,
  'POST /reviews/:id/withdraw': async (c) => `/reviews/${await reviewOf(c, 'pending')}/withdraw`,
  'POST /reviews/:id/close': async (c) =>
    `/reviews/${await review(c, { agencyId: c.agency().id, state: 'disputed', reviewerId: c.fx.bystander.id })}/close`,
  'GET /recommendations': async (c) => {
    c.made.listed = {
      own: await recommendation(c, addressedAgency(c), 'issued'),
      other: await recommendation(c, c.w.agencies.other, 'issued'),
    };
    return '/recommendations?limit=200';
  },
  'GET /recommendations/:id': async (c) => `/recommendations/${await recommendation(c, c.agency(), 'issued')}`,
  'POST /recommendations/:id/respond': async (c) =>
    `/recommendations/${await recommendation(c, c.agency(), 'issued')}/respond`,
  'POST /recommendations/:id/progress': async (c) =>
    `/recommendations/${await recommendation(c, c.agency(), 'accepted')}/progress`,
  'POST /recommendations/:id/verify': async (c) =>
    `/recommendations/${await recommendation(c, c.agency(), 'claimed')}/verify`,
  'POST /recommendations/:id/withdraw': async (c) =>
    `/recommendations/${await recommendation(c, c.agency(), 'issued')}/withdraw`,
};

/** A valid body per route, so a refusal is about who asks, not what they send. */
/** Headers a route needs besides the caller's credentials: the console's session routes read the refresh cookie. */
const HEADERS: Record<string, (c: RowContext) => Promise<Record<string, string>>> = {
  'POST /auth/refresh': consoleSession,
  'POST /auth/logout': consoleSession,
};

/** The console's header and, for a user, the cookie of a console session of its own, started for the row. */
async function consoleSession(c: RowContext): Promise<Record<string, string>> {
  const headers = { 'x-oversight-console': '1' };
  const session = c.caller === 'anonymous' ? undefined : c.w[c.caller];
  if (!session?.password) return headers;
  const res = await c.t
    .http()
    .post(`${API_PREFIX}/auth/session`)
    .send({ email: session.email, password: session.password });
  const cookie = ([res.headers['set-cookie']].flat()[0] as string | undefined)?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`console session of the ${c.caller}: ${res.status} ${res.text}`);
  return { ...headers, cookie };
}

const BODIES: Record<string, (c: RowContext) => object> = {
  'POST /auth/login': () => ({ email: ADMIN.email, password: ADMIN.password }),
  'POST /auth/session': () => ({ email: ADMIN.email, password: ADMIN.password }),
  'POST /agencies': () => {
    const code = unique('MX');
    return { name: `Matrix agency ${code}`, code, kind: 'frontline', alertEmail: `${code.toLowerCase()}@agency.test` };
  },
  'POST /auth/set-password': (c) => ({ token: c.made.token, password: 'matrix-new-passphrase' }),
  'POST /auth/password-reset': () => ({ email: `${unique('nobody')}@oversight.test` }),
  'POST /users': (c) => ({
    email: `${unique('matrix')}@oversight.test`,
    role: ROLE_FOR_KIND[c.agency().kind],
    agencyId: c.agency().id,
  }),
  'POST /agencies/:agencyId/api-keys': () => ({ name: 'matrix key' }),
  'POST /cases': () => caseBody(),
  'POST /cases/:id/decisions': (c) => ({
    type: 'detain',
    expectedVersion: c.made.case?.version,
    at: new Date(Date.now() - 3_600_000).toISOString(),
    facility: 'Holding centre N',
    legalBasis: 'Aliens Act s. 62',
  }),
  // A week long past: nothing to draw, should the run ever be executed.
  'POST /sampling-runs': () => ({ from: '2020-01-06T00:00:00.000Z', to: '2020-01-13T00:00:00.000Z', rate: 1 }),
  'POST /reviews/auto-assign': (c) => ({ runId: c.fx.emptyRunId }),
  'POST /reviews/:id/assign': (c) => ({ reviewerId: c.w.reviewer.id }),
  'POST /reviews/:id/conclude': () => CONCERN,
  'POST /reviews/:id/respond': () => ({
    response: 'accept',
    responseText: 'We accept the finding and will interview again.',
  }),
  'POST /alerts/:id/acknowledge': () => ({ note: 'Seen; the facility has been called.' }),
  'POST /reviews/:id/withdraw': () => ({ reason: 'Drawn from a decision entered twice by mistake' }),
  'POST /reviews/:id/close': () => ({ note: 'Dispute recorded; the finding stands and goes into the annual report.' }),
  'POST /places': (c) => placeBody(c.agency().id),
  'PATCH /places/:id': () => ({ name: unique('Renamed room') }),
  // A window far ahead: the plan's one visit never becomes due while the file runs.
  'POST /visit-plans': () => ({ from: '2030-01-07', to: '2030-01-11', count: 1 }),
  'POST /visits': (c) => ({ placeId: c.made.place, day: '2030-01-08' }),
  'POST /visits/:id/team': (c) => ({ expectedVersion: c.made.visit?.version, reviewerIds: [c.w.reviewer.id] }),
  'POST /visits/:id/start': (c) => ({ expectedVersion: c.made.visit?.version }),
  'POST /visits/:id/findings': (c) => ({
    expectedVersion: c.made.visit?.version,
    text: 'Cell 2 crowded',
    severity: 'info',
  }),
  'POST /visits/:id/report': (c) => ({ expectedVersion: c.made.visit?.version, summary: 'Crowding noted.' }),
  'POST /visits/:id/cancel': (c) => ({ expectedVersion: c.made.visit?.version, reason: 'Place closed' }),
  'POST /complaints': (c) => complaintBody([c.w.agencies.own.id]),
  'POST /complaints/:id/triage': () => ({ expectedVersion: 1, outcome: 'no_action', reason: 'Outside the remit.' }),
  'POST /investigations': (c) => ({
    title: 'Matrix investigation',
    origin: 'own_initiative',
    scope: { agencyIds: [c.w.agencies.other.id] },
    termsOfReference: 'Whether the other agency screens before it detains.',
  }),
  'POST /investigations/:id/investigators': (c) => ({
    expectedVersion: c.made.investigation?.version,
    reviewerIds: [c.w.reviewer.id],
  }),
  'POST /investigations/:id/evidence': (c) => ({
    expectedVersion: c.made.investigation?.version,
    kind: 'case',
    id: c.made.case?.id ?? randomUUID(),
    note: 'Detained before screening.',
  }),
  'POST /investigations/:id/draft': (c) => ({
    expectedVersion: c.made.investigation?.version,
    text: 'Draft report.',
    proposedRecommendations: [],
  }),
  'POST /investigations/:id/comment': (c) => ({
    expectedVersion: c.made.investigation?.version,
    text: 'Paragraph 2 names the wrong holding room.',
  }),
  'POST /investigations/:id/publish': (c) => ({
    expectedVersion: c.made.investigation?.version,
    text: 'Final report.',
  }),
  'POST /investigations/:id/close_without_findings': (c) => ({
    expectedVersion: c.made.investigation?.version,
    reason: 'Nothing to examine.',
  }),
  'POST /recommendations': (c) => ({
    agencyId: c.w.agencies.own.id,
    source: { kind: 'own_initiative' },
    theme: 'training',
    priority: 'normal',
    text: 'Train every border post on the national referral mechanism.',
  }),
  'POST /recommendations/:id/respond': () => ({
    expectedVersion: 1,
    response: 'rejected',
    reason: 'The training budget for this year is already spent.',
  }),
  'POST /recommendations/:id/progress': () => ({ expectedVersion: 2, status: 'in_progress', note: 'Dates fixed.' }),
  'POST /recommendations/:id/verify': () => ({ expectedVersion: 3, outcome: 'verified', note: 'Seen on a visit.' }),
  'POST /recommendations/:id/withdraw': () => ({ expectedVersion: 1, reason: 'Overtaken by the new law.' }),
};

/**
 * Which of the records a list's builder prepared (`made.listed`) each caller
 * finds in it (SPEC §2); a caller not named finds none and gets an empty list.
 */
const STAFF_ALERTS: Target[] = ['own', 'other', 'commissionerOnly'];
const STAFF_REVIEWS: Target[] = ['own', 'ownConcluded', 'other', 'otherConcluded'];
const STAFF_RECORDS: Target[] = ['own', 'other', 'referred'];
const ALL_PLACES: Target[] = ['own', 'other'];
const STAFF_VISITS: Target[] = ['own', 'other', 'unannounced'];
const STAFF_RECOMMENDATIONS: Target[] = ['own', 'other'];
const STAFF_INVESTIGATIONS: Target[] = ['own', 'other', 'unannounced'];
const STAFF_COMPLAINTS: Partial<Record<Caller, Target[]>> = {
  commissioner: ['none'],
  reviewer: ['none'],
  conflictedReviewer: ['none'],
  analyst: ['none'],
};
const LISTED: Record<string, Partial<Record<Caller, Target[]>>> = {
  // A complaint: the office's staff find it; nobody else finds any.
  'GET /complaints': STAFF_COMPLAINTS,
  // `own`: the caller's agency in scope (the own frontline agency for the office's staff), drafted; `unannounced`
  // the same, still open.
  'GET /investigations': {
    commissioner: STAFF_INVESTIGATIONS,
    reviewer: STAFF_INVESTIGATIONS,
    conflictedReviewer: STAFF_INVESTIGATIONS,
    analyst: STAFF_INVESTIGATIONS,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
    decisionMaker: ['own'],
  },
  // `own`: addressed to the caller's agency (to the own frontline agency for the office's staff).
  'GET /recommendations': {
    commissioner: STAFF_RECOMMENDATIONS,
    reviewer: STAFF_RECOMMENDATIONS,
    conflictedReviewer: STAFF_RECOMMENDATIONS,
    analyst: STAFF_RECOMMENDATIONS,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
    decisionMaker: ['own'],
  },
  'GET /visit-plans': { commissioner: ['none'], reviewer: ['none'], conflictedReviewer: ['none'], analyst: ['none'] },
  'GET /visits': {
    commissioner: STAFF_VISITS,
    reviewer: STAFF_VISITS,
    conflictedReviewer: STAFF_VISITS,
    analyst: STAFF_VISITS,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
  },
  'GET /places': {
    admin: ALL_PLACES,
    commissioner: ALL_PLACES,
    reviewer: ALL_PLACES,
    conflictedReviewer: ALL_PLACES,
    analyst: ALL_PLACES,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
  },
  'GET /alerts': {
    commissioner: STAFF_ALERTS,
    reviewer: STAFF_ALERTS,
    conflictedReviewer: STAFF_ALERTS,
    analyst: STAFF_ALERTS,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
  },
  'GET /decision-records': {
    commissioner: STAFF_RECORDS,
    reviewer: STAFF_RECORDS,
    conflictedReviewer: STAFF_RECORDS,
    analyst: STAFF_RECORDS,
    officer: ['own'],
    supervisor: ['own'],
    apiKey: ['own'],
    decisionMaker: ['referred'],
  },
  'GET /reviews': {
    commissioner: STAFF_REVIEWS,
    reviewer: STAFF_REVIEWS,
    conflictedReviewer: STAFF_REVIEWS,
    analyst: STAFF_REVIEWS,
    officer: ['ownConcluded'],
    supervisor: ['ownConcluded'],
    apiKey: ['ownConcluded'],
  },
};

/** A user of the target agency other than the caller (the caller when they are alone there). */
function userIn(c: RowContext): string {
  const agency = c.agency();
  if (agency.id === c.w.agencies.other.id) return c.w.otherOfficer.id;
  const self = c.caller === 'anonymous' ? undefined : c.w[c.caller].id;
  const peer = USERS.map((k) => c.w[k]).find((u) => u.agencyId === agency.id && u.id !== self);
  return peer?.id ?? self ?? c.w.officer.id;
}

/** A user of the target agency made for the row (a decision maker needs no further fixture). */
async function freshUser(c: RowContext): Promise<string> {
  const agency = c.agency();
  const res = await c.t
    .http()
    .post(`${API_PREFIX}/users`)
    .set('authorization', c.w.admin.auth)
    .send({ email: `${unique('fresh')}@oversight.test`, role: ROLE_FOR_KIND[agency.kind], agencyId: agency.id });
  if (res.status !== 201) throw new Error(`could not create a user: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** A fresh key of the target agency, issued by its supervisor (only frontline agencies have keys; elsewhere an unknown id). */
async function keyOf(c: RowContext): Promise<string> {
  const agency = c.agency();
  if (agency.kind !== 'frontline') return randomUUID();
  const supervisor = agency.id === c.w.agencies.other.id ? c.w.otherSupervisor : c.w.supervisor;
  const res = await c.t
    .http()
    .post(`${API_PREFIX}/agencies/${agency.id}/api-keys`)
    .set('authorization', supervisor.auth)
    .send({ name: 'to be revoked' });
  if (res.status !== 201) throw new Error(`could not issue a key: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** The officer who opens cases for a frontline agency of the world. */
function officerOf(w: World, agency: Agency): Session {
  const officer = agency.id === w.agencies.other.id ? w.otherOfficer : w.officer;
  if (agency.id !== officer.agencyId) throw new Error(`no officer opens cases for agency ${agency.code}`);
  return officer;
}

/** A fresh case of the target agency, opened by one of its officers; referred to the authority for `referred`. */
async function caseOf(c: RowContext): Promise<OpenedCase> {
  const officer = officerOf(c.w, c.agency());
  let opened = await openCase(c.t, officer);
  if (c.target === 'referred') {
    const version = await decided(c.t, officer, opened.id, {
      type: 'refer',
      expectedVersion: opened.version,
      reason: 'Indicators of deception and debt bondage',
    });
    opened = { ...opened, version, state: 'referred' };
  }
  c.made.case = opened;
  return opened;
}

/**
 * A decision record of a fresh case of `agency`: its `detain` record (a case never referred), or for `referred`
 * its `refer` record. Both are dated now, so they lead the newest-first list.
 */
async function recordOf(c: RowContext, agency: Agency, target: Target): Promise<string> {
  const officer = officerOf(c.w, agency);
  const opened = await openCase(c.t, officer, {
    detention: { at: new Date().toISOString(), facility: 'Holding centre M', legalBasis: 'Aliens Act s. 62' },
  });
  if (target === 'referred') {
    await decided(c.t, officer, opened.id, { type: 'refer', expectedVersion: opened.version, reason: 'Indicators' });
  }
  const { rows } = await c.t.sql.query<{ id: string }>(
    `SELECT id FROM decision_records WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
    [opened.id],
  );
  return rows[0].id;
}

/** The shared record under `key` (made on first use), or a new one when the row changes what it gets. */
function sharedOr(s: Scene, key: string, make: () => Promise<string>): Promise<string> {
  if (s.fresh) return make();
  let made = s.fx.shared.get(key);
  if (!made) {
    made = make();
    s.fx.shared.set(key, made);
  }
  return made;
}

/** A place of `agency`, made by the commissioner. */
function placeOf(s: Scene, agency: Agency): Promise<string> {
  return sharedOr(s, `place ${agency.id}`, async () => (await createPlace(s.t, s.w.commissioner, agency.id)).id);
}

/** A plan drawn by the commissioner (over the places rows before made), far ahead. */
function planOf(s: Scene): Promise<string> {
  return sharedOr(s, 'visit plan', async () => {
    await placeOf(s, s.w.agencies.own);
    const res = await s.t
      .http()
      .post('/api/v1/visit-plans')
      .set('authorization', s.w.commissioner.auth)
      .send({ from: '2030-01-07', to: '2030-01-11', count: 1 });
    if (res.status !== 201) throw new Error(`visit plan: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  });
}

/** A visit at a place of `agency` in `state`, its team written in SQL (so a conflicted member is possible). */
function visitOf(s: Scene, agency: Agency, state: 'planned' | 'in_progress', team: string[]): Promise<string> {
  return sharedOr(s, `visit ${agency.id} ${state} ${team.join(',')}`, async () => {
    const placeId = await placeOf(s, agency);
    const made = await s.t
      .http()
      .post('/api/v1/visits')
      .set('authorization', s.w.commissioner.auth)
      .send({ placeId, day: '2030-01-08' });
    if (made.status !== 201) throw new Error(`visit: ${made.status} ${JSON.stringify(made.body)}`);
    const id = made.body.id as string;
    await s.t.sql.query(`UPDATE visits SET team = $2::uuid[] WHERE id = $1`, [id, team]);
    if (state === 'in_progress') {
      const started = await s.t
        .http()
        .post(`/api/v1/visits/${id}/start`)
        .set('authorization', s.w.commissioner.auth)
        .send({ expectedVersion: 0 });
      if (started.status !== 200) throw new Error(`visit start: ${started.status} ${JSON.stringify(started.body)}`);
    }
    return id;
  });
}

/** The row's visit (see Target): `own` is always started; the caller is on the team of self-assigned ones. */
async function visitFor(c: RowContext, state: 'planned' | 'in_progress'): Promise<string> {
  const self = c.caller === 'anonymous' ? [] : [c.w[c.caller].id];
  const onTeam = c.target === 'assignedToSelf' || c.target === 'conflicted' ? self : [];
  const wanted = c.target === 'own' ? 'in_progress' : c.target === 'unannounced' ? 'planned' : state;
  const id = await visitOf(c, c.agency(), wanted, onTeam);
  const { rows } = await c.t.sql.query<{ version: number }>('SELECT version FROM visits WHERE id = $1', [id]);
  c.made.visit = { id, version: rows[0].version };
  return id;
}

/** A named complaint about the own frontline agency, recorded by the commissioner, not triaged. */
function complaintOf(s: Scene): Promise<string> {
  return sharedOr(s, 'complaint', async () => (await recordComplaint(s.t, s.w.commissioner, [s.w.agencies.own.id])).id);
}

/** An investigation of `agency` alone, open or drafted, its investigators written in SQL (so a conflicted one is possible). */
function investigationOf(
  s: Scene,
  agency: Agency,
  state: 'open' | 'drafted',
  investigators: string[],
): Promise<string> {
  return sharedOr(s, `investigation ${agency.id} ${state} ${investigators.join(',')}`, async () => {
    const { id } = await openInvestigation(s.t, s.w.commissioner, [agency.id]);
    await s.t.sql.query(`UPDATE investigations SET investigators = $2::uuid[] WHERE id = $1`, [id, investigators]);
    if (state === 'drafted') {
      await investigationAction(s.t, s.w.commissioner, id, 'draft', {
        expectedVersion: 1,
        text: 'Draft report.',
        proposedRecommendations: [],
      });
    }
    return id;
  });
}

/** The row's investigation (see Target): `own` is always drafted; the caller investigates self-assigned ones. */
async function investigationFor(c: RowContext, state: 'open' | 'drafted'): Promise<string> {
  const self = c.caller === 'anonymous' ? [] : [c.w[c.caller].id];
  const investigators = c.target === 'assignedToSelf' || c.target === 'conflicted' ? self : [];
  const wanted = c.target === 'own' ? 'drafted' : c.target === 'unannounced' ? 'open' : state;
  const id = await investigationOf(c, c.agency(), wanted, investigators);
  const { rows } = await c.t.sql.query<{ version: number }>('SELECT version FROM investigations WHERE id = $1', [id]);
  c.made.investigation = { id, version: rows[0].version };
  return id;
}

/** A `screening_overdue` alert of a frontline agency: its subject detained 49 h ago, unscreened, then a scan. */
function overdueAlert(s: Scene, agency: Agency): Promise<string> {
  return sharedOr(s, `alert screening_overdue ${agency.id}`, async () => {
    const opened = await openOverdueDetention(s.t, officerOf(s.w, agency));
    const scan = await scanNow(s.t, s.w.commissioner);
    const alert = scan.raised.find((a) => a.caseId === opened.id && a.rule === 'screening_overdue');
    if (!alert) throw new Error(`the scan raised no alert for case ${opened.id}: ${JSON.stringify(scan)}`);
    return alert.id;
  });
}

/**
 * A `removal_during_review` alert about the own frontline agency, for the
 * commissioner's office only: its officer closes a case as `removed` while
 * a review of it is pending (one the agency cannot see yet).
 */
function removalAlert(s: Scene): Promise<string> {
  return sharedOr(s, 'alert removal_during_review', async () => {
    const pending = takePending(s.fx, s.w.agencies.own.id);
    await decided(s.t, s.w.officer, pending.caseId, {
      type: 'close',
      expectedVersion: pending.caseVersion,
      outcome: 'removed',
      reason: 'Returned to the country of origin',
      riskAssessmentRef: 'RA-2026-0042',
    });
    const res = await s.t
      .http()
      .get(`${API_PREFIX}/alerts`)
      .query({ caseId: pending.caseId, rule: 'removal_during_review' })
      .set('authorization', s.w.commissioner.auth);
    const id = (res.body.items as { id: string }[] | undefined)?.[0]?.id;
    if (!id) throw new Error(`no removal_during_review alert for case ${pending.caseId}: ${res.status} ${res.text}`);
    return id;
  });
}

interface ReviewSpec {
  agencyId: string;
  /** `disputed`: concluded with a concern the agency's supervisor rejected. */
  state: 'pending' | 'assigned' | 'concluded' | 'disputed';
  /** Who it is assigned to (assigned and concluded reviews). */
  reviewerId?: string;
  /** Assign in SQL, past the API's conflict guard. */
  bypassConflictGuard?: boolean;
}

/** The review a row's target names; `unconcluded` is its state under `own` and `other`. */
function reviewOf(c: RowContext, unconcluded: 'pending' | 'assigned'): Promise<string> {
  const agencyId = c.agency().id;
  const self = c.caller === 'anonymous' ? undefined : c.w[c.caller].id;
  const bystander = c.fx.bystander.id;
  switch (c.target) {
    case 'ownConcluded':
    case 'otherConcluded':
      return review(c, { agencyId, state: 'concluded', reviewerId: bystander });
    case 'assignedToSelf':
      return review(c, { agencyId, state: 'assigned', reviewerId: self });
    case 'conflicted':
      return review(c, { agencyId, state: 'assigned', reviewerId: self, bypassConflictGuard: true });
    default:
      return review(
        c,
        unconcluded === 'pending'
          ? { agencyId, state: 'pending' }
          : { agencyId, state: 'assigned', reviewerId: bystander },
      );
  }
}

function review(s: Scene, spec: ReviewSpec): Promise<string> {
  return sharedOr(s, `review ${JSON.stringify(spec)}`, async () => {
    const { id } = takePending(s.fx, spec.agencyId);
    if (spec.state === 'pending') return id;
    if (!spec.reviewerId) throw new Error(`an ${spec.state} review needs a reviewer: ${JSON.stringify(spec)}`);
    if (spec.bypassConflictGuard) {
      const res = await s.t.sql.query(
        `UPDATE reviews SET status = 'assigned', assigned_reviewer_id = $2, assigned_at = now(), version = version + 1,
                            updated_at = now()
          WHERE id = $1 AND status = 'pending'`,
        [id, spec.reviewerId],
      );
      if (res.rowCount !== 1) throw new Error(`could not assign review ${id} in SQL`);
    } else {
      await reviewCommand(s.t, s.w.commissioner, id, 'assign', { reviewerId: spec.reviewerId });
    }
    if (spec.state === 'concluded' || spec.state === 'disputed') {
      await reviewCommand(s.t, s.w.commissioner, id, 'conclude', CONCERN);
    }
    if (spec.state === 'disputed') {
      const supervisor = spec.agencyId === s.w.agencies.other.id ? s.w.otherSupervisor : s.w.supervisor;
      await reviewCommand(s.t, supervisor, id, 'respond', {
        response: 'reject',
        text: 'The interview weighed every indicator; we stand by the decision.',
      });
    }
    return id;
  });
}

/** The agency a list row's `own` recommendation is addressed to: the caller's, or the own frontline agency. */
function addressedAgency(c: RowContext): Agency {
  const agencyId = c.caller === 'anonymous' ? null : c.w[c.caller].agencyId;
  const own = Object.values(c.w.agencies).find((a) => a.id === agencyId && a.kind !== 'commissioner_office');
  return own ?? c.w.agencies.own;
}

/**
 * A recommendation to `agency` (SPEC §12): `issued`; `accepted` by its
 * addressee (version 2); `claimed`, its implementation claimed (version 3).
 */
function recommendation(s: Scene, agency: Agency, state: 'issued' | 'accepted' | 'claimed'): Promise<string> {
  return sharedOr(s, `recommendation ${state} ${agency.id}`, async () => {
    const { id } = await issueRecommendation(s.t, s.w.commissioner, agency.id);
    if (state === 'issued') return id;
    const addressee =
      agency.kind === 'competent_authority'
        ? s.w.decisionMaker
        : agency.id === s.w.agencies.other.id
          ? s.w.otherSupervisor
          : s.w.supervisor;
    await recommendationAction(s.t, addressee, id, 'respond', {
      expectedVersion: 1,
      response: 'accepted',
      targetDate: dateIn(30),
    });
    if (state === 'accepted') return id;
    await recommendationAction(s.t, addressee, id, 'progress', {
      expectedVersion: 2,
      status: 'implemented',
      note: 'Every post trained.',
      evidence: 'Attendance lists.',
    });
    return id;
  });
}

function takePending(fx: Fixtures, agencyId: string): { id: string; caseId: string; caseVersion: number } {
  const next = fx.pool.get(agencyId)?.shift();
  if (!next) throw new Error(`no pending review left for agency ${agencyId}: raise POOL_SIZE`);
  return next;
}

/** The file's fixtures: a reviewer bystander, and a pool of pending reviews of both frontline agencies. */
async function prepareFixtures(t: TestApp, w: World): Promise<Fixtures> {
  const from = new Date(Date.now() - 60_000);
  const bystander = await createUser(t, w.admin, 'reviewer', w.agencies.office.id);
  const declined = await Promise.all(
    [w.officer, w.otherOfficer].flatMap((officer) => Array.from({ length: POOL_SIZE }, () => declinedCase(t, officer))),
  );
  const drawn = await drawSample(t, w.commissioner, { from, to: new Date(Date.now() + 1_000) });
  const empty = await drawSample(t, w.commissioner, {
    from: new Date('2020-01-06T00:00:00Z'),
    to: new Date('2020-01-13T00:00:00Z'),
  });
  if (empty.reviews.length > 0) throw new Error('the empty run drew reviews');
  const pool = new Map<string, { id: string; caseId: string; caseVersion: number }[]>();
  for (const d of declined) {
    const r = drawn.reviews.find((x) => x.caseId === d.id);
    if (!r) throw new Error(`the run drew no review of case ${d.id}`);
    pool.set(d.agencyId, [...(pool.get(d.agencyId) ?? []), { id: r.id, caseId: d.id, caseVersion: d.version }]);
  }
  return { runId: drawn.runId, emptyRunId: empty.runId, bystander, pool, shared: new Map() };
}

/** The agency a row's target names (see Target). */
function targetAgency(w: World, session: Session | undefined, row: Row): Agency {
  switch (row.target) {
    case 'other':
    case 'referred':
    case 'otherConcluded':
    case 'assignedToSelf':
      return w.agencies.other;
    case 'conflicted':
      // The agency the conflicted reviewer has a conflict with (world.ts).
      if (row.caller !== 'conflictedReviewer') break;
      return w.agencies.own;
    case 'commissionerOnly':
    case 'unannounced':
      return w.agencies.own;
    case 'own':
    case 'ownConcluded': {
      const own = Object.values(w.agencies).find((a) => a.id === session?.agencyId);
      if (own) return own;
      break;
    }
    case 'none':
      break;
  }
  throw new Error(`the row needs a target agency the ${row.caller} has: ${describeRow(row)}`);
}

/** Every key of every object in a JSON body, however deep. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysIn(v)]);
  }
  return [];
}

/**
 * A 2xx answer holds nothing the caller may not read (SPEC §1, §2, §5): no
 * PII to analysts, no case data to the admin, no sampling seed but to the
 * commissioner, no reviewer to agency roles. Where the record would carry the
 * field, the callers who may read it must see it, so the checks cannot pass
 * for want of data. Lists hold exactly what the caller may read (LISTED).
 */
function expectOnlyReadable(row: Row, c: RowContext, res: Response): void {
  const keys = keysIn(res.body);
  const pii = [...Object.values(SEEDED_PII), ...Object.values(COMPLAINANT_PII)];
  if (row.caller === 'analyst') expect(pii.filter((value) => res.text.includes(value))).toEqual([]);
  if (row.caller === 'commissioner' && row.route === 'GET /complaints/:id') {
    expect(res.text).toContain(COMPLAINANT_PII.name);
  }
  if (row.caller === 'commissioner' && row.route === 'GET /cases/:id') expect(res.text).toContain(SEEDED_PII.name);
  if (row.caller === 'admin') expect(keys.filter((k) => CASE_KEYS.includes(k))).toEqual([]);
  if (row.caller !== 'commissioner') expect(keys).not.toContain('seed');
  if (row.caller === 'commissioner' && /^(GET|POST) \/sampling-runs(\/:id)?$/.test(row.route)) {
    expect(keys).toContain('seed');
  }
  if (row.caller === 'commissioner' && row.route.startsWith('GET /visit-plans/')) expect(keys).toContain('seed');
  // Agencies never learn who visits them (SPEC §11).
  if (AGENCY_ROLES.includes(row.caller)) expect(keys).not.toContain('team');
  if (COMMISSIONER_STAFF.includes(row.caller) && row.route === 'GET /visits/:id') expect(keys).toContain('team');
  if (AGENCY_ROLES.includes(row.caller)) expect(keys).not.toContain('assignedReviewerId');
  // Nor whether a review was drawn or made from a complaint (SPEC §13).
  if (AGENCY_ROLES.includes(row.caller)) expect(keys).not.toContain('runId');
  if (
    COMMISSIONER_STAFF.includes(row.caller) &&
    /^(GET|POST) \/reviews(\/:id)?(\/(assign|conclude|withdraw|close))?$/.test(row.route)
  ) {
    expect(keys).toContain('assignedReviewerId');
  }
  // Agencies never learn how the office investigates them (SPEC §13).
  if (AGENCY_ROLES.includes(row.caller) && row.route.includes(' /investigations')) {
    for (const sealed of ['evidence', 'investigators', 'termsOfReference', 'scope', 'origin', 'complaintId']) {
      expect(keys).not.toContain(sealed);
    }
  }
  if (COMMISSIONER_STAFF.includes(row.caller) && row.route === 'GET /investigations/:id') {
    expect(keys).toEqual(expect.arrayContaining(['evidence', 'investigators', 'scope', 'origin']));
  }
  if (c.made.listed) expectListed(row, c, res.body.items);
}

function expectListed(
  row: Row,
  c: RowContext,
  items: { id: string; agencyId?: string; caseAgencyId?: string; concludedAt?: string }[],
): void {
  const listed = c.made.listed ?? {};
  const visible = LISTED[row.route]?.[row.caller] ?? [];
  const found = (Object.keys(listed) as Target[]).filter((k) => items.some((i) => i.id === listed[k]));
  expect(found.sort()).toEqual([...visible].sort());
  if (visible.length === 0) expect(items).toEqual([]);
  // Decision makers read the referred cases of every frontline agency, so their records are not their agency's.
  // Investigations name no agency to an agency reader (their scope is the office's): LISTED alone says what it finds.
  if (
    AGENCY_ROLES.includes(row.caller) &&
    !(row.caller === 'decisionMaker' && row.route === 'GET /decision-records') &&
    row.route !== 'GET /investigations'
  ) {
    const agencyId = c.w[row.caller as 'officer'].agencyId;
    // A decision record belongs to its case's agency (its actor may be of another: the authority, the office).
    expect(items.filter((i) => (i.caseAgencyId ?? i.agencyId) !== agencyId).map((i) => i.id)).toEqual([]);
    if (row.route === 'GET /reviews') expect(items.filter((i) => !i.concludedAt).map((i) => i.id)).toEqual([]);
  }
}

function routeOf(method: string, openApiPath: string): string {
  const path = openApiPath.startsWith(`${API_PREFIX}/`) ? openApiPath.slice(API_PREFIX.length) : openApiPath;
  return `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
}

function describeRow(r: Row): string {
  return `${r.route} as ${r.caller}${r.target === 'none' ? '' : ` (target: ${r.target})`} → ${r.expect}`;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let fx: Fixtures;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
    fx = await prepareFixtures(t, w);
  }, 60_000);
  afterAll(async () => t.close(), 60_000);

  it('has a row for every route of the application and every caller, and no row for a route that is gone', async () => {
    const res = await t.http().get('/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const routes = Object.entries(paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => HTTP_METHODS.includes(m))
          .map((m) => routeOf(m, path)),
      )
      .filter((route) => !OUTSIDE_MATRIX.includes(route));
    expect(routes.length).toBeGreaterThan(0);

    const missing = routes.flatMap((route) =>
      CALLERS.filter((caller) => !MATRIX.some((r) => r.route === route && r.caller === caller)).map(
        (caller) => `${route} as ${caller}`,
      ),
    );
    expect(missing).toEqual([]);
    const stale = [...new Set([...MATRIX.map((r) => r.route), ...BODILESS])].filter((route) => !routes.includes(route));
    expect(stale).toEqual([]);
    const keys = MATRIX.map((r) => `${r.route} ${r.caller} ${r.target}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const withoutPath = routes.filter((route) => route.includes(':') && !PATHS[route]);
    const withoutBody = routes.filter(
      (route) => /^(POST|PUT|PATCH) /.test(route) && !BODIES[route] && !BODILESS.includes(route),
    );
    const bodilessWithBody = BODILESS.filter((route) => BODIES[route]);
    expect({ withoutPath, withoutBody, bodilessWithBody }).toEqual({
      withoutPath: [],
      withoutBody: [],
      bodilessWithBody: [],
    });
  });

  it.each(MATRIX.map((row) => [describeRow(row), row] as const))('%s', async (_name, row) => {
    const session = row.caller === 'anonymous' ? undefined : w[row.caller];
    const [method, route] = row.route.split(' ');
    const c: RowContext = {
      t,
      w,
      fx,
      caller: row.caller,
      target: row.target,
      fresh: method !== 'GET' && row.expect < 300,
      made: {},
      agency: () => targetAgency(w, session, row),
    };
    const path = PATHS[row.route] ? await PATHS[row.route](c) : route;
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](`${API_PREFIX}${path}`);
    if (session) req = req.set('authorization', session.auth);
    const headers = await HEADERS[row.route]?.(c);
    if (headers) req = req.set(headers);
    const body = BODIES[row.route]?.(c);
    const res = body === undefined ? await req : await req.send(body);

    expect({ status: res.status, body: res.body }).toMatchObject({ status: row.expect });
    // Never a password hash or key hash, in an answer or in an error.
    expect(res.text).not.toMatch(SECRETS);
    if (row.expect >= 400) expectProblem(res, row.expect);
    else expectOnlyReadable(row, c, res);
  });
});
