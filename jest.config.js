// Jest runs TypeScript through SWC as native ESM (`node --experimental-vm-modules`):
// NestJS 12 is ESM-only, and jest can load ESM from CommonJS only on Node ≥ 24.9.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      // Decorator metadata is what Nest's injection reads; without it injection fails silently.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// CommonJS packages that require() an ESM-only dependency (Node 20 can, jest's
// runtime cannot before Node 24.9): that dependency is compiled to CommonJS.
// cookie: required by light-my-request, fastify's `inject` (the demo seed drives the API through it).
const ESM_ONLY_DEPENDENCIES = ['content-disposition', 'cookie'];
const toCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${ESM_ONLY_DEPENDENCIES.join('|')})/.+\\.js$`]: toCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_DEPENDENCIES.join('|')})/)`],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  // Per-test and per-hook limit; e2e hooks start real apps (a project-level value is ignored).
  testTimeout: 60_000,
  // On two cores jest would run every file in its own main process, where modules loaded through `vm` (native ESM)
  // are never freed: the heap grew ~2.5 MB/s and a CI run died of OOM after ~1,460 s. A memory limit makes jest use
  // a worker (still one at a time) and start a fresh one whenever a file leaves it above the limit.
  workerIdleMemoryLimit: '2GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/migrations/**/*.spec.ts',
        '<rootDir>/seed/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
