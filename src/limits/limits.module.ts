import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ConcurrencyLimiter } from './concurrency-limiter.js';
import { LimitsInterceptor } from './limits.interceptor.js';
import { RateLimiter } from './rate-limiter.js';

/** Per-caller rate limit and per-group concurrency limit for every API route (see LimitsInterceptor). */
@Module({
  providers: [RateLimiter, ConcurrencyLimiter, { provide: APP_INTERCEPTOR, useClass: LimitsInterceptor }],
})
export class LimitsModule {}
