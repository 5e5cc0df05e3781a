import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { AuditCheckpointer } from '../src/audit/audit-checkpointer.js';
import { loadConfig } from '../src/config/load-config.js';
import { readSecretFiles } from '../src/config/read-secret-files.js';

// Signs one audit checkpoint over every chain loaded so far (what the scheduled job does every 10 minutes).
const config = loadConfig(readSecretFiles(process.env));
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { workers: false }), {
  logger: false,
});
const result = await app.get(AuditCheckpointer).checkpoint();
await app.close();
process.stdout.write(`${JSON.stringify(result ?? null)}\n`);
