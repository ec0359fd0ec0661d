/** Real Chromium against the built H5 app, and miniprogram-simulate against the built weapp. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testTimeout: 120_000,
};
