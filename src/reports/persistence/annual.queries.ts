import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OversightYear, VisitYear } from '../domain/annual-report.js';

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

  /**
   * The office's own casework in [from, to): investigations opened, published and closed without findings, the
   * recommendations publishing issued; complaints received (how many anonymous) and triaged, by outcome. Counts only:
   * no title, summary or complainant.
   */
  async oversight(from: Date, to: Date): Promise<OversightYear> {
    const [r] = await this.db.query<
      Record<keyof OversightYear['investigations'] | keyof OversightYear['complaints'], number>[]
    >(
      `SELECT (SELECT count(*) FROM investigations WHERE opened_at >= $1 AND opened_at < $2)::int AS opened,
              (SELECT count(*) FROM investigations WHERE published_at >= $1 AND published_at < $2)::int AS published,
              (SELECT count(*) FROM investigations WHERE closed_at >= $1 AND closed_at < $2)::int AS "closedWithoutFindings",
              (SELECT count(*) FROM recommendations
                WHERE source_kind = 'investigation' AND issued_at >= $1 AND issued_at < $2)::int AS "recommendationsIssued",
              (SELECT count(*) FROM complaints WHERE received_at >= $1 AND received_at < $2)::int AS received,
              (SELECT count(*) FROM complaints WHERE received_at >= $1 AND received_at < $2 AND anonymous)::int AS anonymous,
              (SELECT count(*) FROM complaints
                WHERE triaged_at >= $1 AND triaged_at < $2 AND triage_outcome = 'investigate')::int AS investigate,
              (SELECT count(*) FROM complaints
                WHERE triaged_at >= $1 AND triaged_at < $2 AND triage_outcome = 'refer_to_review')::int AS "referToReview",
              (SELECT count(*) FROM complaints
                WHERE triaged_at >= $1 AND triaged_at < $2 AND triage_outcome = 'no_action')::int AS "noAction"`,
      [from, to],
    );
    return {
      investigations: {
        opened: r.opened,
        published: r.published,
        closedWithoutFindings: r.closedWithoutFindings,
        recommendationsIssued: r.recommendationsIssued,
      },
      complaints: {
        received: r.received,
        anonymous: r.anonymous,
        investigate: r.investigate,
        referToReview: r.referToReview,
        noAction: r.noAction,
      },
    };
  }
}
