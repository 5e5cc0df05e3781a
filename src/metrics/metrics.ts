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

  readonly alertsRaised = this.counter('oversight_alerts_raised_total', 'Alerts raised, by rule', 'rule');

  readonly emails = this.counter(
    'oversight_emails_total',
    'Alert e-mail delivery attempts, by outcome (sent, failed, gave_up)',
    'outcome',
  );

  readonly jobFailures = this.counter('oversight_job_failures_total', 'Jobs that threw, by queue', 'queue');

  readonly auditVerify = this.gauge(
    'oversight_audit_verify_ok',
    '1 if the last audit verification found the log intact, 0 if not (absent until one ran)',
  );

  readonly auditVerifyEvents = this.gauge(
    'oversight_audit_verify_checked_events',
    'Events recomputed by the last audit verification',
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'oversight_' });
  }

  // Methods, not arrow fields: the field initialisers above run before any later field is set, but after the prototype.
  private counter<L extends string>(name: string, help: string, label: L): Counter<L> {
    return new Counter({ name, help, labelNames: [label], registers: [this.registry] });
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }
}
