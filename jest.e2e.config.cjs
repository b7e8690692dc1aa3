// Browser tests of the local preview (npm run test:e2e): headless system Chromium through playwright-core; not part of `npm test`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  // Each file starts its own preview server and browser; a browser start and a few page loads take seconds, not milliseconds.
  testTimeout: 60_000,
  maxWorkers: 2,
};
