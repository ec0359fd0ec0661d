/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * The 党建地图 page of the built weapp (dist/weapp, the map subpackage) rendered by miniprogram-simulate: the native
 * `map` component's `markers` data holds the points the server answered for the visible area — every seeded place
 * on the map either as its own marker at its GCJ-02 position or inside a cluster that counts it. As in weapp.test.ts,
 * only the CloudBase network is replaced: `wx.cloud.callFunction` goes to the real routers over a seeded database.
 */
import { clock } from '../../domain/core/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { LocalDatabase } from '../../domain/db/local/engine';
import type { Marker } from '../../domain/map';
import { DEMO_LANDMARKS } from '../../domain/seed/map-data';
import { seedIfEmpty } from '../../domain/seed/seed';

const DIST = path.resolve(__dirname, '../../dist/weapp');
type Options = Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;

let db: LocalDatabase;
/** The map's own answers (not the list's, which asks at zoom 20). */
const answers: { bounds: { south: number; west: number; north: number; east: number }; markers: Marker[] }[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.js')))
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-weapp-map-')));
  await seedIfEmpty(db, clock.now());
  let app: Options = {};
  const pages: Options[] = [];
  g.App = (options: Options) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (options: Options) => {
    const { data, onLoad, onShow, onReady, onUnload, ...methods } = options;
    const component = g.Component as (o: Options) => void;
    component({
      data,
      methods: { ...methods, onLoad, onShow, onReady, onUnload },
      lifetimes: {
        attached(this: Options) {
          pages.push(this);
          (onLoad as ((q: object) => void) | undefined)?.call(this, {});
          (onShow as (() => void) | undefined)?.call(this);
        },
        ready(this: Options) {
          (onReady as (() => void) | undefined)?.call(this);
        },
      },
    });
  };
  const wx = g.wx as Record<string, unknown>;
  wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: { action: string; zoom?: number } }) => {
      const result = (await FUNCTIONS[name]!.handle(data, {
        db,
        caller: { openid: 'demo-member' },
        now: Date.now,
      })) as { ok: boolean; data: { markers: Marker[] } };
      if (data.action === 'mapMarkers' && data.zoom !== 20 && result.ok)
        answers.push({
          bounds: (data as never as { bounds: (typeof answers)[number]['bounds'] }).bounds,
          markers: result.data.markers,
        });
      return { result, errMsg: 'cloud.callFunction:ok' };
    },
  };
  wx.getSystemInfoSync ??= () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 });
  wx.createMapContext ??= () => ({
    getRegion: () => undefined,
    getScale: () => undefined,
    includePoints: () => undefined,
  });
  require(path.join(DIST, 'app.js'));
  (app.onLaunch as ((o: object) => void) | undefined)?.call(app, { path: 'pages/index/index', query: {} });
}, 60_000);

afterAll(() => db?.close());

type NativeMarker = { id: number; latitude: number; longitude: number; title?: string; label?: { content: string } };

/**
 * The `markers` of the native map in the page's render data. Taro keeps the node tree there (`root.cn`), a
 * component's attributes on its node under short keys (the map's `markers` as `p17` in this build): the map is the
 * node with `uid` xf-map, and its markers the array of points ({ id, latitude, longitude }) among its attributes.
 */
function markersIn(data: unknown): NativeMarker[] | null {
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = markersIn(d);
      if (found) return found;
    }
  } else if (data && typeof data === 'object') {
    const node = data as Record<string, unknown>;
    if (node.uid === 'xf-map')
      for (const value of Object.values(node))
        if (Array.isArray(value) && value.length > 0 && value.every((m) => typeof m?.latitude === 'number'))
          return value as NativeMarker[];
    for (const value of Object.values(node)) {
      const found = markersIn(value);
      if (found) return found;
    }
  }
  return null;
}

test('the map page’s native map holds the visible area’s markers: the seeded places, each once', async () => {
  const id = simulate.load(path.join(DIST, 'packages/map/pages/map/index'), { rootPath: DIST });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  let shown: NativeMarker[] = [];
  for (let i = 0; i < 200 && shown.length === 0; i += 1) {
    await simulate.sleep(25);
    shown = markersIn((comp.instance as unknown as { data: unknown }).data) ?? [];
  }
  expect(answers.length).toBeGreaterThan(0);
  const answer = answers[answers.length - 1]!;
  // The native markers are the server's answer, in order, at the same points.
  expect(shown.map((m) => [m.id, m.latitude, m.longitude])).toEqual(answer.markers.map((m, i) => [i, m.lat, m.lng]));
  // Every seeded place inside the visible area is on the map: as its own marker (its name as the title) or
  // counted by the one cluster whose bounds hold it.
  const { bounds } = answer;
  const inside = DEMO_LANDMARKS.filter(
    (l) =>
      l.location.lat >= bounds.south &&
      l.location.lat <= bounds.north &&
      l.location.lng >= bounds.west &&
      l.location.lng <= bounds.east,
  );
  expect(inside.length).toBeGreaterThan(0);
  for (const l of inside) {
    const own = answer.markers.findIndex((m) => m.type === 'place' && m.landmarkId === l._id);
    if (own >= 0) {
      expect(shown[own]).toMatchObject({ latitude: l.location.lat, longitude: l.location.lng });
      continue;
    }
    const holding = answer.markers.filter(
      (m) =>
        m.type === 'cluster' &&
        l.location.lat >= m.bounds.south &&
        l.location.lat <= m.bounds.north &&
        l.location.lng >= m.bounds.west &&
        l.location.lng <= m.bounds.east,
    );
    expect(holding.length).toBeGreaterThan(0);
  }
  // Clusters show their count; the places and clusters together count every place of the area the server has.
  for (const [i, m] of answer.markers.entries())
    if (m.type === 'cluster') expect(shown[i]!.label?.content).toBe(String(m.count));
  const counted = answer.markers.reduce((n, m) => n + (m.type === 'cluster' ? m.count : 1), 0);
  expect(counted).toBeGreaterThanOrEqual(inside.length);
});
