import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/public.decorator.js';
import { NotFound } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { Metrics } from './metrics.js';

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/**
 * Prometheus scrape endpoint. With METRICS_TOKEN set it needs
 * `Authorization: Bearer <token>`; without one it answers loopback clients
 * only. Everyone else gets a 404, as if it were not there.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    if (!this.allowed(request)) throw new NotFound('This resource');
    return this.metrics.registry.metrics();
  }

  private allowed(request: FastifyRequest): boolean {
    const token = this.config.http.metricsToken;
    if (token) {
      const given = Buffer.from(String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
      const wanted = Buffer.from(token);
      return given.length === wanted.length && timingSafeEqual(given, wanted);
    }
    // The socket's own address, never `request.ip` (which TRUST_PROXY lets X-Forwarded-For set), and nothing that
    // came through a proxy: behind a reverse proxy on this host every request arrives from loopback.
    const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    return !forwarded && LOOPBACK.includes(request.socket.remoteAddress ?? '');
  }
}
