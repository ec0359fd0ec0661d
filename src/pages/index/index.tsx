import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ServiceGrid, { openEntry, type GridEntry } from '../../components/grid';
import { ElderPage, useElderMode } from '../../components/elder-mode';
import { a11y } from '../../components/layout/a11y';
import { Icon } from '../../components/picture/icon';
import { useResource } from '../../components/resource';
import { needsSignIn } from '../../services/session';
import { getOverview, type NextUp, type Overview } from '../../services/overview';
import { getRequestFigures, type Figures } from '../../services/request-figures';
import { getNotices } from '../../services/notices';
import { formatClock, formatTime } from '../../utils/time';
import { ROUTES, TAB_ROUTES, routeUrl } from '../../routes';
import './index.scss';

type Work = Overview['work'];

/** The services every resident has, in the order people reach for them. */
function services(o: Overview | null): GridEntry[] {
  const c = o?.counts;
  return [
    {
      key: 'help',
      label: '群众点单',
      icon: 'heart',
      url: ROUTES.helpAsk,
      tint: 'linear-gradient(135deg, #e4393c, #a8071a)',
    },
    { key: 'stations', label: '驿站预约', icon: 'flag', url: ROUTES.stations, tab: true },
    {
      key: 'vaccine',
      label: '疫苗接种',
      icon: 'syringe',
      url: ROUTES.vaccine,
      tab: true,
      tint: 'linear-gradient(135deg, #13a8a8, #006d75)',
    },
    {
      key: 'mall',
      label: '积分兑换',
      icon: 'gift',
      url: ROUTES.mallGoods,
      tint: 'linear-gradient(135deg, #fa8c16, #ad4e00)',
    },
    {
      key: 'bookings',
      label: '我的预约',
      icon: 'calendar',
      url: ROUTES.bookingMine,
      badge: c?.bookings,
      tint: 'linear-gradient(135deg, #4096ff, #0958d9)',
    },
    {
      key: 'vaccinations',
      label: '接种记录',
      icon: 'list',
      url: ROUTES.vaccineMine,
      badge: c?.vaccinations,
      tint: 'linear-gradient(135deg, #13a8a8, #006d75)',
    },
    {
      key: 'people',
      label: '接种人',
      icon: 'people',
      url: ROUTES.vaccinePeople,
      tint: 'linear-gradient(135deg, #9254de, #531dab)',
    },
    {
      key: 'orders',
      label: '兑换订单',
      icon: 'bag',
      url: ROUTES.mallOrders,
      badge: c?.orders,
      tint: 'linear-gradient(135deg, #fa8c16, #ad4e00)',
    },
    {
      key: 'messages',
      label: '消息',
      icon: 'bell',
      url: ROUTES.messagesInbox,
      tint: 'linear-gradient(135deg, #4096ff, #0958d9)',
    },
    ...(o?.member
      ? ([
          { key: 'points', label: '我的积分', icon: 'star', url: ROUTES.points, tab: true },
          { key: 'ranking', label: '积分排行', icon: 'trophy', url: ROUTES.mallRanking },
        ] satisfies GridEntry[])
      : []),
  ];
}

/** The shortcuts staff and admins use every day, under their counts. */
const STAFF_ENTRIES: GridEntry[] = [
  { key: 'verify', label: '核销与签到', icon: 'scan', url: ROUTES.staffVerify },
  { key: 'roster', label: '预约名单', icon: 'list', url: ROUTES.staffRoster },
  { key: 'vaccine-roster', label: '接种名单', icon: 'syringe', url: ROUTES.staffVaccineRoster },
];
const ADMIN_ENTRIES: GridEntry[] = [
  { key: 'admin-points', label: '积分管理', icon: 'star', url: ROUTES.adminPoints },
  { key: 'admin-slots', label: '时段管理', icon: 'calendar', url: ROUTES.adminSlots },
];

/**
 * Every count of the work area, by its field in the overview's work block (balance: a member's): its label, what
 * it counts, and the page where the work is done. A role shows those its block carries, in this order.
 */
