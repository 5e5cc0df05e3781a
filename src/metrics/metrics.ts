import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of this process (its own registry, so two app instances
 * in one test process do not collide). Counters are incremented where the
 * thing happens; gauges read at scrape time register themselves here
 * (queue depth: jobs/queue-depth-gauge.ts), so this file depends on nothing.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'oversight_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly alertsRaised = new Counter({
    name: 'oversight_alerts_raised_total',
    help: 'Alerts raised, by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });

  readonly emails = new Counter({
    name: 'oversight_emails_total',
    help: 'Alert e-mail delivery attempts, by outcome (sent, failed, gave_up)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'oversight_job_failures_total',
    help: 'Jobs that threw, by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly auditVerify = new Gauge({
    name: 'oversight_audit_verify_ok',
    help: '1 if the last audit verification found the log intact, 0 if not (absent until one ran)',
    registers: [this.registry],
  });

  readonly auditVerifyEvents = new Gauge({
    name: 'oversight_audit_verify_checked_events',
    help: 'Events recomputed by the last audit verification',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'oversight_' });
  }
}
