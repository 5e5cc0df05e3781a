import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VisitYear } from '../domain/annual-report.js';

@Injectable()
export class AnnualQueries {
  constructor(private readonly db: DataSource) {}

  /**
   * Per frontline agency, visits to its places started in [from, to), visits reported in it, and the findings of the
   * visits reported in it by severity. Planned visits are not counted: the annual report is the office's, but a
   * plan published in it would still be a plan.
   */
  async visits(from: Date, to: Date): Promise<VisitYear[]> {
    const rows = await this.db.query<
      {
        id: string;
        code: string;
        name: string;
        started: number;
        reported: number;
        info: number;
        concern: number;
        serious: number;
      }[]
    >(
      `WITH v AS (
         SELECT agency_id,
                count(*) FILTER (WHERE started_at >= $1 AND started_at < $2) AS started,
                count(*) FILTER (WHERE reported_at >= $1 AND reported_at < $2) AS reported
           FROM visits WHERE started_at < $2 GROUP BY agency_id),
       f AS (
         SELECT v.agency_id,
                count(*) FILTER (WHERE f.severity = 'info') AS info,
                count(*) FILTER (WHERE f.severity = 'concern') AS concern,
                count(*) FILTER (WHERE f.severity = 'serious') AS serious
           FROM visit_findings f JOIN visits v ON v.id = f.visit_id
          WHERE v.reported_at >= $1 AND v.reported_at < $2
          GROUP BY v.agency_id)
       SELECT a.id, a.code, a.name, coalesce(v.started, 0)::int AS started, coalesce(v.reported, 0)::int AS reported,
              coalesce(f.info, 0)::int AS info, coalesce(f.concern, 0)::int AS concern,
              coalesce(f.serious, 0)::int AS serious
         FROM agencies a LEFT JOIN v ON v.agency_id = a.id LEFT JOIN f ON f.agency_id = a.id
        WHERE a.kind = 'frontline'
        ORDER BY lower(a.code), a.id`,
      [from, to],
    );
    return rows.map((r) => ({
      agencyId: r.id,
      code: r.code,
      name: r.name,
      started: r.started,
      reported: r.reported,
      findings: { info: r.info, concern: r.concern, serious: r.serious },
    }));
  }
}