const TILES: Record<string, [label: string, unit: string, url: string]> = {
  balance: ['我的积分', '分', ROUTES.points],
  openActivities: ['活动签到', '个可签到', ROUTES.points],
  hall: ['任务大厅', '件待认领', ROUTES.helpHall],
  tasks: ['我的任务', '件办理中', ROUTES.helpTasks],
  todayBookings: ['今日预约', '人', ROUTES.staffRoster],
  todayCheckedIn: ['今日已核销', '人', ROUTES.staffVerify],
  todayAppointments: ['今日接种预约', '人', ROUTES.staffVaccineRoster],
  todayVaccinated: ['今日已接种', '人', ROUTES.staffVerify],
  pendingRequests: ['群众点单', '件待受理', ROUTES.helpQueue],
  pendingApplications: ['加入支部申请', '人待审核', ROUTES.orgApplications],
  pendingVolunteers: ['志愿者登记', '人待审核', routeUrl('helpQueue', { tab: 'volunteers' })],
  overdueRequests: ['超时点单', '件需督办', ROUTES.helpQueue],
  pendingOrders: ['兑换订单', '件待领取', ROUTES.adminPoints],
};

/** The role's own counts, as [field, value]: what the home page puts first (overdue 点单 only when there are some). */
function workTiles(o: Overview): [string, number][] {
  const w: Record<string, unknown> = { ...o.work, balance: o.work.kind === 'member' ? (o.member?.balance ?? 0) : null };
  return Object.keys(TILES).flatMap((k): [string, number][] => {
    const v = w[k];
    return typeof v === 'number' && (k !== 'overdueRequests' || v > 0) ? [[k, v]] : [];
  });
}

