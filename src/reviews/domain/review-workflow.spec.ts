import type { Role } from '../../authz/domain/roles.js';
import {
  REVIEW_COMMANDS,
  REVIEW_STATUSES,
  type ReviewActor,
  type ReviewCommand,
  type ReviewCommandType,
  type ReviewSnapshot,
  type ReviewStatus,
  allowedReviewCommands,
  transitionReview,
} from './review-workflow.js';

const AGENCY = 'agency-border-police';
const CASE_AGENCY = 'agency-immigration';
const OTHER_AGENCY = 'agency-labour-inspectorate';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const CONFIG = { reviewResponseDays: 28 };
const ROLES = [
  'admin',
  'commissioner',
  'reviewer',
  'analyst',
  'agency_officer',
  'agency_supervisor',
  'decision_maker',
] as const;

const commissioner: ReviewActor = {
  id: 'u-commissioner',
  role: 'commissioner',
  agencyId: 'office',
  conflictAgencyIds: [],
};
const assignedReviewer: ReviewActor = { id: 'u-reviewer', role: 'reviewer', agencyId: 'office', conflictAgencyIds: [] };
const supervisor: ReviewActor = {
  id: 'u-supervisor',
  role: 'agency_supervisor',
  agencyId: AGENCY,
  conflictAgencyIds: [],
};

function actorWithRole(role: Role): ReviewActor {
  if (role === 'reviewer') return assignedReviewer;
  if (role === 'agency_supervisor' || role === 'agency_officer' || role === 'decision_maker') {
    return { id: `u-${role}`, role, agencyId: AGENCY, conflictAgencyIds: [] };
  }
  return { id: `u-${role}`, role, agencyId: role === 'admin' ? null : 'office', conflictAgencyIds: [] };
}

function review(status: ReviewStatus, overrides: Partial<ReviewSnapshot> = {}): ReviewSnapshot {
  const concluded = status === 'awaiting_response' || status === 'disputed' || status === 'closed';
  return {
    status,
    agencyId: AGENCY,
    caseAgencyId: CASE_AGENCY,
    assignedReviewerId: status === 'pending' ? null : assignedReviewer.id,
    finding: concluded ? 'concern' : null,
    concludedAt: concluded ? new Date('2026-11-01T00:00:00.000Z') : null,
    responseDueAt: concluded ? new Date('2026-11-29T00:00:00.000Z') : null,
    response: status === 'closed' ? 'accept' : status === 'disputed' ? 'reject' : null,
    ...overrides,
  };
}

const freeReviewer = { id: 'u-other-reviewer', role: 'reviewer' as const, conflictAgencyIds: [OTHER_AGENCY] };
const VALID: Record<ReviewCommandType, ReviewCommand> = {
  assign: { type: 'assign', reviewer: freeReviewer },
  conclude: { type: 'conclude', finding: 'disagree', rationale: 'The screening ignored three indicators.' },
  respond: { type: 'respond', response: 'accept', text: 'We will reconsider the case.' },
  withdraw: { type: 'withdraw', reason: 'Sampled twice by mistake.' },
  close: { type: 'close', note: 'Dispute noted; raised with the agency head.' },
};
const PERMITTED_ACTOR: Record<ReviewCommandType, ReviewActor> = {
  assign: commissioner,
  conclude: commissioner,
  respond: supervisor,
  withdraw: commissioner,
  close: commissioner,
};

/** The workflow as a table: the status each command leads to from each status, or null when refused (409). */
const EXPECTED: Record<ReviewStatus, Record<ReviewCommandType, ReviewStatus | null>> = {
  pending: { assign: 'assigned', conclude: null, respond: null, withdraw: 'withdrawn', close: null },
  assigned: { assign: 'assigned', conclude: 'awaiting_response', respond: null, withdraw: 'withdrawn', close: null },
  awaiting_response: { assign: null, conclude: null, respond: 'closed', withdraw: null, close: null },
  disputed: { assign: null, conclude: null, respond: null, withdraw: null, close: 'closed' },
  closed: { assign: null, conclude: null, respond: null, withdraw: null, close: null },
  withdrawn: { assign: null, conclude: null, respond: null, withdraw: null, close: null },
};

