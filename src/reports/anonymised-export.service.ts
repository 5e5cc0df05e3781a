import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { chains } from '../audit/domain/audit-event.js';
import { SqlParams } from '../authz/domain/rules-to-sql.js';
import { Forbidden } from '../common/domain-errors.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { streamRows, withPgClient } from '../database/pg-client.js';
import type { CsvSink } from './csv-download.js';
import {
  ageBandSql,
  EXPORT_COLUMNS,
  finalStateSql,
  indicatorCategoriesSql,
  NATIONALITY_UNKNOWN,
} from './domain/anonymisation.js';
import { csvRow, type CsvValue } from './domain/csv.js';
import { periodOf, type Period } from './period.js';

export const SUPPRESSED_HEADER = 'x-suppressed-rows';
export const PUBLISHED_HEADER = 'x-published-rows';
export const K_HEADER = 'x-k-anonymity';

/** Roughly how much CSV is gathered before it is handed to the socket. */
const CHUNK_CHARS = 64 * 1024;

interface ExportSummary {
  suppressed: number;
  published: number;
  combinations: number;
}

/**
 * The anonymised export (SPEC §7): one CSV row per combination of
 * generalised quasi-identifiers with the number of cases sharing it, for
 * combinations shared by at least k cases (`EXPORT_K`). Publishing a count
 * per combination instead of k identical rows carries the same information
 * as CTDC's row-per-record layout (expand a row `count` times to get it) in
 * far fewer rows, and every row states how many people it stands for.
 *
 * Generalisation, grouping and suppression all happen in PostgreSQL, in one
 * statement read through a cursor, so memory stays flat however many cases
 * there are; a combination below k never leaves the database. The statement
 * yields a summary row first (how many cases were suppressed and published),
 * which becomes the `X-Suppressed-Rows` and `X-Published-Rows` headers: a
 * trailer line would break the CSV, and HTTP trailers are not widely read.
 */
@Injectable()
export class AnonymisedExportService {
  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async export(ctx: RequestContext, q: { from?: string; to?: string }, sink: CsvSink): Promise<void> {
    if (!ctx.ability.can('read', 'AnonymisedExport')) {
      throw new Forbidden('Only the commissioner and analysts export anonymised data.');
    }
    const period = periodOf(q.from, q.to);
    const k = this.config.exports.k;
    const params = new SqlParams();
    const where = ['TRUE'];
    if (period.from) where.push(`c.encounter_at >= ${params.add(period.from)}::timestamptz`);
    if (period.to) where.push(`c.encounter_at < ${params.add(period.to)}::timestamptz`);
    const sql = exportSql(where.join(' AND '), `${params.add(k)}::int`);

    await withPgClient(this.db, async (client) => {
      const rows = streamRows(client, sql, params.values, 1_000);
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        // Memory to group by hashing rather than by sorting every case on disk (a few MB per 1,000 combinations).
        await client.query(`SET LOCAL work_mem = '64MB'`);
        const first = await rows.next();
        const summary = toSummary(first.done ? undefined : first.value);
        await this.audited(ctx, period, k, summary);
        await sink(
          {
            [SUPPRESSED_HEADER]: String(summary.suppressed),
            [PUBLISHED_HEADER]: String(summary.published),
            [K_HEADER]: String(k),
          },
          Readable.from(csvChunks(rows)),
        );
      } finally {
        // Close the cursor if the download stopped early, then end the read-only snapshot.
        await rows.return(undefined);
        await client.query('ROLLBACK');
      }
    });
  }

  /** Every export is on the record: who, which filters, how much; never the data. */
  private async audited(ctx: RequestContext, period: Period, k: number, summary: ExportSummary): Promise<void> {
    await this.db.transaction((manager) =>
      this.audit.appendFor(manager, ctx, {
        chainId: chains.of('export', ctx.actor.id),
        action: 'export.anonymised',
        subject: { type: 'anonymised_export', id: null },
        payload: {
          filters: { from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null },
          k,
          rows: summary.combinations,
          records: summary.published,
          suppressed: summary.suppressed,
        },
      }),
    );
  }
}

function toSummary(row: unknown[] | undefined): ExportSummary {
  if (!row || row[0] !== 0) throw new Error('anonymised export: the summary row is missing');
  const [suppressed, published, combinations] = row.slice(1 + EXPORT_COLUMNS.length + 1) as number[];
  return { suppressed, published, combinations };
}

/**
 * The summary row (part 0) and then the combinations of at least k cases
 * (part 1), in a stable order. The grouped cases are materialised once and
 * read twice; they are one row per combination, not per case.
 */
function exportSql(where: string, k: string): string {
  const columns = EXPORT_COLUMNS.map((c) => `g.${c}`).join(', ');
  const none = EXPORT_COLUMNS.map((c) => (c === 'encounter_year' ? 'NULL::int' : 'NULL::text')).join(', ');
  return `WITH g AS MATERIALIZED (${groupedSql(where)})
          SELECT 0 AS part, ${none}, NULL::int AS count,
                 coalesce(sum(g.count) FILTER (WHERE g.count < ${k}), 0)::int AS suppressed,
                 coalesce(sum(g.count) FILTER (WHERE g.count >= ${k}), 0)::int AS published,
                 (count(*) FILTER (WHERE g.count >= ${k}))::int AS combinations
            FROM g
          UNION ALL
          SELECT 1, ${columns}, g.count, NULL, NULL, NULL FROM g WHERE g.count >= ${k}
          ORDER BY 1, ${EXPORT_COLUMNS.map((_, i) => i + 2).join(', ')}`;
}

/**
 * Cases generalised and grouped. Only generalised columns leave this
 * subquery: no id, agency, pseudonym, reference, free text or PII column is
 * ever selected. The agency is omitted even as a kind: only frontline
 * agencies open cases, so the kind would say nothing.
 */
function groupedSql(where: string): string {
  const encounterYear = `extract(year FROM c.encounter_at AT TIME ZONE 'UTC')::int`;
  return `SELECT ${ageBandSql('c.birth_year', encounterYear, 'c.is_child')} AS age_band,
                 c.sex,
                 coalesce(c.nationality, '${NATIONALITY_UNKNOWN}') AS nationality,
                 c.encounter_kind,
                 ${encounterYear} AS encounter_year,
                 ${indicatorCategoriesSql('c.indicators')} AS indicator_categories,
                 ${finalStateSql('c.state', 'c.closed_outcome')} AS final_state,
                 count(*)::int AS count
            FROM cases c
           WHERE ${where}
           GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

/** The CSV text of the combination rows (part 1), in chunks of about `CHUNK_CHARS`. */
async function* csvChunks(rows: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  let chunk = csvRow([...EXPORT_COLUMNS, 'count']);
  for await (const row of rows) {
    chunk += csvRow(row.slice(1, 2 + EXPORT_COLUMNS.length) as CsvValue[]);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
