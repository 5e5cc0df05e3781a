import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './bootstrap/http-app.js';
import { exitAfterGrace, prepareProcess, runOrExit } from './bootstrap/prepare-process.js';
import { StartupError } from './common/startup-error.js';

// API entry: HTTP, plus the job workers unless WORKERS_ENABLED=false.
runOrExit(async () => {
  const config = await prepareProcess();
  if (!config.processes.apiEnabled) {
    throw new StartupError('API_ENABLED=false: run `npm run start:worker` for a worker-only process.');
  }
  const app = await createHttpApp(config, { workers: config.processes.workersEnabled, api: true });
  exitAfterGrace(config);
  await app.listen({ port: config.http.port, host: config.http.host }).catch((err: { code?: string }) => {
    throw new StartupError(
      err.code === 'EADDRINUSE'
        ? `Port ${config.http.port} on ${config.http.host} is in use. Stop the other process or set PORT.`
        : `Cannot listen on ${config.http.host}:${config.http.port} (${err.code ?? 'error'}).`,
    );
  });
  new Logger('Startup').log(
    `Oversight API on http://${config.http.host}:${config.http.port} (docs at /docs; workers ${config.processes.workersEnabled ? 'on' : 'off'})`,
  );
});
