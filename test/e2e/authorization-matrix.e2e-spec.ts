import { randomUUID } from 'node:crypto';
import type { Agency } from '../factories/agencies.js';
import { caseBody, decided, openCase, type OpenedCase } from '../factories/cases.js';
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
 * competent authority; `none`, the route names no record.
 */
type Target = 'own' | 'other' | 'referred' | 'none';
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
  { route: 'POST /auth/login',                            caller: 'anonymous',          target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'POST /auth/login',                            caller: 'apiKey',             target: 'none',     expect: 200 },
  // Everyone signed in may ask who they are.
  { route: 'GET /me',                                     caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /me',                                     caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'GET /me',                                     caller: 'apiKey',             target: 'none',     expect: 200 },
  // Agencies, users, API keys: the admin manages; commissioner staff read all; agency roles and decision makers
  // read their own agency only (404 elsewhere); only the admin creates.
  { route: 'POST /agencies',                              caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'POST /agencies',                              caller: 'admin',              target: 'none',     expect: 201 },
  { route: 'POST /agencies',                              caller: 'commissioner',       target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'reviewer',           target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'conflictedReviewer', target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'analyst',            target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'officer',            target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'supervisor',         target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'decisionMaker',      target: 'none',     expect: 403 },
  { route: 'POST /agencies',                              caller: 'apiKey',             target: 'none',     expect: 403 },
  { route: 'GET /agencies',                               caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /agencies',                               caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'GET /agencies',                               caller: 'apiKey',             target: 'none',     expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'GET /agencies/:id',                           caller: 'admin',              target: 'other',    expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'commissioner',       target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'commissioner',       target: 'other',    expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'reviewer',           target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'reviewer',           target: 'other',    expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'conflictedReviewer', target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'conflictedReviewer', target: 'other',    expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'analyst',            target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'analyst',            target: 'other',    expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'officer',            target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'supervisor',         target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'apiKey',             target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'GET /agencies/:id',                           caller: 'decisionMaker',      target: 'own',      expect: 200 },
  { route: 'GET /agencies/:id',                           caller: 'decisionMaker',      target: 'other',    expect: 404 },
  // The new user's agency (in the body) does not matter: only the admin creates users.
  { route: 'POST /users',                                 caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'POST /users',                                 caller: 'admin',              target: 'other',    expect: 201 },
  { route: 'POST /users',                                 caller: 'commissioner',       target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'commissioner',       target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'reviewer',           target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'reviewer',           target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'conflictedReviewer', target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'conflictedReviewer', target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'analyst',            target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'analyst',            target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'officer',            target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'officer',            target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'supervisor',         target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'supervisor',         target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'apiKey',             target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'apiKey',             target: 'other',    expect: 403 },
  { route: 'POST /users',                                 caller: 'decisionMaker',      target: 'own',      expect: 403 },
  { route: 'POST /users',                                 caller: 'decisionMaker',      target: 'other',    expect: 403 },
  { route: 'GET /users',                                  caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /users',                                  caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'GET /users',                                  caller: 'apiKey',             target: 'none',     expect: 200 },
  { route: 'GET /users/:id',                              caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'GET /users/:id',                              caller: 'admin',              target: 'other',    expect: 200 },
  { route: 'GET /users/:id',                              caller: 'commissioner',       target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'commissioner',       target: 'other',    expect: 200 },
  { route: 'GET /users/:id',                              caller: 'reviewer',           target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'reviewer',           target: 'other',    expect: 200 },
  { route: 'GET /users/:id',                              caller: 'conflictedReviewer', target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'conflictedReviewer', target: 'other',    expect: 200 },
  { route: 'GET /users/:id',                              caller: 'analyst',            target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'analyst',            target: 'other',    expect: 200 },
  { route: 'GET /users/:id',                              caller: 'officer',            target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'GET /users/:id',                              caller: 'supervisor',         target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'GET /users/:id',                              caller: 'apiKey',             target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'GET /users/:id',                              caller: 'decisionMaker',      target: 'own',      expect: 200 },
  { route: 'GET /users/:id',                              caller: 'decisionMaker',      target: 'other',    expect: 404 },
  // Issuing and revoking keys: 403 where the agency is readable, 404 where it is not.
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'admin',              target: 'other',    expect: 201 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'commissioner',       target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'commissioner',       target: 'other',    expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'reviewer',           target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'reviewer',           target: 'other',    expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'conflictedReviewer', target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'conflictedReviewer', target: 'other',    expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'analyst',            target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'analyst',            target: 'other',    expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'officer',            target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'supervisor',         target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'apiKey',             target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'decisionMaker',      target: 'own',      expect: 403 },
  { route: 'POST /agencies/:agencyId/api-keys',           caller: 'decisionMaker',      target: 'other',    expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'admin',              target: 'other',    expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'commissioner',       target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'commissioner',       target: 'other',    expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'reviewer',           target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'reviewer',           target: 'other',    expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'conflictedReviewer', target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'conflictedReviewer', target: 'other',    expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'analyst',            target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'analyst',            target: 'other',    expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'officer',            target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'supervisor',         target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'apiKey',             target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'decisionMaker',      target: 'own',      expect: 200 },
  { route: 'GET /agencies/:agencyId/api-keys',            caller: 'decisionMaker',      target: 'other',    expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'admin',              target: 'other',    expect: 204 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'commissioner',       target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'commissioner',       target: 'other',    expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'reviewer',           target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'reviewer',           target: 'other',    expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'conflictedReviewer', target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'conflictedReviewer', target: 'other',    expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'analyst',            target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'analyst',            target: 'other',    expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'officer',            target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'supervisor',         target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'apiKey',             target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'decisionMaker',      target: 'own',      expect: 403 },
  { route: 'DELETE /agencies/:agencyId/api-keys/:keyId',  caller: 'decisionMaker',      target: 'other',    expect: 404 },
  // The indicator catalogue is for everyone signed in.
  { route: 'GET /indicators',                             caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /indicators',                             caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'GET /indicators',                             caller: 'apiKey',             target: 'none',     expect: 200 },
  // Cases: frontline roles open and read their own agency's; commissioner staff read all; decision makers read
  // referred ones; the admin reads none (404). Lists only ever hold readable cases, so they answer 200 to all.
  { route: 'POST /cases',                                 caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'POST /cases',                                 caller: 'admin',              target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'commissioner',       target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'reviewer',           target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'conflictedReviewer', target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'analyst',            target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'officer',            target: 'none',     expect: 201 },
  { route: 'POST /cases',                                 caller: 'supervisor',         target: 'none',     expect: 201 },
  { route: 'POST /cases',                                 caller: 'decisionMaker',      target: 'none',     expect: 403 },
  { route: 'POST /cases',                                 caller: 'apiKey',             target: 'none',     expect: 201 },
  { route: 'GET /cases',                                  caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /cases',                                  caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'reviewer',           target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'conflictedReviewer', target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'analyst',            target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'officer',            target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'supervisor',         target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'decisionMaker',      target: 'none',     expect: 200 },
  { route: 'GET /cases',                                  caller: 'apiKey',             target: 'none',     expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'GET /cases/:id',                              caller: 'admin',              target: 'other',    expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'commissioner',       target: 'other',    expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'commissioner',       target: 'referred', expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'reviewer',           target: 'other',    expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'reviewer',           target: 'referred', expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'conflictedReviewer', target: 'other',    expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'conflictedReviewer', target: 'referred', expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'analyst',            target: 'other',    expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'analyst',            target: 'referred', expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'officer',            target: 'own',      expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'supervisor',         target: 'own',      expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'apiKey',             target: 'own',      expect: 200 },
  { route: 'GET /cases/:id',                              caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'decisionMaker',      target: 'other',    expect: 404 },
  { route: 'GET /cases/:id',                              caller: 'decisionMaker',      target: 'referred', expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'GET /cases/:id/decisions',                    caller: 'admin',              target: 'other',    expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'commissioner',       target: 'other',    expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'commissioner',       target: 'referred', expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'reviewer',           target: 'other',    expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'reviewer',           target: 'referred', expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'conflictedReviewer', target: 'other',    expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'conflictedReviewer', target: 'referred', expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'analyst',            target: 'other',    expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'analyst',            target: 'referred', expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'officer',            target: 'own',      expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'supervisor',         target: 'own',      expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'apiKey',             target: 'own',      expect: 200 },
  { route: 'GET /cases/:id/decisions',                    caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'decisionMaker',      target: 'other',    expect: 404 },
  { route: 'GET /cases/:id/decisions',                    caller: 'decisionMaker',      target: 'referred', expect: 200 },
  // The decision sent is `detain`, which only frontline roles record: 403 where the case is readable.
  { route: 'POST /cases/:id/decisions',                   caller: 'anonymous',          target: 'other',    expect: 401 },
  { route: 'POST /cases/:id/decisions',                   caller: 'admin',              target: 'other',    expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'commissioner',       target: 'other',    expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'commissioner',       target: 'referred', expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'reviewer',           target: 'other',    expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'reviewer',           target: 'referred', expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'conflictedReviewer', target: 'other',    expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'conflictedReviewer', target: 'referred', expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'analyst',            target: 'other',    expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'analyst',            target: 'referred', expect: 403 },
  { route: 'POST /cases/:id/decisions',                   caller: 'officer',            target: 'own',      expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'officer',            target: 'other',    expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'supervisor',         target: 'own',      expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'supervisor',         target: 'other',    expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'apiKey',             target: 'own',      expect: 201 },
  { route: 'POST /cases/:id/decisions',                   caller: 'apiKey',             target: 'other',    expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'decisionMaker',      target: 'other',    expect: 404 },
  { route: 'POST /cases/:id/decisions',                   caller: 'decisionMaker',      target: 'referred', expect: 403 },
  // Audit: the commissioner reads events; the commissioner and the admin verify and export checkpoints.
  { route: 'GET /audit/events',                           caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /audit/events',                           caller: 'admin',              target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /audit/events',                           caller: 'reviewer',           target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'conflictedReviewer', target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'analyst',            target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'officer',            target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'supervisor',         target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'decisionMaker',      target: 'none',     expect: 403 },
  { route: 'GET /audit/events',                           caller: 'apiKey',             target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /audit/verify',                           caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /audit/verify',                           caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /audit/verify',                           caller: 'reviewer',           target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'conflictedReviewer', target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'analyst',            target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'officer',            target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'supervisor',         target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'decisionMaker',      target: 'none',     expect: 403 },
  { route: 'GET /audit/verify',                           caller: 'apiKey',             target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'anonymous',          target: 'none',     expect: 401 },
  { route: 'GET /audit/checkpoints',                      caller: 'admin',              target: 'none',     expect: 200 },
  { route: 'GET /audit/checkpoints',                      caller: 'commissioner',       target: 'none',     expect: 200 },
  { route: 'GET /audit/checkpoints',                      caller: 'reviewer',           target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'conflictedReviewer', target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'analyst',            target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'officer',            target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'supervisor',         target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'decisionMaker',      target: 'none',     expect: 403 },
  { route: 'GET /audit/checkpoints',                      caller: 'apiKey',             target: 'none',     expect: 403 },
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
/** Routes outside the API's permission model (health.e2e-spec.ts covers them). */
const OUTSIDE_MATRIX = ['GET /health/live', 'GET /health/ready'];
const API_PREFIX = '/api/v1';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SECRETS = /passwordHash|password_hash|secretHash|secret_hash|\$argon2/;

interface RowContext {
  t: TestApp;
  w: World;
  caller: Caller;
  target: Target;
  /** The row's target agency; throws for rows whose target is `none`. */
  agency: () => Agency;
  /** What a path builder made for the body builder (e.g. the case and its version). */
  made: { case?: OpenedCase };
}

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
  'GET /agencies/:id': (c) => `/agencies/${c.agency().id}`,
  'GET /users/:id': (c) => `/users/${userIn(c)}`,
  'POST /agencies/:agencyId/api-keys': (c) => `/agencies/${c.agency().id}/api-keys`,
  'GET /agencies/:agencyId/api-keys': (c) => `/agencies/${c.agency().id}/api-keys`,
  'DELETE /agencies/:agencyId/api-keys/:keyId': async (c) => `/agencies/${c.agency().id}/api-keys/${await keyOf(c)}`,
  'GET /cases/:id': async (c) => `/cases/${(await caseOf(c)).id}`,
  'GET /cases/:id/decisions': async (c) => `/cases/${(await caseOf(c)).id}/decisions`,
  'POST /cases/:id/decisions': async (c) => `/cases/${(await caseOf(c)).id}/decisions`,
};

/** A valid body per route, so a refusal is about who asks, not what they send. */
const BODIES: Record<string, (c: RowContext) => object> = {
  'POST /auth/login': () => ({ email: ADMIN.email, password: ADMIN.password }),
  'POST /agencies': () => {
    const code = unique('MX');
    return { name: `Matrix agency ${code}`, code, kind: 'frontline', alertEmail: `${code.toLowerCase()}@agency.test` };
  },
  'POST /users': (c) => ({
    email: `${unique('matrix')}@oversight.test`,
    password: 'matrix-passphrase',
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
};

/** A user of the target agency other than the caller (the caller when they are alone there). */
function userIn(c: RowContext): string {
  const agency = c.agency();
  if (agency.id === c.w.agencies.other.id) return c.w.otherOfficer.id;
  const self = c.caller === 'anonymous' ? undefined : c.w[c.caller].id;
  const peer = USERS.map((k) => c.w[k]).find((u) => u.agencyId === agency.id && u.id !== self);
  return peer?.id ?? self ?? c.w.officer.id;
}

/** A fresh key of the target agency (only frontline agencies have keys; elsewhere an unknown id). */
async function keyOf(c: RowContext): Promise<string> {
  const agency = c.agency();
  if (agency.kind !== 'frontline') return randomUUID();
  const res = await c.t
    .http()
    .post(`${API_PREFIX}/agencies/${agency.id}/api-keys`)
    .set('authorization', c.w.admin.auth)
    .send({ name: 'to be revoked' });
  if (res.status !== 201) throw new Error(`could not issue a key: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** A fresh case of the target agency, opened by one of its officers; referred to the authority for `referred`. */
async function caseOf(c: RowContext): Promise<OpenedCase> {
  const agency = c.agency();
  const officer = agency.id === c.w.agencies.other.id ? c.w.otherOfficer : c.w.officer;
  if (agency.id !== officer.agencyId) throw new Error(`no officer opens cases for agency ${agency.code}`);
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

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000' } });
    w = await createWorld(t);
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
    const stale = [...new Set(MATRIX.map((r) => r.route))].filter((route) => !routes.includes(route));
    expect(stale).toEqual([]);
    const keys = MATRIX.map((r) => `${r.route} ${r.caller} ${r.target}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const withoutPath = routes.filter((route) => route.includes(':') && !PATHS[route]);
    const withoutBody = routes.filter((route) => /^(POST|PUT|PATCH) /.test(route) && !BODIES[route]);
    expect({ withoutPath, withoutBody }).toEqual({ withoutPath: [], withoutBody: [] });
  });

  it.each(MATRIX.map((row) => [describeRow(row), row] as const))('%s', async (_name, row) => {
    const session = row.caller === 'anonymous' ? undefined : w[row.caller];
    const c: RowContext = {
      t,
      w,
      caller: row.caller,
      target: row.target,
      made: {},
      agency: () => {
        if (row.target === 'other' || row.target === 'referred') return w.agencies.other;
        const own = Object.values(w.agencies).find((a) => a.id === session?.agencyId);
        if (row.target === 'own' && own) return own;
        throw new Error(`the row needs a target agency the ${row.caller} has: ${describeRow(row)}`);
      },
    };
    const [method, route] = row.route.split(' ');
    const path = PATHS[row.route] ? await PATHS[row.route](c) : route;
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](`${API_PREFIX}${path}`);
    if (session) req = req.set('authorization', session.auth);
    const body = BODIES[row.route]?.(c);
    const res = body === undefined ? await req : await req.send(body);

    expect({ status: res.status, body: res.body }).toMatchObject({ status: row.expect });
    // Never a password hash or key hash, in an answer or in an error.
    expect(res.text).not.toMatch(SECRETS);
    if (row.expect >= 400) expectProblem(res, row.expect);
  });
});
