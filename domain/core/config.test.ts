import { checkSettings, ConfigError, setting, settingRows, SETTINGS } from './config';

test('unset or blank settings take their defaults', () => {
  expect(setting('PORT', {})).toBe(8080);
  expect(setting('VACCINE_MAX_PERSONS', { VACCINE_MAX_PERSONS: '  ' })).toBe(5);
  expect(setting('CLOUD_MODE', { CLOUD_MODE: '' })).toBe('local');
  expect(setting('ALLOWED_HOSTS', {})).toEqual([]);
  expect(setting('PII_KEY', {})).toBeUndefined();
  expect(setting('MESSAGE_MINIPROGRAM_STATE', {})).toBe('formal');
});

test('values are parsed by their schema', () => {
  expect(setting('PORT', { PORT: '0' })).toBe(0);
  expect(setting('TOKEN_TTL_DAYS', { TOKEN_TTL_DAYS: '0.5' })).toBe(0.5);
  expect(setting('ALLOWED_HOSTS', { ALLOWED_HOSTS: ' A.example , ,b.example:8080' })).toEqual([
    'a.example',
    'b.example:8080',
  ]);
  expect(setting('CLOUD_MODE', { CLOUD_MODE: 'cloudbase' })).toBe('cloudbase');
  expect(setting('HOTSPOT_TEST_KILL_AT', { HOTSPOT_TEST_KILL_AT: 'redeem.taken:3' })).toBe('redeem.taken:3');
});

test('a value that does not fit is refused with an error naming the setting', () => {
  const bad: [keyof typeof SETTINGS, string][] = [
    ['VACCINE_MAX_PERSONS', 'abc'],
    ['VACCINE_MAX_PERSONS', '0'],
    ['VACCINE_MAX_PERSONS', '2.5'],
    ['PORT', '70000'],
    ['CLOUD_MODE', 'cloud'],
    ['TOKEN_TTL_DAYS', 'Infinity'],
    ['JOB_INTERVAL_MS', '50'],
    ['MESSAGE_MINIPROGRAM_STATE', 'beta'],
    ['ADMIN_OPENID', 'not an openid!'],
    ['HOTSPOT_TEST_KILL_AT', 'point:0'],
    ['PII_KEY', 'c2hvcnQ='],
  ];
  for (const [name, value] of bad) {
    let thrown: unknown;
    try {
      setting(name, { [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).setting).toBe(name);
    expect((thrown as ConfigError).message).toContain(name);
  }
});

test('a secret is never echoed in the error', () => {
  expect(() => setting('PII_KEY', { PII_KEY: 'short-secret' })).toThrow(/PII_KEY/);
  expect(() => setting('PII_KEY', { PII_KEY: 'short-secret' })).not.toThrow(/short-secret/);
  expect(() => setting('PORT', { PORT: 'eighty' })).toThrow(/"eighty"/);
});

test('read on each call: a change to process.env counts at once', () => {
  const saved = process.env.REQUEST_ASKS_PER_DAY;
  try {
    process.env.REQUEST_ASKS_PER_DAY = '9';
    expect(setting('REQUEST_ASKS_PER_DAY')).toBe(9);
    delete process.env.REQUEST_ASKS_PER_DAY;
    expect(setting('REQUEST_ASKS_PER_DAY')).toBe(5);
  } finally {
    if (saved === undefined) delete process.env.REQUEST_ASKS_PER_DAY;
    else process.env.REQUEST_ASKS_PER_DAY = saved;
  }
});

test('checkSettings names every bad setting of a place, and only of that place', () => {
  expect(() => checkSettings('local', {})).not.toThrow();
  const env = { PORT: 'x', POINTS_PICKUP_DAYS: '-1', ADMIN_OPENID: '!' };
  expect(() => checkSettings('local', env)).toThrow(/PORT[\s\S]*POINTS_PICKUP_DAYS/);
  expect(() => checkSettings('local', env)).not.toThrow(/ADMIN_OPENID/);
  expect(() => checkSettings('script', env)).toThrow(/ADMIN_OPENID/);
});

test('every row says where it applies and what it does; cloud settings name their functions', () => {
  for (const row of settingRows()) {
    expect(row.places.length).toBeGreaterThan(0);
    expect(row.description.trim()).not.toBe('');
    if (row.places.includes('cloud')) expect(row.functions.length).toBeGreaterThan(0);
  }
});
