/** The desktop layout: side menu, header with who is signed in, and the page (each page its own chunk). */
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Layout } from 'tdesign-react/esm/layout';
import { Loading } from 'tdesign-react/esm/loading';
import { Menu } from 'tdesign-react/esm/menu';
import { AccessContext, accessOf, type Access } from './access';
import { call, messageOf, type Me } from './api';
import { go, useRoute } from './router';
import { PageBoundary } from './ui/boundary';
import { ErrorNotice } from './ui/notice';
import { formatDateTime } from './ui/format';
import { getSession } from './session';

interface PageDef {
  route: string;
  title: string;
  page: LazyExoticComponent<ComponentType>;
  /** Who sees it in the menu; the server checks every action again whatever the menu shows. */
  roles: readonly string[];
  /** A further condition on the person's scope (the audit log is the system admin's alone). */
  only?: (access: Access) => boolean;
}

const ADMIN = ['admin'] as const;
const ADMIN_SECRETARY = ['admin', 'secretary'] as const;
const ADMIN_STAFF = ['admin', 'staff'] as const;

export const PAGES: PageDef[] = [
  { route: 'dashboard', title: '数据看板', page: lazy(() => import('./pages/DashboardPage')), roles: ADMIN_SECRETARY },
  { route: 'requests', title: '群众点单', page: lazy(() => import('./pages/RequestsPage')), roles: ADMIN_SECRETARY },
  {
    route: 'members',
    title: '党员与加入支部申请',
    page: lazy(() => import('./pages/MembersPage')),
    roles: ADMIN_SECRETARY,
  },
  { route: 'branches', title: '组织架构', page: lazy(() => import('./pages/BranchesPage')), roles: ADMIN_SECRETARY },
  { route: 'roles', title: '角色与工作人员', page: lazy(() => import('./pages/RolesPage')), roles: ADMIN },
  { route: 'goods', title: '积分商品', page: lazy(() => import('./pages/GoodsPage')), roles: ADMIN },
  {
    route: 'activities',
    title: '积分细则与活动',
    page: lazy(() => import('./pages/ActivitiesPage')),
    roles: ADMIN_SECRETARY,
  },
  {
    route: 'notices',
    title: '通知与政治生日',
    page: lazy(() => import('./pages/NoticesPage')),
    roles: ADMIN_SECRETARY,
  },
  { route: 'meetings', title: '三会一课', page: lazy(() => import('./pages/MeetingsPage')), roles: ADMIN_SECRETARY },
  { route: 'stars', title: '达标创星', page: lazy(() => import('./pages/StarsPage')), roles: ADMIN_SECRETARY },
  { route: 'stations', title: '驿站与预约项目', page: lazy(() => import('./pages/StationsPage')), roles: ADMIN_STAFF },
  { route: 'sites', title: '疫苗接种点', page: lazy(() => import('./pages/SitesPage')), roles: ADMIN_STAFF },
  { route: 'map', title: '党建地图', page: lazy(() => import('./pages/MapPage')), roles: ADMIN_SECRETARY },
  {
    route: 'audit',
    title: '操作日志',
    page: lazy(() => import('./pages/AuditPage')),
    roles: ADMIN,
    // admin.audit is system-wide: a county admin is refused it (domain/audit/search.ts).
    only: (access) => access.systemAdmin,
  },
];

/** Where the person acts, in the header: 全系统, a county, a branch, or how many stations and sites. */
function scopeWords({ me, staff }: Access): string {
  if (staff) return `负责 ${me.scope.stationIds.length} 个驿站、${me.scope.siteIds.length} 个接种点`;
  return me.scope.unitName ? `管理范围：${me.scope.unitName}` : '';
}

/** The pages a person may open: by role, then by scope. */
export const pagesFor = (access: Access): PageDef[] =>
  PAGES.filter((p) => p.roles.includes(access.me.role) && (p.only?.(access) ?? true));

export function Shell({ onSignOut }: { onSignOut(): void }) {
  const route = useRoute();
  const [me, setMe] = useState<Me | null>(null);
  const [meError, setMeError] = useState<string | null>(null);
  const access = useMemo(() => (me ? accessOf(me) : null), [me]);
  // Pages open once `me` has answered: each shows only what this person may act on.
  const pages = access ? pagesFor(access) : [];
  const current = pages.find((p) => p.route === route) ?? pages[0] ?? null;

  useEffect(() => {
    call('user', 'me').then(setMe, (e: unknown) => setMeError(messageOf(e)));
  }, []);
  useEffect(() => {
    document.title = `${current?.title ?? '管理后台'} · 先锋驿站管理后台`;
  }, [current]);

  const Page = current?.page;
  const session = getSession();
  return (
    <Layout className="shell">
      <Layout.Aside className="shell__aside" width="208px">
        <div className="shell__brand">
          先锋驿站<span>管理后台</span>
        </div>
        <Menu value={current?.route} onChange={(v) => go(String(v))} width="208px" className="shell__menu">
          {pages.map((p) => (
            <Menu.MenuItem key={p.route} value={p.route} className={`menu--${p.route}`}>
              {p.title}
            </Menu.MenuItem>
          ))}
        </Menu>
      </Layout.Aside>
      <Layout>
        <Layout.Header className="shell__header">
          <h1 className="shell__title">{current?.title ?? '管理后台'}</h1>
          <div className="shell__who">
            {me ? (
              <span className="shell__me">
                {me.nickname}
                <span className="shell__role">{me.roleLabel}</span>
                {access ? <span className="shell__scope">{scopeWords(access)}</span> : null}
              </span>
            ) : null}
            {session ? (
              <span
                className="shell__session"
                title="每次扫码登录有效 8 小时，可在小程序「我的 → 管理后台登录」中退出"
              >{`登录有效至 ${formatDateTime(session.expiresAt)}`}</span>
            ) : null}
            <Button variant="text" className="shell__sign-out" onClick={onSignOut}>
              退出登录
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="shell__content">
          <ErrorNotice message={meError} title="无法读取当前登录人" />
          {!access ? (
            meError ? null : (
              <Loading className="shell__loading" text="正在读取登录信息…" />
            )
          ) : Page && current ? (
            <AccessContext.Provider value={access}>
              <PageBoundary key={current.route}>
                <Suspense fallback={<Loading className="shell__loading" text="正在加载页面…" />}>
                  <Page />
                </Suspense>
              </PageBoundary>
            </AccessContext.Provider>
          ) : (
            <ErrorNotice
              title="没有可用的页面"
              message={`当前账号（${me?.roleLabel ?? ''}）没有管理后台权限，请让管理员设置角色后重新登录。`}
            />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
