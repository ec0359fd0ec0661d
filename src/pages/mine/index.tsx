import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../components/confirmed-action/useConfirmedAction';
import { ElderPage, ElderSwitch, useElderMode } from '../../components/elder-mode';
import { openEntry } from '../../components/grid';
import { a11y } from '../../components/layout/a11y';
import { Icon, type IconName } from '../../components/picture/icon';
import ResourceView, { useResource } from '../../components/resource';
import SignInPrompt from '../../components/sign-in-prompt';
import { needsSignIn, signOut } from '../../services/session';
import { getOverview, leaveWaitlist, listMyWaitlist, type Overview, type WaitingPlace } from '../../services/overview';
import { formatClock, formatTime } from '../../utils/time';
import { ROUTES, routeUrl } from '../../routes';
import './index.scss';

interface Counted {
  key: string;
  label: string;
  icon: IconName;
  count: number;
  unit: string;
  url: string;
  className: string;
}

/** The five things a person has going on, each with its count and the page that lists them. */
function counted(o: Overview): Counted[] {
  return [
    {
      key: 'bookings',
      label: '驿站预约',
      icon: 'calendar',
      count: o.counts.bookings,
      unit: '待使用',
      url: ROUTES.bookingMine,
      className: 'my-bookings-link',
    },
    {
      key: 'waitlist',
      label: '候补',
      icon: 'list',
      count: o.counts.waitlist,
      unit: '排队中',
      url: '#waitlist',
      className: 'my-waitlist-link',
    },
    {
      key: 'vaccinations',
      label: '疫苗接种',
      icon: 'syringe',
      count: o.counts.vaccinations,
      unit: '待接种',
      url: ROUTES.vaccineMine,
      className: 'my-vaccinations-link',
    },
    {
      key: 'orders',
      label: '兑换订单',
      icon: 'bag',
      count: o.counts.orders,
      unit: '待领取',
      url: ROUTES.mallOrders,
      className: 'my-orders-link',
    },
    {
      key: 'messages',
      label: '消息',
      icon: 'bell',
      count: o.counts.unreadMessages,
      unit: '未读',
      url: ROUTES.messagesInbox,
      className: 'messages-link',
    },
  ];
}

/** A row that opens a page: title, what it is for, and a chevron (a 44 px target). */
function LinkRow({
  className,
  title,
  description,
  url,
}: {
  className: string;
  title: string;
  description: string;
  url: string;
}) {
  return (
    <View
      className={`mine-link ${className}`}
      {...a11y({ role: 'link', label: `${title}：${description}` })}
      onClick={() => void Taro.navigateTo({ url })}
    >
      <View className="mine-link__text">
        <Text className="mine-link__title">{title}</Text>
        <Text className="mine-link__desc">{description}</Text>
      </View>
      <Text className="mine-link__chevron">›</Text>
    </View>
  );
}

function WaitingRow({ place, onLeft }: { place: WaitingPlace; onLeft: () => void }) {
  const when = `${formatTime(place.start)}–${formatClock(place.end)}`;
  const [busy, leave] = useConfirmedAction(
    {
      title: '退出候补',
      content: `退出「${place.itemName}」${when} 的候补？你的第 ${place.position} 位将让给后面的人，不能恢复。`,
      confirmText: '退出候补',
      cancelText: '保留',
      done: '已退出候补',
    },
    () => leaveWaitlist(place.slotId),
    onLeft,
  );
  return (
    <View className="waiting-row">
      <View className="waiting-row__main">
        <View className="waiting-row__title">{place.itemName}</View>
        <View className="waiting-row__meta">{place.stationName ? `${place.stationName} · ${when}` : when}</View>
        <View className="waiting-row__position">{`候补第 ${place.position} 位（共 ${place.waiting} 人）`}</View>
      </View>
      <Button
        className="waiting-row__leave"
        size="small"
        fill="outline"
        type="primary"
        disabled={busy}
        loading={busy}
        onClick={() => void leave()}
      >
        退出候补
      </Button>
    </View>
  );
}

