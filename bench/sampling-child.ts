import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/load-config.js';
import { readSecretFiles } from '../src/config/read-secret-files.js';
import { SamplingRunner } from '../src/reviews/sampling-runner.js';

// Draws one sampling run in a process of its own, so the bench can report that process's peak memory.
const runId = process.argv[2];
const config = loadConfig(readSecretFiles(process.env));
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { workers: false }), {
  logger: false,
});
const started = Date.now();
const outcome = await app.get(SamplingRunner).execute(runId);
const ms = Date.now() - started;
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await app.close();
process.stdout.write(`${JSON.stringify({ outcome, ms, maxRssMb })}\n`);
