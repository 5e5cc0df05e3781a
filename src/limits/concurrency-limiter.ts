import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { ExpensiveGroup } from './expensive.decorator.js';

/**
 * One counting semaphore per expensive route group, in this process: the
 * database pool it protects is this process's own. Never waits: a caller
 * that finds the group full is told to come back (503), which keeps the
 * event loop and the pool free for everyone else.
 */
@Injectable()
export class ConcurrencyLimiter {
  private readonly inFlight = new Map<ExpensiveGroup, number>();

  constructor(private readonly config: AppConfig) {}

  /** A release function, or undefined when the group is full. */
  tryAcquire(group: ExpensiveGroup): (() => void) | undefined {
    const now = this.inFlight.get(group) ?? 0;
    if (now >= this.config.http.expensiveConcurrency) return undefined;
    this.inFlight.set(group, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(group, (this.inFlight.get(group) ?? 1) - 1);
    };
  }
}
