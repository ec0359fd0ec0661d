/**
 * The layers, checked by `npm run lint` (dependency-cruiser). From the bottom:
 *   domain/core + domain/db   the router, errors, clock, intents; the storage port and its engines
 *   domain/<module>           one folder per module, over core and db (and each other, without circles), entered
 *                             from outside through its index.ts only
 *   domain/seed               demo data and seeding: read by the hosts, never by a module at run time
 *   cloudfunctions/           one router per function over the modules; define.ts composes the router's hooks
 *   server/, scripts/         the local cloud and the tools
 * Tests and benches may reach anywhere.
 */
const TESTS = '(\\.test\\.tsx?$|^test/|^bench/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports: split out what both sides need, or hand it in from the composition file.',
      from: { pathNot: TESTS },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment:
        'domain/core is the bottom layer: what only a module knows is handed in (cloudfunctions/define.ts), never imported.',
      from: { path: '^domain/core/', pathNot: TESTS },
      to: { path: '^(domain/(?!core/|db/)|cloudfunctions/|server/|scripts/|src/|console/)' },
    },
    {
      name: 'db-imports-only-core',
      severity: 'error',
      comment: 'The storage port and its engines sit beside core at the bottom.',
      from: { path: '^domain/db/', pathNot: TESTS },
      to: { path: '^(domain/(?!core/|db/)|cloudfunctions/|server/|scripts/|src/|console/)' },
    },
    {
      name: 'through-the-door',
      severity: 'error',
      comment:
        "Another module is reached through its index.ts only: what the door does not export is the module's own. " +
        'core and db are the bottom layer and are imported by file (a door would drag the CloudBase entry and both engines into everything).',
      from: { path: '^(domain/([^/]+)/|cloudfunctions/|server/|scripts/)', pathNot: TESTS },
      to: { path: '^domain/(?!core/|db/)[^/]+/(?!index\\.ts$)', pathNot: '^domain/$2/' },
    },
    {
      name: 'domain-imports-no-host',
      severity: 'error',
      comment: 'The domain runs inside any host: it never imports a function, the local server, a script or a client.',
      from: { path: '^domain/', pathNot: TESTS },
      to: { path: '^(cloudfunctions/|server/|scripts/|src/|console/|test/|bench/)' },
    },
    {
      name: 'no-demo-data-at-run-time',
      severity: 'error',
      comment: 'Demo data is seeded by the hosts; a module that needs a list owns it (e.g. domain/stations/labels.ts).',
      from: { path: '^(domain/(?!seed/)|cloudfunctions/)', pathNot: TESTS },
      to: { path: '^domain/seed/' },
    },
    {
      name: 'functions-import-no-host',
      severity: 'error',
      comment: 'A cloud function bundles the domain only.',
      from: { path: '^cloudfunctions/', pathNot: TESTS },
      to: { path: '^(server/|scripts/|src/|console/)' },
    },
    {
      name: 'server-imports-no-script',
      severity: 'error',
      comment: 'The local cloud runs from its own code; scripts are command-line wrappers over it.',
      from: { path: '^server/', pathNot: TESTS },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|reports|\\.data)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