function WorkTiles({ tiles }: { tiles: [string, number][] }) {
  return (
    <View className="home-tiles">
      {tiles.map(([key, value]) => {
        const [label, unit, url] = TILES[key]!;
        return (
          <View
            key={key}
            className={`home-tile home-tile--${key} ${value > 0 ? 'home-tile--some' : ''}`}
            {...a11y({ role: 'link', label: `${label}：${value} ${unit}` })}
            onClick={() => openEntry({ url, tab: TAB_ROUTES.includes(url) })}
          >
            <Text className="home-tile__label">{label}</Text>
            <View className="home-tile__count">
              <Text className="home-tile__value">{String(value)}</Text>
              <Text className="home-tile__unit">{unit}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** A line in the work area: what it is, its title, when or how far; opens where it is dealt with. */
function Line({ lead, title, meta, onClick }: { lead: string; title: string; meta: string; onClick: () => void }) {
  return (
    <View className="home-next" {...a11y({ role: 'link', label: `${lead}：${title}，${meta}` })} onClick={onClick}>
      <View className="home-next__head">
        <Text className="home-next__kind">{lead}</Text>
      </View>
      <View className="home-next__title">{title}</View>
      <View className="home-next__place">{meta}</View>
    </View>
  );
}

/** A member's next check-in, a branch's next meeting: on the points tab. */
function ActivityLine({
  a,
  lead,
}: {
  a: NonNullable<Extract<Work, { kind: 'member' }>['nextActivity']>;
  lead: string;
}) {
  return (
    <Line
      lead={lead}
      title={a.title}
      meta={a.place ? `${formatTime(a.start)} · ${a.place}` : formatTime(a.start)}
      onClick={() => void Taro.switchTab({ url: ROUTES.points })}
    />
  );
}

const ASK_HINT = '有困难、有心愿，告诉社区党支部，受理后由党员来办';

/** The empty state of 群众点单 with its next action: ask. */
function AskInvite() {
  return (
    <View
      className="home-next home-next--empty home-ask"
      {...a11y({ role: 'button', label: `${ASK_HINT}。我要点单` })}
      onClick={() => void Taro.navigateTo({ url: ROUTES.helpAsk })}
    >
      <Text className="home-next__hint">{ASK_HINT}</Text>
      <Text className="home-next__go">我要点单 ›</Text>
    </View>
  );
}

/** A resident's 群众点单: the latest one's progress, or an invitation to ask. */
function MyRequests({ w }: { w: Extract<Work, { kind: 'resident' }> }) {
  const latest = w.latestRequest;
  if (!latest) return <AskInvite />;
  return (
    <Line
      lead={w.toConfirm > 0 ? `${w.toConfirm} 件待你确认` : '我的点单'}
      title={latest.title}
      meta={`${latest.statusLabel}${w.activeRequests > 1 ? ` · 共 ${w.activeRequests} 件在办` : ''}`}
      onClick={() => void Taro.navigateTo({ url: routeUrl('helpDetail', { id: latest.id }) })}
    />
  );
}

/** The work area: the role's counts first, then its daily shortcuts. Residents get their next booking and 点单. */
function WorkArea({ o }: { o: Overview }) {
  const w = o.work;
  const tiles = workTiles(o);
  const entries =
    w.kind === 'staff'
      ? STAFF_ENTRIES
      : w.kind === 'admin' || w.kind === 'countyAdmin'
        ? [...STAFF_ENTRIES, ...ADMIN_ENTRIES]
        : [];
  const title = w.kind === 'resident' ? '我的办事' : w.kind === 'member' ? '党员先锋' : '工作台';
  const note = o.scopeName ? `${o.roleLabel} · ${o.scopeName}` : o.roleLabel;
  return (
    <View className={`home-section home-work home-work--${w.kind}`}>
      <View className="home-section__title">
        <Text>{title}</Text>
        <Text className="home-section__note">{note}</Text>
      </View>
      {tiles.length > 0 ? <WorkTiles tiles={tiles} /> : null}
      {w.kind === 'member' && w.nextActivity ? (
        <ActivityLine a={w.nextActivity} lead={w.openActivities > 0 ? '正在签到' : '近期活动'} />
      ) : null}
      {w.kind === 'secretary' && w.nextActivity ? <ActivityLine a={w.nextActivity} lead="支部活动" /> : null}
      {w.kind === 'resident' ? (
        <>
          <NextCard next={o.next} signedOut={false} />
          <MyRequests w={w} />
        </>
      ) : null}
      {entries.length > 0 ? <ServiceGrid entries={entries} className="home-work__grid" /> : null}
    </View>
  );
}

function NextCard({ next, signedOut }: { next: NextUp | null; signedOut: boolean }) {
  if (signedOut) {
    return (
      <View
        className="home-next home-next--empty"
        {...a11y({ role: 'button', label: '登录后查看我的预约' })}
        onClick={() => void Taro.navigateTo({ url: routeUrl('login', { from: ROUTES.home }) })}
      >
        <Text className="home-next__hint">登录后查看我的预约、订单和消息</Text>
        <Text className="home-next__go">去登录 ›</Text>
      </View>
    );
  }
  if (!next) {
    return (
      <View
        className="home-next home-next--empty"
        {...a11y({ role: 'button', label: '暂无待办的预约，去预约驿站服务' })}
        onClick={() => void Taro.switchTab({ url: ROUTES.stations })}
      >
        <Text className="home-next__hint">暂无待办的预约</Text>
        <Text className="home-next__go">去预约 ›</Text>
      </View>
    );
  }
  const url = next.kind === 'booking' ? ROUTES.bookingMine : ROUTES.vaccineMine;
  return (
    <View
      className="home-next"
      {...a11y({ role: 'button', label: `下一个预约：${next.title}，${formatTime(next.start)}` })}
      onClick={() => void Taro.navigateTo({ url })}
    >
      <View className="home-next__head">
        <Icon name={next.kind === 'booking' ? 'calendar' : 'syringe'} colour="#c8161d" size="s" />
        <Text className="home-next__kind">{next.kind === 'booking' ? '驿站预约' : '疫苗接种'}</Text>
        <Text className="home-next__when">{`${formatTime(next.start)}–${formatClock(next.end)}`}</Text>
      </View>
      <View className="home-next__title">{next.title}</View>
      {next.place ? <View className="home-next__place">{next.place}</View> : null}
      {next.code ? <View className="home-next__code">{`预约码 ${next.code}（到场出示）`}</View> : null}
    </View>
  );
}

const rate = (n: number) => `${Math.round(n <= 1 ? n * 100 : n)}%`;

/**
 * 群众点单 in figures (public): how many the branches took on, how many were done, how satisfied people were;
 * opens the 心愿墙. Before any branch has accepted one there is nothing to measure (no 「办结率 0%」): an
 * invitation to ask instead.
 */
function HelpFigures({ f }: { f: Figures }) {
  if (f.requests === 0) {
    return (
      <View className="home-section home-help home-help--none">
        <View className="home-section__title">
          <Text>群众点单 · 党员接单</Text>
        </View>
        <AskInvite />
      </View>
    );
  }
  const items = [
    { key: 'requests', value: String(f.requests), label: '已受理点单' },
    { key: 'finish', value: rate(f.finishRate), label: '办结率' },
    // No rating yet is no figure, not 0%.
    { key: 'satisfaction', value: f.confirmed ? rate(f.satisfaction) : '—', label: '满意率' },
  ];
  return (
    <View
      className="home-section home-help"
      {...a11y({
        role: 'link',
        label: `已受理群众点单 ${f.requests} 件，办结率 ${rate(f.finishRate)}，满意率 ${f.confirmed ? rate(f.satisfaction) : '暂无'}，查看心愿墙`,
      })}
      onClick={() => void Taro.navigateTo({ url: ROUTES.helpWall })}
    >
      <View className="home-section__title">
        <Text>群众点单 · 党员接单</Text>
        <Text className="home-section__note">心愿墙 ›</Text>
      </View>
      <View className="home-help__row">
        {items.map((i) => (
          <View key={i.key} className={`home-help__item home-help__item--${i.key}`}>
            <Text className="home-help__value">{i.value}</Text>
            <Text className="home-help__label">{i.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default function HomePage() {
  const signedOut = needsSignIn();
  const [elder, setElder] = useElderMode();
  const overview = useResource(getOverview, [], { enabled: !signedOut, reloadOnShow: true });
  const o = overview.data;
  const figures = useResource(() => getRequestFigures(), [], { enabled: !signedOut });
  const notices = useResource(() => getNotices(3), [], { enabled: !signedOut, reloadOnShow: true });

  useShareAppMessage(() => ({ title: '先锋驿站：驿站预约、疫苗接种、积分兑换', path: ROUTES.home }));

  return (
    <ElderPage elder={elder} className="home-page">
      <View className="home-hero">
        <View className="home-hero__row">
          <View>
            <View className="home-hero__title">先锋驿站</View>
            <View className="home-hero__sub">
              {o ? `${o.nickname}，你好` : '群众点单、支部下单、党员接单'}
              {o?.demo ? <Text className="home-demo">演示数据</Text> : null}
            </View>
          </View>
          <View
            className={`home-elder ${elder ? 'home-elder--on' : ''}`}
            {...a11y({ role: 'switch', checked: elder, label: '长辈模式' })}
            onClick={() => setElder(!elder)}
          >
            {elder ? '长辈模式 开' : '长辈模式'}
          </View>
        </View>
      </View>

      {o ? <WorkArea o={o} /> : null}

      {o?.work.kind === 'resident' ? null : (
        <View className="home-section">
          <View className="home-section__title">
            <Text>我的下一个预约</Text>
          </View>
          <NextCard next={o?.next ?? null} signedOut={signedOut} />
        </View>
      )}

      <View className="home-section">
        <View className="home-section__title">
          <Text>办事服务</Text>
        </View>
        <ServiceGrid entries={services(o)} className="home-services" />
      </View>

      {figures.data ? <HelpFigures f={figures.data} /> : null}

      {notices.data?.items.length ? (
        <View className="home-section home-notices">
          <View className="home-section__title" onClick={() => void Taro.navigateTo({ url: ROUTES.noticeList })}>
            <Text>通知公告</Text>
            <Text className="home-section__note">全部 ›</Text>
          </View>
          {notices.data.items.map((n) => (
            <View
              key={n.noticeId}
              className="home-notice"
              {...a11y({ role: 'link', label: `${n.pinned ? '置顶，' : ''}${n.title}` })}
              onClick={() => void Taro.navigateTo({ url: routeUrl('noticeDetail', { id: n.noticeId }) })}
            >
              <Icon name="bell" colour="#c8161d" size="s" />
              <Text className={`home-notice__text${n.read ? '' : ' home-notice__text--new'}`}>
                {n.pinned ? '【置顶】' : ''}
                {n.title}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </ElderPage>
  );
}
