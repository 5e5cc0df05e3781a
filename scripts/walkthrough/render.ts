/**
 * The README's "A newcomer's first run" as text: pure functions from what
 * the walkthrough sent and received to Markdown, and the normalisation that
 * lets a test compare two runs (ids, times, tokens and counts differ; the
 * commands, fields, words and statuses must not).
 */

/** A value in a request body that the reader's shell fills in from a variable set by an earlier step. */
export interface VarRef {
  readonly ref: string;
}

export const ref = (name: string): VarRef => ({ ref: name });

export function isVarRef(value: unknown): value is VarRef {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'ref' in value;
}

export interface RenderedRequest {
  method: 'GET' | 'POST';
  /** Relative to $BASE; may contain $VARIABLES. */
  path: string;
  /** The shell variable holding the caller's token, if any. */
  token?: string;
  accept?: string;
  body?: unknown;
}

export interface StepResult {
  title: string;
  request: RenderedRequest;
  status: number;
  contentType: string;
  body: string;
  /** Response headers worth showing (name, value). */
  headers: [name: string, value: string][];
  /** Variables this step set, in the order they were set. */
  saved: [name: string, value: string][];
  /** Longest list shown in full; longer ones are cut with a note. */
  maxItems: number;
  /** Longest text (CSV) shown, in lines. */
  maxLines: number;
  note?: string;
}

/** `curl` as a reader types it: $BASE, the caller's $TOKEN, JSON bodies in single quotes with $VARIABLES spliced in. */
export function curlOf(r: RenderedRequest): string {
  const parts = [`curl -s${r.method === 'POST' ? ' -X POST' : ''} "$BASE${r.path}"`];
  if (r.token) parts.push(`-H "authorization: Bearer $${r.token}"`);
  if (r.accept) parts.push(`-H 'accept: ${r.accept}'`);
  if (r.body !== undefined) {
    parts.push(`-H 'content-type: application/json'`);
    parts.push(`-d '${shellJson(r.body)}'`);
  }
  return parts.join(' \\\n  ');
}

/** Compact JSON inside single quotes; a VarRef becomes `"'"$NAME"'"` (a string spliced from the shell). */
function shellJson(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (isVarRef(value) ? `@@${value.ref}@@` : value))
    .replace(/'/g, `'\\''`)
    .replace(/@@(\w+)@@/g, `'"$$$1"'`);
}

/** The body the server gets: every VarRef replaced by its variable's value. */
export function resolveRefs(body: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (isVarRef(body)) {
    if (!(body.ref in vars)) throw new Error(`walkthrough: $${body.ref} is used before a step sets it`);
    return vars[body.ref];
  }
  if (Array.isArray(body)) return body.map((v) => resolveRefs(v, vars));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, resolveRefs(v, vars)]));
  }
  return body;
}

/** Arrays longer than `max` keep their first `max` items and end with a note of how many were left out. */
export function trimLists(value: unknown, max: number): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, max).map((v) => trimLists(v, max));
    return value.length > max ? [...kept, `… ${value.length - max} more`] : kept;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimLists(v, max)]));
  }
  return value;
}

/** What the reader sees of a response: pretty JSON with long lists cut, or the first lines of text. */
export function responseText(result: Pick<StepResult, 'body' | 'contentType' | 'maxItems' | 'maxLines'>): string {
  if (result.body === '') return '(no body)';
  if (/json/.test(result.contentType)) {
    return shortenTokens(JSON.stringify(trimLists(JSON.parse(result.body), result.maxItems), null, 2));
  }
  const lines = result.body.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.length > result.maxLines
    ? [...lines.slice(0, result.maxLines), `… ${lines.length - result.maxLines} more lines`].join('\n')
    : lines.join('\n');
}

/**
 * A JWT in the README would be a credential-shaped string in the repository (and a secret scanner's false alarm):
 * it is shown by its first characters only; the commands use `$TOKEN`.
 */
export function shortenTokens(text: string): string {
  return text.replace(/(eyJ[\w-]{8})[\w-]*\.[\w-]+\.[\w-]+/g, '$1…');
}

export function renderStep(result: StepResult, index: number): string {
  const fence = /json/.test(result.contentType) ? 'json' : /csv/.test(result.contentType) ? 'csv' : 'text';
  const saved = result.saved.map(([name, value]) => `${name}=${value}`);
  return [
    `**${index}. ${result.title}**`,
    '',
    '```bash',
    curlOf(result.request),
    ...saved,
    '```',
    '',
    `HTTP ${result.status}${result.headers.map(([k, v]) => `, ${k}: ${v}`).join('')}:`,
    '',
    '```' + fence,
    responseText(result),
    '```',
    ...(result.note ? ['', result.note] : []),
  ].join('\n');
}

export function renderWalkthrough(intro: string, steps: readonly StepResult[]): string {
  return [intro, ...steps.map((s, i) => renderStep(s, i + 1))].join('\n\n');
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readSection(document: string, name: string): string {
  const found = sectionPattern(name).exec(document);
  if (!found) throw new Error(`README has no ${name} markers`);
  return found[2];
}

export function replaceSection(document: string, name: string, body: string): string {
  if (!sectionPattern(name).test(document)) throw new Error(`README has no ${name} markers`);
  return document.replace(
    sectionPattern(name),
    (_m, start: string, _old: string, end: string) => `${start}${body}\n${end}`,
  );
}

function sectionPattern(name: string): RegExp {
  return new RegExp(`(<!-- ${name}:start -->\\n)([\\s\\S]*?)\\n?(<!-- ${name}:end -->)`);
}

/**
 * What two honest runs share. Every value that differs between them — ids,
 * instants, dates, tokens and keys, digests and signatures, and then every
 * number — becomes a placeholder, in that order (a uuid's digits must not be
 * taken for numbers first).
 */
export function normalise(text: string): string {
  return (
    text
      .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>')
      .replace(/\bovk_[\w-]+/g, '<api-key>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g, '<instant>')
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>')
      // Not the long fraction of a number (0.3333333333333333): that is a number, and its length varies.
      .replace(/(?<!\d\.)\b[0-9a-f]{16,}\b/gi, '<hex>')
      .replace(/[A-Za-z0-9+/]{40,}={0,2}/g, '<encoded>')
      // Whether a record was drawn for review depends on the demo's random sampling seed.
      .replace(/"sampled": (true|false)/g, '"sampled": <drawn>')
      .replace(/\d+(\.\d+)?/g, '<n>')
  );
}
