import type {
  InvestigationAction,
  InvestigationActionType,
} from '../../src/investigations/domain/investigation-workflow.js';

/** The agency the bodies below address (the domain specs put it in scope). */
export const IN_SCOPE = 'agency-in-scope';

/** One valid body per action of SPEC §13's table, for the pure specs of the investigation workflow. */
export const VALID: Record<InvestigationActionType, InvestigationAction> = {
  assign_investigators: { type: 'assign_investigators', reviewerIds: ['user-reviewer'] },
  add_evidence: { type: 'add_evidence', kind: 'case', id: 'case-1', note: 'Detained 40 days without screening' },
  draft: {
    type: 'draft',
    text: 'Draft findings',
    proposedRecommendations: [{ agencyId: IN_SCOPE, theme: 'detention', priority: 'urgent', text: 'Screen first' }],
  },
  comment: { type: 'comment', text: 'Paragraph 4 names the wrong holding room.' },
  publish: { type: 'publish', text: 'Final report' },
  close_without_findings: { type: 'close_without_findings', reason: 'The pattern was a data-entry error.' },
};
