import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './bootstrap/http-app.js';
import { exitAfterGrace, prepareProcess, runOrExit } from './bootstrap/prepare-process.js';
import { StartupError } from './common/startup-error.js';

// Worker entry: job processors and schedulers; HTTP serves health and metrics only.
runOrExit(async () => {
  const config = await prepareProcess();
  const app = await createHttpApp(config, { workers: true, api: false });
  exitAfterGrace(config);
  await app.listen({ port: config.http.port, host: config.http.host }).catch((err: { code?: string }) => {
    throw new StartupError(
      err.code === 'EADDRINUSE'
        ? `Port ${config.http.port} on ${config.http.host} is in use. Give the worker its own PORT.`
        : `Cannot listen on ${config.http.host}:${config.http.port} (${err.code ?? 'error'}).`,
    );
  });
  new Logger('Startup').log(
    `Oversight worker running; health on http://${config.http.host}:${config.http.port}/health/ready`,
  );
});
