import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { auditActorOf, ownChain, SYSTEM_ACTOR } from '../audit/domain/audit-event.js';
import { Forbidden, NotFound, Unprocessable } from '../common/domain-errors.js';
import { newId } from '../common/ids.js';
import { decodeTimeIdCursor, pageSize, toPage, type Page, type PageQueryDto } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueues } from '../jobs/job-queues.js';
import { JOBS } from '../jobs/queues.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import type { CreateSamplingRunDto, SamplingRunResponse } from './dto.js';
import type { SamplingRunRow } from './persistence/sampling-draw.repository.js';

const DAY = 86_400_000;

export function seedContext(runId: string): string {
  return `sampling-run:${runId}`;
}

/** Sampling runs: created on demand or by the weekly schedule, drawn by a job (SamplingRunner). */
@Injectable()
export class SamplingRunsService {
  private readonly logger = new Logger(SamplingRunsService.name);

  constructor(
    private readonly db: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditLog,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  async create(ctx: RequestContext, dto: CreateSamplingRunDto): Promise<SamplingRunResponse> {
    if (!ctx.ability.can('create', 'SamplingRun')) throw new Forbidden('Only the commissioner starts sampling runs.');
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to.getTime() <= from.getTime()) {
      throw new Unprocessable('invalid-period', 'The period must end after it starts.', [
        { field: 'to', message: 'must be after from' },
      ]);
    }
    if (to.getTime() > Date.now() + DAY) {
      throw new Unprocessable('invalid-period', 'The period may not end in the future.', [
        { field: 'to', message: 'may not be in the future' },
      ]);
    }
    const run = await this.insertRun({
      trigger: 'manual',
      scheduleKey: null,
      from,
      to,
      rate: dto.rate ?? this.config.sampling.rate,
      negativeRate: dto.negativeRate ?? this.config.sampling.negativeRate,
      minPerStratum: dto.minPerStratum ?? this.config.sampling.minPerStratum,
      seed: dto.seed ? Buffer.from(dto.seed, 'hex') : randomBytes(32),
      requestedBy: ctx.actor.id,
      author: { actor: auditActorOf(ctx.actor), requestId: ctx.requestId },
    });
    await this.queues.tryEnqueue(JOBS.runSampling, { runId: run!.id }, { jobId: run!.id });
    return this.present(ctx, run!);
  }

  /**
   * The weekly run over the previous 7 whole UTC days. Its schedule key (the
   * period's first day) is unique, so however many workers fire the tick,
   * one run exists per week.
   */
  async createScheduled(now = new Date()): Promise<string | undefined> {
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const from = new Date(to.getTime() - 7 * DAY);
    const run = await this.insertRun({
      trigger: 'schedule',
      scheduleKey: `weekly:${from.toISOString().slice(0, 10)}`,
      from,
      to,
      rate: this.config.sampling.rate,
      negativeRate: this.config.sampling.negativeRate,
      minPerStratum: this.config.sampling.minPerStratum,
      seed: randomBytes(32),
      requestedBy: null,
      author: { actor: SYSTEM_ACTOR, requestId: null },
    });
    if (!run) return undefined;
    await this.queues.tryEnqueue(JOBS.runSampling, { runId: run.id }, { jobId: run.id });
    return run.id;
  }

  /** Runs still queued (Redis was away when they were created, or a worker died): queue them again. */
  async requeueStale(now = new Date()): Promise<number> {
    const stale = await this.db.query<{ id: string }[]>(
      `SELECT id FROM sampling_runs
        WHERE (status = 'queued' AND created_at < $1::timestamptz - interval '30 seconds')
           OR (status = 'running' AND started_at < $1::timestamptz - interval '30 minutes')`,
      [now],
    );
    let queued = 0;
    for (const r of stale)
      if (await this.queues.tryEnqueue(JOBS.runSampling, { runId: r.id }, { jobId: r.id })) queued += 1;
    return queued;
  }