/**
 * Loaded again whenever the overview is (each time 我的 shows): it mounts after the page has shown,
 * so it cannot wait for the show itself.
 */
function Waitlist({ overview, onChanged }: { overview: Overview; onChanged: () => void }) {
  const places = useResource(listMyWaitlist, [overview]);
  const left = () => {
    places.reload();
    onChanged();
  };
  return (
    <View className="card mine-waitlist" id="waitlist">
      <View className="card__title">我的候补</View>
      <ResourceView resource={places}>
        {(data) =>
          data.items.length === 0 ? (
            <View
              className="mine-waitlist__empty"
              {...a11y({ role: 'link', label: '没有候补中的时段，去驿站预约' })}
              onClick={() => void Taro.switchTab({ url: ROUTES.stations })}
            >
              <Text className="muted">没有候补中的时段。约满的时段可在预约页点「候补」排队。</Text>
              <Text className="mine-waitlist__go">去预约 ›</Text>
            </View>
          ) : (
            <View>
              {data.items.map((p) => (
                <WaitingRow key={p.slotId} place={p} onLeft={left} />
              ))}
            </View>
          )
        }
      </ResourceView>
    </View>
  );
}

function Mine({ o, reload }: { o: Overview; reload: () => void }) {
  const [elder] = useElderMode();
  return (
    <ElderPage elder={elder} className="mine-page">
      <View className="mine-head">
        <View className="mine-head__avatar">
          <Icon name="people" colour="#c8161d" />
        </View>
        <View className="mine-head__who">
          <View className="mine-nickname">{o.nickname}</View>
          {/* The role as a labelled field, never a bare role word beside a nickname that may hold it too. */}
          <View className="mine-head__role">
            <Text className="mine-head__field">身份</Text>
            <Text className="mine-role">{o.roleLabel}</Text>
            {o.role === 'admin' && o.scopeName ? (
              <Text className="mine-scope">{`管理范围：${o.scopeName}`}</Text>
            ) : null}
          </View>
        </View>
      </View>

      {o.member ? (
        <View
          className="mine-member"
          {...a11y({ role: 'button', label: `积分余额 ${o.member.balance} 分，查看积分` })}
          onClick={() => void Taro.switchTab({ url: ROUTES.points })}
        >
          <View className="mine-member__item">
            <Text className="mine-member__value mine-balance">{String(o.member.balance)}</Text>
            <Text className="mine-member__label">积分余额</Text>
          </View>
          <View className="mine-member__item mine-member__item--branch">
            <Text className="mine-member__branch">{o.member.branch?.name ?? '未加入党支部'}</Text>
            <Text className="mine-member__label">所在党支部</Text>
          </View>
        </View>
      ) : null}

      <View className="card mine-counts">
        {counted(o).map((c) => (
          <View
            key={c.key}
            className={`mine-count ${c.className}`}
            {...a11y({ role: 'link', label: `${c.label}：${c.count} ${c.unit}` })}
            onClick={() =>
              c.url.startsWith('#')
                ? void Taro.pageScrollTo({ selector: c.url, duration: 200 })
                : openEntry({ url: c.url })
            }
          >
            <Text className={`mine-count__value ${c.count > 0 ? 'mine-count__value--some' : ''}`}>
              {String(c.count)}
            </Text>
            <View className="mine-count__label">
              <Icon name={c.icon} colour="#595959" size="s" />
              <Text>{c.label}</Text>
            </View>
          </View>
        ))}
      </View>

      <Waitlist overview={o} onChanged={reload} />

      <View className="card">
        <ElderSwitch />
      </View>

      <View className="card">
        <View className="card__title">党组织</View>
        {o.member ? null : (
          <LinkRow
            className="org-join-link"
            title="加入党支部"
            description="凭党支部的邀请码或二维码申请"
            url={ROUTES.orgJoin}
          />
        )}
        {o.role === 'secretary' || o.role === 'admin' ? (
          <LinkRow
            className="org-applications-link"
            title="加入支部申请"
            description="审核加入党支部的申请、本支部邀请二维码"
            url={ROUTES.orgApplications}
          />
        ) : null}
        {o.member && o.role !== 'secretary' && o.role !== 'admin' ? (
          <LinkRow
            className="org-my-applications-link"
            title="我的加入支部申请"
            description="查看申请进度"
            url={ROUTES.orgJoin}
          />
        ) : null}
        {o.member || o.role === 'secretary' ? (
          <LinkRow
            className="meetings-link"
            title="三会一课"
            description={o.role === 'secretary' ? '安排会议、审批请假、会议记录' : '我的会议、请假和签到'}
            url={ROUTES.meetingsMine}
          />
        ) : null}
        <LinkRow
          className="notices-link"
          title="通知公告"
          description="党支部和县里发布的通知"
          url={ROUTES.noticeList}
        />
      </View>

      <View className="card mine-help">
        <View className="card__title">群众点单</View>
        <LinkRow
          className="help-mine-link"
          title="我的点单"
          description="微心愿和诉求的办理进度"
          url={ROUTES.helpMine}
        />
        {o.role === 'secretary' || o.role === 'admin' ? (
          <LinkRow
            className="help-queue-link"
            title="点单受理"
            description="受理、派单、发布到任务大厅"
            url={ROUTES.helpQueue}
          />
        ) : null}
        <LinkRow
          className="help-tasks-link"
          title="我的任务"
          description="认领的任务、进展和办结"
          url={ROUTES.helpTasks}
        />
        <LinkRow
          className="help-hall-link"
          title="任务大厅"
          description="党员和志愿者认领群众的心愿"
          url={ROUTES.helpHall}
        />
        <LinkRow
          className="help-volunteer-link"
          title="志愿者与时间银行"
          description={o.member ? '服务记录' : '登记为志愿者、查看时长'}
          url={ROUTES.helpVolunteer}
        />
      </View>

      {o.role === 'staff' || o.role === 'admin' ? (
        <View className="card">
          <View className="card__title">驿站工作</View>
          <LinkRow
            className="staff-verify"
            title="核销与签到"
            description="兑换取货码、预约码"
            url={ROUTES.staffVerify}
          />
          <LinkRow className="staff-roster" title="预约名单" description="按项目和日期查看" url={ROUTES.staffRoster} />
          <LinkRow
            className="staff-vaccine-roster"
            title="接种名单"
            description="脱敏显示"
            url={ROUTES.staffVaccineRoster}
          />
        </View>
      ) : null}
      {o.role === 'admin' ? (
        <View className="card">
          <View className="card__title">管理</View>
          <LinkRow
            className="admin-points-link"
            title="积分管理"
            description="奖励、发布活动、导出台账"
            url={ROUTES.adminPoints}
          />
          <LinkRow
            className="admin-slots-link"
            title="预约时段管理"
            description="按周模板生成、关闭日期"
            url={ROUTES.adminSlots}
          />
        </View>
      ) : null}
      {o.role === 'secretary' || o.role === 'staff' || o.role === 'admin' ? (
        <View className="card">
          <View className="card__title">管理后台</View>
          <LinkRow
            className="console-sessions-link"
            title="管理后台登录"
            description="在哪些电脑上扫码登录了，随时退出"
            url={ROUTES.consoleSessions}
          />
        </View>
      ) : null}
      {process.env.TARO_ENV !== 'weapp' ? (
        <View className="card">
          <Button
            block
            onClick={() => {
              signOut();
              void Taro.reLaunch({ url: routeUrl('login', { from: ROUTES.mine }) });
            }}
          >
            切换演示账号
          </Button>
        </View>
      ) : null}
    </ElderPage>
  );
}

export default function MinePage() {
  const signedOut = needsSignIn();
  const overview = useResource(getOverview, [], { enabled: !signedOut, reloadOnShow: true });
  if (signedOut) return <SignInPrompt from={ROUTES.mine} />;
  return <ResourceView resource={overview}>{(data) => <Mine o={data} reload={overview.reload} />}</ResourceView>;
}
