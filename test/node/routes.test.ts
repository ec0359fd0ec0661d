/** src/routes.ts names every page src/app.config.ts declares, no more and no fewer; its tab routes are the tab bar. */
import { ROUTES, TAB_ROUTES, routeUrl } from '../../src/routes';

interface DeclaredPages {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

/** app.config.ts as Taro reads it: `defineAppConfig` is a global of Taro's build, the identity function. */
function appConfig(): DeclaredPages {
  Object.assign(globalThis, { defineAppConfig: (config: unknown) => config });
  return (require('../../src/app.config') as { default: DeclaredPages }).default;
}

test('every page app.config.ts declares has a route, and every route is declared', () => {
  const config = appConfig();
  const declared = [
    ...config.pages,
    ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ].map((page) => `/${page}`);
  expect([...Object.values(ROUTES)].sort()).toEqual([...declared].sort());
  expect(new Set(Object.values(ROUTES)).size).toBe(Object.values(ROUTES).length);
});

test('the tab routes are the tab bar, in its order', () => {
  expect(TAB_ROUTES).toEqual(appConfig().tabBar.list.map((tab) => `/${tab.pagePath}`));
});

test('routeUrl encodes each value and leaves out undefined ones', () => {
  expect(routeUrl('mine')).toBe('/pages/mine/index');
  expect(routeUrl('login', { from: ROUTES.mine })).toBe('/pages/login/index?from=%2Fpages%2Fmine%2Findex');
  expect(routeUrl('bookingItem', { id: 'it-1', name: '法律 咨询&' })).toBe(
    '/packages/booking/pages/item/index?id=it-1&name=%E6%B3%95%E5%BE%8B%20%E5%92%A8%E8%AF%A2%26',
  );
  expect(routeUrl('mallOrders', { fresh: 1, page: undefined })).toBe('/packages/mall/pages/orders/index?fresh=1');
});
