import type { components } from '../api/schema';

export type SamplingRun = components['schemas']['SamplingRunResponse'];

/** A rate as a reader reads it: 0.05 → "5 %". */
export function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))} %`;
}

/** The period as stored: from (inclusive) to (exclusive), in UTC days when both are midnights. */
export function period(run: Pick<SamplingRun, 'from' | 'to'>): string {
  const day = (iso: string) => (iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z'));
  return `${day(run.from)} to ${day(run.to)}`;
}

/** A run is drawn by a background job: its page asks again until the job has finished. */
export function stillDrawing(run: SamplingRun | undefined): boolean {
  return run?.status === 'queued' || run?.status === 'running';
}
