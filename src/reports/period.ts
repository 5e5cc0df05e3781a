import { Unprocessable } from '../common/domain-errors.js';
import { parseReportInstant } from './domain/report-period.js';

export interface Period {
  from: Date | null;
  to: Date | null;
}

/** A query value the DTO has already checked (`IsReportInstant`), as an instant; null when absent. */
export function instantOf(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const instant = parseReportInstant(value);
  if (!instant) throw new Error(`reports: ${JSON.stringify(value)} reached the service unvalidated`);
  return instant;
}

/** A half-open period [from, to); when both ends are given, `to` must come after `from` (else 422). */
export function periodOf(from: string | undefined, to: string | undefined): Period {
  return orderedPeriod({ from: instantOf(from), to: instantOf(to) });
}

export function orderedPeriod<P extends Period>(period: P): P {
  if (period.from && period.to && period.to.getTime() <= period.from.getTime()) {
    throw new Unprocessable('invalid-period', 'The period must end after it starts.', [
      { field: 'to', message: 'must be after from' },
    ]);
  }
  return period;
}