  async list(ctx: RequestContext, q: PageQueryDto): Promise<Page<SamplingRunResponse>> {
    if (!ctx.ability.can('read', 'SamplingRun'))
      throw new Forbidden('Only the commissioner’s office reads sampling runs.');
    const limit = pageSize(q);
    const after = decodeTimeIdCursor(q.cursor, 'createdAt');
    const rows = await this.db.query<SamplingRunRow[]>(
      `SELECT * FROM sampling_runs
        WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r) => this.present(ctx, r),
      (r) => ({ createdAt: r.created_at.toISOString(), id: r.id }),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<SamplingRunResponse> {
    if (!ctx.ability.can('read', 'SamplingRun')) throw new NotFound('The sampling run');
    const [row] = await this.db.query<SamplingRunRow[]>(`SELECT * FROM sampling_runs WHERE id = $1`, [id]);
    if (!row) throw new NotFound('The sampling run');
    const strata = await this.db.query<
      {
        agency_id: string;
        decision_type: string;
        outcome: string | null;
        negative: boolean;
        rate: number;
        population: number;
        sampled: number;
      }[]
    >(
      `SELECT agency_id, decision_type, outcome, negative, rate, population, sampled
         FROM sampling_strata WHERE run_id = $1 ORDER BY agency_id, decision_type, outcome NULLS FIRST`,
      [id],
    );
    return {
      ...this.present(ctx, row),
      strata: strata.map((s) => ({
        agencyId: s.agency_id,
        decisionType: s.decision_type,
        outcome: s.outcome,
        negative: s.negative,
        rate: s.rate,
        population: s.population,
        sampled: s.sampled,
      })),
    };
  }

  private async insertRun(r: {
    trigger: 'manual' | 'schedule';
    scheduleKey: string | null;
    from: Date;
    to: Date;
    rate: number;
    negativeRate: number;
    minPerStratum: number;
    seed: Buffer;
    requestedBy: string | null;
    author: Parameters<AuditLog['append']>[1];
  }): Promise<SamplingRunRow | undefined> {
    const id = newId();
    const sealed = this.cipher.sealJson(r.seed.toString('hex'), seedContext(id));
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query<SamplingRunRow[]>(
        `INSERT INTO sampling_runs (id, status, trigger, schedule_key, period_from, period_to, rate, negative_rate,
                                    min_per_stratum, seed_ciphertext, seed_key_id, requested_by, created_at)
         VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (schedule_key) DO NOTHING
         RETURNING *`,
        [
          id,
          r.trigger,
          r.scheduleKey,
          r.from,
          r.to,
          r.rate,
          r.negativeRate,
          r.minPerStratum,
          sealed.ciphertext,
          sealed.keyId,
          r.requestedBy,
          // The application clock (milliseconds), the precision list cursors carry.
          new Date(),
        ],
      );
      if (!row) return undefined;
      await this.audit.append(manager, r.author, {
        ...ownChain('sampling_run', id),
        action: 'sampling_run.created',
        payload: {
          trigger: r.trigger,
          from: r.from.toISOString(),
          to: r.to.toISOString(),
          rate: r.rate,
          negativeRate: r.negativeRate,
          minPerStratum: r.minPerStratum,
        },
      });
      return row;
    });
  }

  private present(ctx: RequestContext, r: SamplingRunRow): SamplingRunResponse {
    const seesSeed = ctx.ability.can('read', 'SamplingRun', 'seed');
    return {
      id: r.id,
      status: r.status,
      trigger: r.trigger,
      from: r.period_from.toISOString(),
      to: r.period_to.toISOString(),
      rate: r.rate,
      negativeRate: r.negative_rate,
      minPerStratum: r.min_per_stratum,
      ...(seesSeed
        ? {
            seed: this.cipher.openJson<string>(
              { ciphertext: r.seed_ciphertext, keyId: r.seed_key_id },
              seedContext(r.id),
            ),
          }
        : {}),
      createdAt: r.created_at.toISOString(),
      startedAt: r.started_at?.toISOString() ?? null,
      completedAt: r.completed_at?.toISOString() ?? null,
      failure: r.failure,
      populationCount: r.population_count,
      sampleCount: r.sample_count,
      populationDigest: r.population_digest,
      sampleDigest: r.sample_digest,
      strataAgency: r.strata_agency,
    };
  }
}
