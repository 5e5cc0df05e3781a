/**
 * The indicator catalogue (GET /indicators), grounded in the ILO "Operational
 * indicators of trafficking in human beings" (2009) and UNODC's "Human
 * trafficking indicators". `category` is the generalised group used in the
 * anonymised export.
 */
export const INDICATOR_CATEGORIES = ['deception', 'coercion', 'exploitation', 'vulnerability', 'control'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const INDICATORS = [
  { code: 'deception', category: 'deception', label: 'Deceived about the nature, conditions or place of work' },
  { code: 'false_promises', category: 'deception', label: 'Recruited with false promises (job, marriage, education)' },
  { code: 'coercion', category: 'coercion', label: 'Forced or coerced into work or services' },
  { code: 'threats', category: 'coercion', label: 'Threats against the person or their family' },
  { code: 'violence', category: 'coercion', label: 'Physical or sexual violence' },
  { code: 'debt_bondage', category: 'coercion', label: 'Debt bondage or manipulated debt' },
  { code: 'document_retention', category: 'control', label: 'Identity or travel documents withheld' },
  { code: 'restricted_movement', category: 'control', label: 'Freedom of movement restricted or confined' },
  { code: 'isolation', category: 'control', label: 'Isolated from family, community or help' },
  { code: 'surveillance', category: 'control', label: 'Under constant surveillance or accompanied' },
  { code: 'excessive_hours', category: 'exploitation', label: 'Excessive working hours or days' },
  { code: 'withheld_wages', category: 'exploitation', label: 'Wages withheld, unpaid or heavily deducted' },
  { code: 'degrading_conditions', category: 'exploitation', label: 'Degrading living or working conditions' },
  {
    code: 'sexual_exploitation',
    category: 'exploitation',
    label: 'Exploitation in prostitution or other sexual services',
  },
  { code: 'forced_criminality', category: 'exploitation', label: 'Forced to commit crimes or to beg' },
  { code: 'abuse_of_vulnerability', category: 'vulnerability', label: 'Abuse of a position of vulnerability' },
  { code: 'child_under_18', category: 'vulnerability', label: 'The person is under 18' },
  { code: 'irregular_status_exploited', category: 'vulnerability', label: 'Irregular status used as leverage' },
  { code: 'no_language_skills', category: 'vulnerability', label: 'Does not speak the local language' },
] as const satisfies readonly { code: string; category: IndicatorCategory; label: string }[];

export type Indicator = (typeof INDICATORS)[number];
export type IndicatorCode = Indicator['code'];
export const INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.map((i) => i.code);
