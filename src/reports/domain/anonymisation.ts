import type { CaseState, CloseOutcome } from '../../cases/domain/identification.js';
import { INDICATORS, type IndicatorCategory } from '../../cases/domain/indicators.js';

/**
 * Generalisation of a case into the quasi-identifiers the anonymised export
 * publishes (SPEC §7), after the Counter Trafficking Data Collaborative's
 * global data set: no PII, no free text, no id that links back, and every
 * published combination shared by at least k people.
 *
 * The export computes these in SQL (`ageBandSql`, `indicatorCategoriesSql`
 * and `finalStateSql` are generated from the same tables as the TypeScript
 * functions); the TypeScript functions are the specification, unit-tested
 * here and checked against the SQL by the export's end-to-end property test.
 */

/** CTDC's `ageBroad` bands: children split at 9, young adults in three-year bands. */
export const AGE_BANDS = [
  { label: '0-8', max: 8 },
  { label: '9-17', max: 17 },
  { label: '18-20', max: 20 },
  { label: '21-23', max: 23 },
  { label: '24-26', max: 26 },
  { label: '27-30', max: 30 },
  { label: '31-38', max: 38 },
  { label: '39-47', max: 47 },
  { label: '48+', max: Number.POSITIVE_INFINITY },
] as const;

/** No birth year, but the agency recorded the person as a child. */
export const CHILD_AGE_UNKNOWN = '0-17';
export const AGE_UNKNOWN = 'unknown';
/** Ages outside this range are data errors, published as unknown rather than as an outlier that stands out. */
export const MAX_PLAUSIBLE_AGE = 120;

export const NATIONALITY_UNKNOWN = 'unknown';
export const NO_INDICATORS = 'none';

export type AgeBand = (typeof AGE_BANDS)[number]['label'] | typeof CHILD_AGE_UNKNOWN | typeof AGE_UNKNOWN;

/**
 * Age at the encounter from the birth year and the encounter year (the date
 * of birth is personal data and is not used). The year difference overstates
 * the age by up to a year, so when it says 18 and the agency recorded a child
 * the person is taken to be 17: a child is never published as an adult.
 */
export function ageAtEncounter(birthYear: number, encounterYear: number, isChild: boolean): number {
  const years = encounterYear - birthYear;
  return isChild && years === 18 ? 17 : years;
}

export function ageBand(birthYear: number | null, encounterYear: number, isChild: boolean): AgeBand {
  if (birthYear === null) return isChild ? CHILD_AGE_UNKNOWN : AGE_UNKNOWN;
  const age = ageAtEncounter(birthYear, encounterYear, isChild);
  if (age < 0 || age > MAX_PLAUSIBLE_AGE) return AGE_UNKNOWN;
  return AGE_BANDS.find((b) => age <= b.max)!.label;
}

/** The sorted set of indicator categories present, `;`-joined (`none` when there are none). */
export function indicatorCategories(codes: readonly string[]): string {
  const categories = new Set<IndicatorCategory>();
  for (const code of codes) {
    const indicator = INDICATORS.find((i) => i.code === code);
    if (indicator) categories.add(indicator.category);
  }
  return categories.size === 0 ? NO_INDICATORS : [...categories].sort().join(';');
}

/** The current state; a closed case carries its outcome (`closed:support_provided`). */
export function finalState(state: CaseState, closedOutcome: CloseOutcome | null): string {
  return state === 'closed' ? `closed:${closedOutcome ?? 'unknown'}` : state;
}

/** The published quasi-identifiers of one case. Every column of the export is one of them. */
export interface QuasiIdentifiers {
  ageBand: AgeBand;
  sex: string;
  nationality: string;
  encounterKind: string;
  encounterYear: number;
  indicatorCategories: string;
  finalState: string;
}

export interface CaseFacts {
  birthYear: number | null;
  isChild: boolean;
  sex: string;
  nationality: string | null;
  encounterKind: string;
  encounterAt: Date;
  indicators: readonly string[];
  state: CaseState;
  closedOutcome: CloseOutcome | null;
}

export function generalise(c: CaseFacts): QuasiIdentifiers {
  const encounterYear = c.encounterAt.getUTCFullYear();
  return {
    ageBand: ageBand(c.birthYear, encounterYear, c.isChild),
    sex: c.sex,
    nationality: c.nationality ?? NATIONALITY_UNKNOWN,
    encounterKind: c.encounterKind,
    encounterYear,
    indicatorCategories: indicatorCategories(c.indicators),
    finalState: finalState(c.state, c.closedOutcome),
  };
}

/** The export's columns, in order; `count` follows them. */
export const EXPORT_COLUMNS = [
  'age_band',
  'sex',
  'nationality',
  'encounter_kind',
  'encounter_year',
  'indicator_categories',
  'final_state',
] as const;

// --- The same rules as SQL expressions, generated from the tables above. ---

function literal(text: string): string {
  if (!/^[A-Za-z0-9_+:;-]*$/.test(text)) throw new Error(`anonymisation: unsafe SQL literal ${JSON.stringify(text)}`);
  return `'${text}'`;
}

/** `ageBand` in SQL, over SQL expressions for the birth year, encounter year and child flag. */
export function ageBandSql(birthYear: string, encounterYear: string, isChild: string): string {
  const years = `(${encounterYear} - ${birthYear})`;
  const age = `(CASE WHEN ${isChild} AND ${years} = 18 THEN 17 ELSE ${years} END)`;
  const bands = AGE_BANDS.filter((b) => Number.isFinite(b.max))
    .map((b) => `WHEN ${age} <= ${b.max} THEN ${literal(b.label)}`)
    .join(' ');
  const last = AGE_BANDS[AGE_BANDS.length - 1].label;
  return (
    `(CASE WHEN ${birthYear} IS NULL THEN (CASE WHEN ${isChild} THEN ${literal(CHILD_AGE_UNKNOWN)} ` +
    `ELSE ${literal(AGE_UNKNOWN)} END) ` +
    `WHEN ${age} < 0 OR ${age} > ${MAX_PLAUSIBLE_AGE} THEN ${literal(AGE_UNKNOWN)} ${bands} ELSE ${literal(last)} END)`
  );
}

/**
 * `indicatorCategories` in SQL: one array-overlap test per category, in sorted order, so the cost per case is a few
 * comparisons rather than a subquery.
 */
export function indicatorCategoriesSql(indicators: string): string {
  const categories = [...new Set(INDICATORS.map((i) => i.category))].sort();
  const present = categories.map((category) => {
    const codes = INDICATORS.filter((i) => i.category === category).map((i) => literal(i.code));
    return `CASE WHEN ${indicators} && ARRAY[${codes.join(', ')}]::text[] THEN ${literal(category)} END`;
  });
  return `coalesce(nullif(concat_ws(';', ${present.join(', ')}), ''), ${literal(NO_INDICATORS)})`;
}

export function finalStateSql(state: string, closedOutcome: string): string {
  return `(CASE WHEN ${state} = 'closed' THEN 'closed:' || coalesce(${closedOutcome}, 'unknown') ELSE ${state} END)`;
}
