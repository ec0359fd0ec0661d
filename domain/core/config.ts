import { z } from 'zod';

/**
 * Every environment setting in one table: its schema (with its default), where it takes effect and what it does.
 * Read lazily, on each call: tests and the local cloud change `process.env` at run time (the PII key is written
 * back once made), so a value is parsed again whenever its text changes. A value that does not fit its schema is refused with an
 * error naming the setting, rather than silently replaced by the default. `npm run config:table` writes the
 * README's table from here.
 */

/** Where a setting takes effect. */
export const PLACES = {
  local: '本地云 local cloud',
  cloud: '云函数 CloudBase function',
  build: '构建 weapp build',
  script: '脚本 npm script',
  test: '仅测试 test only',
} as const;
export type Place = keyof typeof PLACES;

interface SettingSpec<S extends z.ZodType> {
  schema: S;
  places: readonly Place[];
  /** The cloud functions that read it, when `places` includes `cloud`. */
  functions?: readonly string[];
  /** A secret: never echoed in an error. */
  secret?: boolean;
  description: string;
}

const spec = <S extends z.ZodType>(s: SettingSpec<S>): SettingSpec<S> => s;

const number = (checks: { min?: number; above?: number; max?: number; whole?: boolean }) => {
  let schema = z.coerce.number();
  if (checks.whole) schema = schema.int();
  if (checks.min !== undefined) schema = schema.min(checks.min);
  if (checks.above !== undefined) schema = schema.gt(checks.above);
  if (checks.max !== undefined) schema = schema.max(checks.max);
  return schema;
};
const text = () => z.string();
const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, '应为 32 字节的 base64 / must be 32 bytes, base64');

/** The functions that write messages (and so may send subscribe messages). */
const MESSAGE_WRITERS = ['user', 'stations', 'vaccine', 'points', 'requests'] as const;
const BOTH: readonly Place[] = ['local', 'cloud'];

