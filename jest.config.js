/** Unit, contract, function-integration and component tests. Browser and weapp-render tests live in jest.e2e.config.js. */
const swc = [
  '@swc/jest',
  {
    jsc: { transform: { react: { runtime: 'automatic' } }, parser: { syntax: 'typescript', tsx: true } },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j|mj)sx?$': swc };
const transformIgnorePatterns = [
  '/node_modules/(?!(@tarojs|@nutui|@stencil|lodash-es|swiper|ssr-window|dom7|query-string|decode-uri-component|split-on-first|filter-obj|nanoid)/)',
];

module.exports = {
  // CI may share the machine with a build: seeding a world can then take longer than jest's 5 s default.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: [
        '<rootDir>/domain/**/*.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/test/node/**/*.test.ts',
        '<rootDir>/cloudfunctions/**/*.test.ts',
        '<rootDir>/console/**/*.test.ts',
      ],
    },
    // The same engine-neutral suites again, through the real @cloudbase/node-sdk against the CloudBase
    // double (test/support/cloudbase-double), once for each meaning of `updated`.
    ...['cloudbase-matched', 'cloudbase-modified'].map((engine) => ({
      displayName: engine,
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      globals: { XFYZ_TEST_ENGINE: engine },
      setupFilesAfterEnv: ['<rootDir>/test/support/cloudbase-project.setup.ts'],
      testMatch: [
        '<rootDir>/domain/{points,booking,vaccine,org,audit,dashboard,console-login,slots,requests,messages,map,meetings,notices,stars}/**/*.test.ts',
        '<rootDir>/domain/core/intents.test.ts',
        '<rootDir>/test/node/functions.test.ts',
        '<rootDir>/domain/user/overview.test.ts',
      ],
    })),
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      transform,
      // Taro's H5 runtime ships ES modules throughout; swc turns them into CommonJS (cached after the first run).
      transformIgnorePatterns: ['/node_modules/(react|react-dom|scheduler)/'],
      // Build-time constants Taro's runtime and our config expect.
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: false,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: false,
        DEPRECATED_ADAPTER_COMPONENT: false,
        CLOUD_ENV: '',
      },
      setupFiles: ['<rootDir>/test/components/setup.ts'],
      moduleNameMapper: {
        // What Taro's H5 build aliases these to.
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '@tarojs/taro-h5',
        '^@/(.*)$': '<rootDir>/src/$1',
        '\\.(css|scss)$': '<rootDir>/test/components/style-stub.js',
      },
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
    },
  ],
};
