import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ServiceGrid, { type GridEntry } from '../../components/grid';
import { ElderPage, useElderMode } from '../../components/elder-mode';
import { a11y } from '../../components/layout/a11y';
import { Icon } from '../../components/picture/icon';
import { useResource } from '../../components/resource';
import { needsSignIn } from '../../services/session';
import { getOverview, type NextUp, type Overview } from '../../services/overview';
import { getRequestFigures, type Figures } from '../../services/request-figures';
import { formatTime } from '../../utils/time';
import { ROUTES, routeUrl } from '../../routes';
import './index.scss';

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

/** The work area for staff and admins, above everything else. */
function workEntries(o: Overview): GridEntry[] {
  const staff: GridEntry[] = [
    { key: 'verify', label: '核销与签到', icon: 'scan', url: ROUTES.staffVerify },
    { key: 'roster', label: '预约名单', icon: 'list', url: ROUTES.staffRoster },
    { key: 'vaccine-roster', label: '接种名单', icon: 'syringe', url: ROUTES.staffVaccineRoster },
  ];
  const admin: GridEntry[] = [
    { key: 'admin-points', label: '积分管理', icon: 'star', url: ROUTES.adminPoints },
    { key: 'admin-slots', label: '时段管理', icon: 'calendar', url: ROUTES.adminSlots },
  ];
  if (o.role === 'admin') return [...staff, ...admin];
  if (o.role === 'staff') return staff;
  return [];
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
        <Text className="home-next__when">{`${formatTime(next.start)}–${formatTime(next.end).slice(6)}`}</Text>
      </View>
      <View className="home-next__title">{next.title}</View>
      {next.place ? <View className="home-next__place">{next.place}</View> : null}
      {next.code ? <View className="home-next__code">{`预约码 ${next.code}（到场出示）`}</View> : null}
    </View>
  );
}

const rate = (n: number) => `${Math.round(n <= 1 ? n * 100 : n)}%`;

/** 群众点单 in figures (public): how many asked, how many were done, how satisfied people were; opens the 心愿墙. */
function HelpFigures({ f }: { f: Figures }) {
  const items = [
    { key: 'requests', value: String(f.requests), label: '群众点单' },
    { key: 'finish', value: rate(f.finishRate), label: '办结率' },
    // No rating yet is no figure, not 0%.
    { key: 'satisfaction', value: f.confirmed ? rate(f.satisfaction) : '—', label: '满意率' },
  ];
  return (
    <View
      className="home-section home-help"
      {...a11y({
        role: 'link',
        label: `群众点单 ${f.requests} 件，办结率 ${rate(f.finishRate)}，满意率 ${f.confirmed ? rate(f.satisfaction) : '暂无'}，查看心愿墙`,
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

const NOTICES = [
  { key: 'green', text: '60 岁以上老人预约疫苗接种走绿色通道，每个时段留有专门名额。' },
  { key: 'cancel', text: '驿站预约开始前 30 分钟内不能取消；约满的时段可以候补，有空位按顺序递补。' },
  { key: 'pickup', text: '积分兑换的物品凭取货码到驿站领取，逾期未领自动退还积分。' },
];

export default function HomePage() {
  const signedOut = needsSignIn();
  const [elder, setElder] = useElderMode();
  const overview = useResource(getOverview, [], { enabled: !signedOut, reloadOnShow: true });
  const o = overview.data;
  const work = o ? workEntries(o) : [];
  const figures = useResource(() => getRequestFigures(), [], { enabled: !signedOut });

  useShareAppMessage(() => ({ title: '先锋驿站：驿站预约、疫苗接种、积分兑换', path: ROUTES.home }));

  return (
    <ElderPage elder={elder} className="home-page">
      <View className="home-hero">
        <View className="home-hero__row">
          <View>
            <View className="home-hero__title">先锋驿站</View>
            <View className="home-hero__sub">{o ? `${o.nickname}，你好` : '群众点单、支部下单、党员接单'}</View>
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

      {work.length > 0 ? (
        <View className="home-section home-work">
          <View className="home-section__title">
            <Text>工作台</Text>
            <Text className="home-section__note">{o!.roleLabel}</Text>
          </View>
          <ServiceGrid entries={work} className="home-work__grid" />
        </View>
      ) : null}

      <View className="home-section">
        <View className="home-section__title">
          <Text>我的下一个预约</Text>
        </View>
        <NextCard next={o?.next ?? null} signedOut={signedOut} />
      </View>

      <View className="home-section">
        <View className="home-section__title">
          <Text>办事服务</Text>
        </View>
        <ServiceGrid entries={services(o)} className="home-services" />
      </View>

      {figures.data ? <HelpFigures f={figures.data} /> : null}

      <View className="home-section home-notices">
        <View className="home-section__title">
          <Text>服务须知</Text>
        </View>
        {NOTICES.map((n) => (
          <View key={n.key} className="home-notice">
            <Icon name="bell" colour="#c8161d" size="s" />
            <Text className="home-notice__text">{n.text}</Text>
          </View>
        ))}
      </View>
    </ElderPage>
  );
}
