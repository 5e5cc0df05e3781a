import { Unprocessable } from '../common/domain-errors.js';

export interface Period {
  from: Date | null;
  to: Date | null;
}

/** A half-open period [from, to); when both ends are given, `to` must come after `from` (else 422). */
export function periodOf(from: string | undefined, to: string | undefined): Period {
  const period = { from: from === undefined ? null : new Date(from), to: to === undefined ? null : new Date(to) };
  if (period.from && period.to && period.to.getTime() <= period.from.getTime()) {
    throw new Unprocessable('invalid-period', 'The period must end after it starts.', [
      { field: 'to', message: 'must be after from' },
    ]);
  }
  return period;
}
