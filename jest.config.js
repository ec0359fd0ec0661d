/** Unit, contract, function-integration and component tests. Browser and weapp-render tests live in jest.e2e.config.js. */
const swc = ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } }, parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];
const transform = { '^.+\\.(t|j|mj)sx?$': swc };
const transformIgnorePatterns = ['/node_modules/(?!(@tarojs|@nutui|lodash-es|swiper|ssr-window|dom7)/)'];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/domain/**/*.test.ts', '<rootDir>/server/**/*.test.ts', '<rootDir>/test/node/**/*.test.ts', '<rootDir>/cloudfunctions/**/*.test.ts'],
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      transform,
      transformIgnorePatterns,
      setupFiles: ['<rootDir>/test/components/setup.ts'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', '\\.(css|scss)$': '<rootDir>/test/components/style-stub.js' },
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
    },
  ],
};