export const SETTINGS = {
  // The local cloud (server/)
  PORT: spec({
    schema: number({ whole: true, min: 0, max: 65535 }).default(8080),
    places: ['local'],
    description: '本地云监听的端口（0 = 任选） / the port the local cloud listens on (0: any free one)',
  }),
  DATA_DIR: spec({
    schema: text().default('.data'),
    places: ['local', 'script'],
    description: '数据目录，相对项目根目录 / the data folder, relative to the project root (also `check:invariants`)',
  }),
  CLOUD_MODE: spec({
    schema: z.enum(['local', 'cloudbase']).default('local'),
    places: ['local'],
    description:
      '`cloudbase`：本地云改用 CloudBase 数据库，无开发登录 / `cloudbase` serves the app against CloudBase, without dev sign-in',
  }),
  JOB_INTERVAL_MS: spec({
    schema: number({ whole: true, min: 100 }).default(60_000),
    places: ['local'],
    description: '本地云运行定时任务的间隔（毫秒） / how often the local cloud runs the timer jobs (ms)',
  }),
  DEMO: spec({
    schema: z.enum(['on', 'off']).default('on'),
    places: ['local'],
    description:
      '首次启动写入演示数据；`off` 为生产模式：只写入积分细则和管理员（`ADMIN_OPENID`，默认 `admin`），没有驿站、接种点、商品、演示用户和活动 / seeds the demo on first start; `off` is production mode: point rules and the admin (`ADMIN_OPENID`, default `admin`) only — no stations, sites, goods, demo users or activities',
  }),
  DEMO_HISTORY: spec({
    schema: z.enum(['on', 'off']).default('on'),
    places: ['local'],
    description:
      "演示模式首次启动时，按过去的日期经各模块自己的操作写入一段演示历史（签到、预约、接种、兑换、群众点单、管理操作）；`off` 不写，测试用的本地云默认 `off` / on the demo's first start, seeds a past of demo activity through the modules' own actions with the clock set back; test clouds start with `off`",
  }),
  DEMO_HISTORY_DAYS: spec({
    schema: number({ whole: true, min: 7, max: 120 }).default(90),
    places: ['local'],
    description: '演示历史覆盖的天数 / how many days back the demo history reaches',
  }),
  ALLOWED_HOSTS: spec({
    schema: text()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter((host) => host !== ''),
      ),
    places: ['local'],
    description:
      '除 127.0.0.1、localhost 外允许的 Host，逗号分隔（`name` 或 `name:port`） / further accepted Host names, comma separated',
  }),
  TOKEN_TTL_DAYS: spec({
    schema: number({ above: 0, max: 365 }).default(7),
    places: ['local'],
    description: '开发登录令牌的有效天数（≤ 365） / how long a dev sign-in token lasts, in days',
  }),
  TCB_ENV_ID: spec({
    schema: text().optional(),
    places: ['local', 'script', 'test'],
    description:
      'CloudBase 环境 ID：`CLOUD_MODE=cloudbase`、`cloud:setup` 与存储契约测试 / the CloudBase environment for cloudbase mode, cloud:setup and the storage contract suite',
  }),
  TCB_SECRET_ID: spec({
    schema: text().optional(),
    places: ['local', 'script', 'test'],
    secret: true,
    description: '腾讯云 API 密钥 SecretId / a Tencent Cloud API key SecretId',
  }),
  TCB_SECRET_KEY: spec({
    schema: text().optional(),
    places: ['local', 'script', 'test'],
    secret: true,
    description: '与 SecretId 配对的 SecretKey / the SecretKey paired with it',
  }),

  // Personal data (both)
  PII_KEY: spec({
    schema: base64Key.optional(),
    places: BOTH,
    functions: ['vaccine', 'org', 'requests'],
    secret: true,
    description:
      '个人信息密钥：32 字节 base64（`openssl rand -base64 32`），各函数同值，**不可更改或丢失** / the personal-data key, the same on every function; never change or lose it',
  }),
  PII_KEY_FILE: spec({
    schema: text().optional(),
    places: ['local'],
    description:
      '本地：保存密钥的文件（不存在则生成，0600，须在数据目录之外） / locally, the key file (made once, outside DATA_DIR)',
  }),

  // Console sign-in, messages
  CONSOLE_LOGIN_KEY: spec({
    schema: text().optional(),
    places: ['cloud'],
    functions: ['admin'],
    secret: true,
    description:
      'CloudBase 自定义登录私钥 JSON，供管理后台扫码登录；无法解析视同未设置 / the custom-login private key JSON for console sign-in (unreadable counts as none)',
  }),
  MESSAGE_TEMPLATES: spec({
    schema: text().default(''),
    places: ['local', 'cloud', 'build'],
    functions: MESSAGE_WRITERS,
    description:
      '订阅消息模板 JSON：`module.kind` 或 `module.*` → `{ templateId, fields }`；也在构建小程序时设置；格式错误视同未设置（记录日志） / subscribe-message templates; also at weapp build time; malformed counts as none (logged)',
  }),
  MESSAGE_MINIPROGRAM_STATE: spec({
    schema: z.enum(['developer', 'trial', 'formal']).default('formal'),
    places: ['cloud'],
    functions: ['user'],
    description: '订阅消息打开的小程序版本 / which mini-program version a subscribe message opens',
  }),

  // Rules a county may adjust (both)
  POINTS_PICKUP_DAYS: spec({
    schema: number({ above: 0 }).default(7),
    places: BOTH,
    functions: ['points'],
    description: '兑换订单等待领取的天数，过期退分 / days an order waits for pickup before it expires and is refunded',
  }),
  ACTIVITY_MESSAGE_LIMIT: spec({
    schema: number({ whole: true, min: 0, max: 500 }).default(100),
    places: BOTH,
    functions: ['points'],
    description: '发布活动时最多通知的人数 / at most this many people are told of a published activity',
  }),
  VACCINE_MAX_PERSONS: spec({
    schema: number({ whole: true, min: 1 }).default(5),
    places: BOTH,
    functions: ['vaccine'],
    description: '一个用户可为多少人预约接种 / how many people one user may book vaccinations for',
  }),
  VACCINE_VERIFY_EARLY_DAYS: spec({
    schema: number({ min: 0 }).default(0),
    places: BOTH,
    functions: ['vaccine'],
    description: '接种码可提前多少天核销 / how many days before its date an appointment may be verified',
  }),
  BOOKING_ACTIVE_LIMIT: spec({
    schema: number({ whole: true, min: 0 }).default(3),
    places: BOTH,
    functions: ['stations'],
    description: '一人同时可持有的有效预约数 / active bookings one person may hold at once',
  }),
  BOOKING_CANCEL_BEFORE_MIN: spec({
    schema: number({ min: 0 }).default(30),
    places: BOTH,
    functions: ['stations'],
    description: '开始前多少分钟停止取消预约 / cancelling closes this many minutes before the start',
  }),
  BOOKING_REMIND_BEFORE_MIN: spec({
    schema: number({ min: 0 }).default(60),
    places: BOTH,
    functions: ['stations'],
    description: '开始前多少分钟发预约提醒 / a reminder goes out this many minutes before the start',
  }),
  BOOKING_CHECKIN_EARLY_MIN: spec({
    schema: number({ min: 0 }).default(15),
    places: BOTH,
    functions: ['stations'],
    description: '开始前多少分钟起可核销预约 / check-in opens this many minutes before the start',
  }),
  MAP_MAX_SPEED_KMH: spec({
    schema: number({ above: 0, max: 1200 }).default(200),
    places: BOTH,
    functions: ['stations'],
    description:
      '红色打卡：两次打卡之间最快可信的行进速度（公里/小时），更快视为不可能到达 / the fastest believable travel between two check-ins (km/h); faster is refused as impossible',
  }),
  STAR_WEIGHTS: spec({
    schema: text()
      .default('meetings:30,attendance:20,finishRate:15,satisfaction:10,serviceHours:15,pointsActivity:10')
      .transform((value, ctx) => {
        const keys = ['meetings', 'attendance', 'finishRate', 'satisfaction', 'serviceHours', 'pointsActivity'];
        const out: Record<string, number> = {};
        for (const part of value.split(',')) {
          const [key, weight] = part.split(':').map((s) => s.trim());
          const n = Number(weight);
          if (!key || !keys.includes(key) || !Number.isFinite(n) || n < 0) {
            ctx.addIssue({
              code: 'custom',
              message: `应为 ${keys.join('、')} 各自的权重（非负数）/ weights of ${keys.join(', ')}`,
            });
            return z.NEVER;
          }
          out[key] = n;
        }
        const sum = keys.reduce((total, key) => total + (out[key] ?? 0), 0);
        if (keys.some((key) => out[key] === undefined) || Math.abs(sum - 100) > 1e-9) {
          ctx.addIssue({ code: 'custom', message: '六项权重须齐全且合计 100 / all six weights, summing to 100' });
          return z.NEVER;
        }
        return out as Record<
          'meetings' | 'attendance' | 'finishRate' | 'satisfaction' | 'serviceHours' | 'pointsActivity',
          number
        >;
      }),
    places: BOTH,
    functions: ['admin'],
    description:
      '达标创星：各项在 100 分中的权重（会议按要求召开、出勤率、点单办结率、满意率、服务时长、积分活跃），为可调整的默认值，并非文章规定 / star ratings: the weight of each figure in the 100-point score — a default to adjust, not a rule from the articles',
  }),
  STAR_THRESHOLDS: spec({
    schema: text()
      .default('60,70,80,90,95')
      .transform((value, ctx) => {
        const steps = value.split(',').map((s) => Number(s.trim()));
        const rising = steps.every(
          (n, i) => Number.isFinite(n) && n >= 0 && n <= 100 && (i === 0 || n > steps[i - 1]!),
        );
        if (steps.length !== 5 || !rising) {
          ctx.addIssue({ code: 'custom', message: '应为 5 个递增的分数（0–100）/ five rising scores (0–100)' });
          return z.NEVER;
        }
        return steps;
      }),
    places: BOTH,
    functions: ['admin'],
    description:
      '达标创星：一至五星各自的最低得分（默认值，可调整） / star ratings: the least score for one to five stars (a default)',
  }),
  STAR_SERVICE_HOURS_PER_MEMBER: spec({
    schema: number({ above: 0, max: 200 }).default(2),
    places: BOTH,
    functions: ['admin'],
    description:
      '达标创星：一季度人均服务时长达到多少小时得满分（默认值） / star ratings: service hours a member a quarter that earn the full weight (a default)',
  }),
  REQUEST_ACCEPT_HOURS: spec({
    schema: number({ above: 0 }).default(24),
    places: BOTH,
    functions: ['requests'],
    description: '群众点单须在多少小时内受理 / hours a branch has to accept a request',
  }),
  REQUEST_FINISH_DAYS: spec({
    schema: number({ above: 0 }).default(7),
    places: BOTH,
    functions: ['requests'],
    description: '受理后多少天内办结 / days to finish an accepted request',
  }),
  REQUEST_ASKS_PER_DAY: spec({
    schema: number({ above: 0 }).default(5),
    places: BOTH,
    functions: ['requests'],
    description: '每人每天可点单次数 / asks a person a day',
  }),
  REQUEST_ACTIVE_CLAIMS: spec({
    schema: number({ above: 0 }).default(3),
    places: BOTH,
    functions: ['requests'],
    description: '每人同时可认领的任务数 / active claims a person may hold',
  }),
  REQUEST_PROGRESS_PER_DAY: spec({
    schema: number({ above: 0 }).default(10),
    places: BOTH,
    functions: ['requests'],
    description: '认领人每单每天可报进展次数 / progress notes a claimant a request a day',
  }),
  PICTURE_RECHECKS: spec({
    schema: number({ whole: true, min: 0, max: 24 }).default(3),
    places: BOTH,
    functions: ['requests'],
    description:
      '照片审核结果一小时未到时再送审的次数，用完仍无结果的照片删除并告知上传人 / times a picture whose verdict did not come within the hour is submitted again; after the last it is removed and its uploader told',
  }),
  HOTSPOT_INTENT_GRACE_MS: spec({
    schema: number({ min: 0 }).default(120_000),
    places: BOTH,
    functions: ['points', 'stations', 'vaccine', 'requests'],
    description:
      "中断请求的意图在多久之后才修复（毫秒，须长于函数最长运行时间） / how long a dead request's intent waits before repair (ms; longer than a function can run)",
  }),

  // Build and scripts
  CLOUD_ENV: spec({
    schema: text().trim().optional(),
    places: ['build'],
    description:
      '小程序调用的 CloudBase 环境 ID，正式构建必填 / the CloudBase environment the weapp calls; required for a production weapp build',
  }),
  CONSOLE_URL: spec({
    schema: text().trim().default(''),
    places: ['build'],
    description:
      "管理后台的网址，小程序在空列表上告诉管理员到哪里添加 / the desk console's address, which the weapp shows an admin on an empty list",
  }),
  MAP_TILE_URL: spec({
    schema: text().trim().default(''),
    places: ['build'],
    description:
      "H5 党建地图的瓦片地址模板（GCJ-02，含密钥）；留空则画离线网格，本地与测试不联网 / the H5 map's GCJ-02 tile URL template with its key; empty draws an offline grid, so nothing reaches the internet",
  }),
  ENV_ID: spec({
    schema: text().trim().optional(),
    places: ['script'],
    description:
      '`cloud:setup` 与 `tcb fn deploy` 的环境 ID（`cloud:setup` 也接受 TCB_ENV_ID） / the environment id for cloud:setup and tcb fn deploy',
  }),
  ADMIN_OPENID: spec({
    schema: text()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '不像一个 openid（字母、数字、-、_） / does not look like an openid')
      .optional(),
    places: ['script'],
    description: '`cloud:setup` 设为管理员的 openid / the openid cloud:setup makes an administrator',
  }),
  NODE_ENV: spec({
    schema: text().optional(),
    places: ['local', 'build', 'test'],
    description: 'Taro 构建模式；jest 设为 `test`（不打印密钥文件警告） / the Taro build mode; jest sets `test`',
  }),

  // Test hooks: unset in production.
  XFYZ_CLOCK: spec({
    schema: text().optional(),
    places: ['local', 'test'],
    description:
      '从该时刻起运行的时钟（domain/core/clock.ts 自行读写） / start the clock at this instant (read and written back by domain/core/clock.ts)',
  }),
  HOTSPOT_TEST_KILL_AT: spec({
    schema: text()
      .regex(/^[^:]+(:[1-9]\d*)?$/, '应为 <point>[:n] / must be <point>[:n]')
      .optional(),
    places: ['test'],
    description:
      '在第 n 次到达该点时 kill -9 自己 / the process kills itself the n-th time a request reaches this point',
  }),
  CRASH_AT: spec({
    schema: number({ whole: true, min: 0 }).default(0),
    places: ['test'],
    description: "崩溃子进程在第几次转账时撕裂提交 / the crash child tears this transfer's commit",
  }),
  LOCALDB_FAULT: spec({
    schema: z.enum(['torn-commit']).optional(),
    places: ['test'],
    description: '`torn-commit`：多文档提交写到一半时 kill -9 / die half way through a multi-document commit',
  }),
  FAULT_STATS: spec({
    schema: text().optional(),
    places: ['test'],
    description: '磁盘故障测试打印各种子的统计 / the disk-fault suite prints its counts per seed',
  }),
  CHROMIUM_PATH: spec({
    schema: text().default('/usr/bin/chromium'),
    places: ['test'],
    description: '浏览器测试与基准使用的 Chromium / the Chromium of the browser tests and the benchmarks',
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<K extends SettingName> = z.output<(typeof SETTINGS)[K]['schema']>;
type Env = Readonly<Record<string, string | undefined>>;

/** A setting whose value does not fit: the message names it, in Chinese and English. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** An empty or blank value counts as unset (`CLOUD_ENV= npm run …`). */
const present = (raw: string | undefined): string | undefined =>
  raw === undefined || raw.trim() === '' ? undefined : raw;

const specOf = (name: SettingName): SettingSpec<z.ZodType> => SETTINGS[name];

/** The setting's value now, its default when unset; throws a ConfigError when it does not fit. */
/** The last value parsed per setting, keyed by its raw text: reads stay live, and the hot path parses once. */
const lastParsed = new Map<SettingName, { raw: string | undefined; value: unknown }>();

export function setting<K extends SettingName>(name: K, env: Env = process.env): SettingValue<K> {
  const raw = present(env[name]);
  const last = lastParsed.get(name);
  if (last && last.raw === raw) return last.value as SettingValue<K>;
  const { schema, secret } = specOf(name);
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    lastParsed.set(name, { raw, value: parsed.data });
    return parsed.data as SettingValue<K>;
  }
  const shown = secret ? '（已隐藏 hidden）' : JSON.stringify(raw);
  const why = parsed.error.issues.map((issue) => issue.message).join('; ');
  throw new ConfigError(name, `环境变量 ${name}=${shown} 不正确 / invalid environment setting ${name}: ${why}`);
}

/** Checks every setting of a place at once (at start-up), naming all that do not fit. */
export function checkSettings(place: Place, env: Env = process.env): void {
  const problems: ConfigError[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    if (!specOf(name).places.includes(place)) continue;
    try {
      setting(name, env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1)
    throw new ConfigError(problems.map((p) => p.setting).join(','), problems.map((p) => p.message).join('\n'));
}

export interface SettingRow {
  name: SettingName;
  places: readonly Place[];
  functions: readonly string[];
  /** The default as text; empty when unset by default. */
  defaultText: string;
  description: string;
}

/** The table as rows, in the table's order (for the README). */
export function settingRows(): SettingRow[] {
  return (Object.keys(SETTINGS) as SettingName[]).map((name) => {
    const s = specOf(name);
    const fallback: unknown = s.schema.safeParse(undefined).data;
    const defaultText =
      fallback === undefined || fallback === '' || (Array.isArray(fallback) && fallback.length === 0)
        ? ''
        : String(fallback);
    return { name, places: s.places, functions: s.functions ?? [], defaultText, description: s.description };
  });
}