function rejectionOf(result: ReturnType<typeof transitionReview>) {
  if (result.ok) throw new Error(`expected a rejection, got status ${result.next.status}`);
  return result.rejection;
}

function nextOf(result: ReturnType<typeof transitionReview>) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.rejection)}`);
  return result.next;
}

describe('transitionReview: every status × every command', () => {
  const cases = REVIEW_STATUSES.flatMap((status) =>
    REVIEW_COMMANDS.map((command) => [status, command, EXPECTED[status][command]] as const),
  );

  it.each(cases)('from %s, %s leads to %s', (status, command, expected) => {
    const actor = PERMITTED_ACTOR[command];
    const result = transitionReview(review(status), VALID[command], actor, NOW, CONFIG);

    const expectedResult =
      expected === null
        ? {
            ok: false,
            rejection: {
              kind: 'not_allowed_from_status',
              status,
              command,
              allowed: REVIEW_COMMANDS.filter((c) => EXPECTED[status][c] !== null && PERMITTED_ACTOR[c] === actor),
            },
          }
        : { ok: true, status: expected };

    expect(result.ok ? { ok: true, status: result.next.status } : result).toEqual(expectedResult);
  });
});

describe('transitionReview: which roles may issue each command', () => {
  const STATUS_FOR: Record<ReviewCommandType, ReviewStatus> = {
    assign: 'pending',
    conclude: 'assigned',
    respond: 'awaiting_response',
    withdraw: 'assigned',
    close: 'disputed',
  };
  // A decision maker answers for a competent authority's decision; that it is one is CASL's to check (abilities.ts).
  const PERMITTED_ROLES: Record<ReviewCommandType, readonly string[]> = {
    assign: ['commissioner'],
    conclude: ['commissioner', 'reviewer'],
    respond: ['agency_supervisor', 'decision_maker'],
    withdraw: ['commissioner'],
    close: ['commissioner'],
  };
  const cases = REVIEW_COMMANDS.flatMap((command) =>
    ROLES.map((role) => [command, role, PERMITTED_ROLES[command].includes(role)] as const),
  );

  it.each(cases)('%s by %s is permitted: %s', (command, role, permitted) => {
    const result = transitionReview(review(STATUS_FOR[command]), VALID[command], actorWithRole(role), NOW, CONFIG);

    expect(result.ok ? 'ok' : result.rejection.kind).toBe(permitted ? 'ok' : 'not_permitted');
  });

  it('refuses an unknown role even when it names an Object.prototype member', () => {
    // A role from outside the type, as a corrupted row or a stale token could carry.
    const actor = { ...commissioner, role: 'constructor' as Role };

    expect(rejectionOf(transitionReview(review('pending'), VALID.assign, actor, NOW, CONFIG)).kind).toBe(
      'not_permitted',
    );
  });

  it('refuses conclude by a reviewer the review is not assigned to', () => {
    const someoneElse = { ...assignedReviewer, id: 'u-someone-else' };

    expect(rejectionOf(transitionReview(review('assigned'), VALID.conclude, someoneElse, NOW, CONFIG))).toEqual({
      kind: 'not_permitted',
      reason: 'The review is not assigned to you.',
    });
  });

  it('refuses respond by a supervisor of another agency', () => {
    const otherSupervisor = { ...supervisor, agencyId: OTHER_AGENCY };

    expect(
      rejectionOf(transitionReview(review('awaiting_response'), VALID.respond, otherSupervisor, NOW, CONFIG)).kind,
    ).toBe('not_permitted');
  });

  it('reports a role that may never issue the command before the status', () => {
    expect(rejectionOf(transitionReview(review('closed'), VALID.assign, supervisor, NOW, CONFIG)).kind).toBe(
      'not_permitted',
    );
  });
});

describe('transitionReview: conflict of interest', () => {
  it('refuses to assign a reviewer with a conflict with the reviewed agency', () => {
    const conflicted = { id: 'u-seconded', role: 'reviewer' as const, conflictAgencyIds: [AGENCY] };

    expect(
      rejectionOf(
        transitionReview(review('pending'), { type: 'assign', reviewer: conflicted }, commissioner, NOW, CONFIG),
      ),
    ).toEqual(expect.objectContaining({ kind: 'guard_failed', guard: 'reviewer_conflict', field: 'reviewerId' }));
  });

  it('assigns a reviewer whose conflicts concern other agencies only', () => {
    const next = nextOf(transitionReview(review('pending'), VALID.assign, commissioner, NOW, CONFIG));

    expect(next).toEqual({ ...review('pending'), status: 'assigned', assignedReviewerId: freeReviewer.id });
  });

  it('refuses to assign to a user who is not a reviewer', () => {
    const analyst = { id: 'u-analyst', role: 'analyst' as const, conflictAgencyIds: [] };

    expect(
      rejectionOf(
        transitionReview(review('pending'), { type: 'assign', reviewer: analyst }, commissioner, NOW, CONFIG),
      ),
    ).toEqual(expect.objectContaining({ kind: 'guard_failed', guard: 'assignee_is_reviewer' }));
  });

  it('re-assigns an assigned review to another reviewer', () => {
    const next = nextOf(transitionReview(review('assigned'), VALID.assign, commissioner, NOW, CONFIG));

    expect(next.assignedReviewerId).toBe(freeReviewer.id);
  });

  it('refuses conclude by the assigned reviewer once they have a conflict with the agency', () => {
    const conflicted = { ...assignedReviewer, conflictAgencyIds: [AGENCY] };
    const rejection = rejectionOf(transitionReview(review('assigned'), VALID.conclude, conflicted, NOW, CONFIG));

    expect(rejection.kind).toBe('not_permitted');
    expect(allowedReviewCommands(review('assigned'), conflicted)).toEqual([]);
  });

  it('refuses conclude by the assigned reviewer with a conflict with the agency that owns the case', () => {
    const conflicted = { ...assignedReviewer, conflictAgencyIds: [CASE_AGENCY] };

    expect(rejectionOf(transitionReview(review('assigned'), VALID.conclude, conflicted, NOW, CONFIG))).toEqual({
      kind: 'not_permitted',
      reason: 'You have a conflict of interest with the agency whose case it is.',
    });
  });

  it('refuses to assign a reviewer with a conflict with the agency that owns the case', () => {
    const conflicted = { id: 'u-seconded', role: 'reviewer' as const, conflictAgencyIds: [CASE_AGENCY] };

    expect(
      rejectionOf(
        transitionReview(review('pending'), { type: 'assign', reviewer: conflicted }, commissioner, NOW, CONFIG),
      ),
    ).toEqual(expect.objectContaining({ kind: 'guard_failed', guard: 'reviewer_conflict' }));
  });

  it('lets the assigned reviewer without conflict conclude', () => {
    expect(transitionReview(review('assigned'), VALID.conclude, assignedReviewer, NOW, CONFIG).ok).toBe(true);
  });
});

describe('transitionReview: payload guards', () => {
  const textCases = [
    [
      'conclude',
      'rationale',
      20,
      (text: string): ReviewCommand => ({ type: 'conclude', finding: 'concur', rationale: text }),
    ],
    ['respond', 'responseText', 10, (text: string): ReviewCommand => ({ type: 'respond', response: 'reject', text })],
    ['withdraw', 'reason', 10, (text: string): ReviewCommand => ({ type: 'withdraw', reason: text })],
    ['close', 'note', 20, (text: string): ReviewCommand => ({ type: 'close', note: text })],
  ] as const;
  const STATUS_FOR = {
    conclude: 'assigned',
    respond: 'awaiting_response',
    withdraw: 'pending',
    close: 'disputed',
  } as const;

  it.each(textCases)('%s accepts a %s of exactly %i characters', (command, _field, min, build) => {
    const result = transitionReview(
      review(STATUS_FOR[command]),
      build('x'.repeat(min)),
      PERMITTED_ACTOR[command],
      NOW,
      CONFIG,
    );

    expect(result.ok).toBe(true);
  });

  it.each(textCases)('%s refuses a %s one character short of %i', (command, field, min, build) => {
    const result = transitionReview(
      review(STATUS_FOR[command]),
      build('x'.repeat(min - 1)),
      PERMITTED_ACTOR[command],
      NOW,
      CONFIG,
    );

    expect(rejectionOf(result)).toEqual(
      expect.objectContaining({ kind: 'guard_failed', guard: `${field}_min_length`, field }),
    );
  });

  it.each(textCases)('%s does not count surrounding spaces in the %s', (command, field, min, build) => {
    const padded = `   ${'x'.repeat(min - 1)}   `;
    const result = transitionReview(review(STATUS_FOR[command]), build(padded), PERMITTED_ACTOR[command], NOW, CONFIG);

    expect(rejectionOf(result)).toEqual(expect.objectContaining({ kind: 'guard_failed', field }));
  });

  it.each(textCases)('%s reports a blank %s as missing', (command, field, _min, build) => {
    const result = transitionReview(review(STATUS_FOR[command]), build('  '), PERMITTED_ACTOR[command], NOW, CONFIG);

    expect(rejectionOf(result)).toEqual(expect.objectContaining({ kind: 'missing_field', field }));
  });

  it('counts characters, not UTF-16 units', () => {
    const rationale = '🙂'.repeat(19);
    const result = transitionReview(
      review('assigned'),
      { type: 'conclude', finding: 'concur', rationale },
      commissioner,
      NOW,
      CONFIG,
    );

    expect(rejectionOf(result)).toEqual(expect.objectContaining({ guard: 'rationale_min_length' }));
  });

  it('reports a missing finding, response and reviewer as missing fields', () => {
    const noFinding = { type: 'conclude', rationale: 'x'.repeat(30) } as unknown as ReviewCommand;
    const noResponse = { type: 'respond', text: 'x'.repeat(30) } as unknown as ReviewCommand;
    const noReviewer = { type: 'assign' } as unknown as ReviewCommand;

    expect(rejectionOf(transitionReview(review('assigned'), noFinding, commissioner, NOW, CONFIG))).toEqual(
      expect.objectContaining({ kind: 'missing_field', field: 'finding' }),
    );
    expect(rejectionOf(transitionReview(review('awaiting_response'), noResponse, supervisor, NOW, CONFIG))).toEqual(
      expect.objectContaining({ kind: 'missing_field', field: 'response' }),
    );
    expect(rejectionOf(transitionReview(review('pending'), noReviewer, commissioner, NOW, CONFIG))).toEqual(
      expect.objectContaining({ kind: 'missing_field', field: 'reviewerId' }),
    );
  });

  it('refuses an unknown finding', () => {
    const command = { type: 'conclude', finding: 'shrug', rationale: 'x'.repeat(30) } as unknown as ReviewCommand;

    expect(rejectionOf(transitionReview(review('assigned'), command, commissioner, NOW, CONFIG))).toEqual(
      expect.objectContaining({ kind: 'guard_failed', field: 'finding' }),
    );
  });
});

describe('transitionReview: concluding and responding', () => {
  it('closes a concur finding at once, with no response due', () => {
    const command: ReviewCommand = { type: 'conclude', finding: 'concur', rationale: 'The referral was well founded.' };
    const next = nextOf(transitionReview(review('assigned'), command, assignedReviewer, NOW, CONFIG));

    expect(next).toEqual({
      ...review('assigned'),
      status: 'closed',
      finding: 'concur',
      concludedAt: NOW,
      responseDueAt: null,
    });
  });

  it.each(['concern', 'disagree'] as const)(
    'awaits the agency response to a %s finding, due after the configured days',
    (finding) => {
      const command: ReviewCommand = {
        type: 'conclude',
        finding,
        rationale: 'The screening ignored three indicators.',
      };
      const next = nextOf(transitionReview(review('assigned'), command, commissioner, NOW, { reviewResponseDays: 28 }));

      expect(next.status).toBe('awaiting_response');
      expect(next.finding).toBe(finding);
      expect(next.concludedAt).toEqual(NOW);
      expect(next.responseDueAt).toEqual(new Date('2026-12-18T10:00:00.000Z'));
    },
  );

  it('computes the response due date from the configured number of days', () => {
    const next = nextOf(
      transitionReview(review('assigned'), VALID.conclude, commissioner, NOW, { reviewResponseDays: 3 }),
    );

    expect(next.responseDueAt).toEqual(new Date('2026-11-23T10:00:00.000Z'));
  });

  it.each([
    ['accept', 'closed'],
    ['reject', 'disputed'],
  ] as const)('answers %s: the review becomes %s', (response, status) => {
    const command: ReviewCommand = { type: 'respond', response, text: 'Our answer to the finding.' };
    const before = review('awaiting_response', { response: null });
    const next = nextOf(transitionReview(before, command, supervisor, NOW, CONFIG));

    expect(next).toEqual({ ...before, status, response });
  });

  it('lets a decision maker of the deciding agency respond', () => {
    const decisionMaker = actorWithRole('decision_maker');

    expect(
      nextOf(transitionReview(review('awaiting_response'), VALID.respond, decisionMaker, NOW, CONFIG)).status,
    ).toBe('closed');
  });

  it('refuses respond by the supervisor of the agency that owns the case when another agency decided', () => {
    const caseSupervisor = { ...supervisor, agencyId: CASE_AGENCY };

    expect(
      rejectionOf(transitionReview(review('awaiting_response'), VALID.respond, caseSupervisor, NOW, CONFIG)),
    ).toEqual({
      kind: 'not_permitted',
      reason: 'The review concerns another agency.',
    });
  });

  it('closes a dispute with the note, keeping the finding and the rejection on record', () => {
    const before = review('disputed');
    const next = nextOf(transitionReview(before, VALID.close, commissioner, NOW, CONFIG));

    expect(next).toEqual({ ...before, status: 'closed', finding: 'concern', response: 'reject' });
  });

  it('accepts a response after the due date', () => {
    const late = review('awaiting_response', { responseDueAt: new Date('2026-01-01T00:00:00.000Z') });

    expect(transitionReview(late, VALID.respond, supervisor, NOW, CONFIG).ok).toBe(true);
  });

  it('does not mutate the snapshot it is given', () => {
    const before = review('assigned');
    const copy = structuredClone(before);
    transitionReview(before, VALID.conclude, commissioner, NOW, CONFIG);

    expect(before).toEqual(copy);
  });
});

describe('allowedReviewCommands', () => {
  it.each([
    ['pending', 'the commissioner', commissioner, ['assign', 'withdraw']],
    ['assigned', 'the commissioner', commissioner, ['assign', 'conclude', 'withdraw']],
    ['assigned', 'the assigned reviewer', assignedReviewer, ['conclude']],
    ['pending', 'a reviewer', assignedReviewer, []],
    ['awaiting_response', 'the agency supervisor', supervisor, ['respond']],
    ['awaiting_response', 'the commissioner', commissioner, []],
    ['disputed', 'the commissioner', commissioner, ['close']],
    ['disputed', 'the agency supervisor', supervisor, []],
    ['closed', 'the commissioner', commissioner, []],
    ['withdrawn', 'the commissioner', commissioner, []],
  ] as const)('from %s lists for %s: %j', (status, _who, actor, allowed) => {
    expect(allowedReviewCommands(review(status), actor)).toEqual(allowed);
  });
});
