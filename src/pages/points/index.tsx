import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TextField } from '../../components/form-field/Field';
import { useIntention } from '../../components/intention';
import PagedList, { usePagedPage } from '../../components/paged-list';
import ResourceView, { useResource } from '../../components/resource';
import SignInPrompt from '../../components/sign-in-prompt';
import { checkIn, getSummary, listActivities, listLedger, listRules, type LedgerItem } from '../../services/points';
import { needsSignIn } from '../../services/session';
import { getMe } from '../../services/user';
import { errorMessage } from '../../services/transport';
import { formatTime } from '../../utils/time';
import { ROUTES } from '../../routes';
import './index.scss';

const LINKS = [
  { text: '积分商城', url: ROUTES.mallGoods },
  { text: '我的订单', url: ROUTES.mallOrders },
  { text: '积分排行', url: ROUTES.mallRanking },
];

/** Check-in by the activity's code: scanned from the venue's QR on weapp, typed on H5. */
function CheckIn({ onDone }: { onDone: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const intent = useIntention(code);

  const submit = (value: string) => {
    const trimmed = value.trim().toUpperCase();
    setDone(null);
    if (!/^[A-Z0-9]{6}$/.test(trimmed)) {
      setError(trimmed ? '签到码是 6 位字母或数字' : '请输入 6 位签到码');
      return;
    }
    setError(null);
    void intent.run(() => checkIn(trimmed), {
      onSuccess: (res) => {
        setDone(`签到成功：${res.title}，+${res.points} 分`);
        setCode('');
        onDone();
      },
      // Every refusal here is about the code typed (unknown, too early, already used): show it beside the field.
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      submit(result);
    } catch {
      // Closing the camera is not an error worth showing.
    }
  };

  return (
    <View className="card checkin">
      <View className="card__title">活动签到</View>
      <Text className="muted">活动开始前 10 分钟至结束前可签到，每个活动只记一次积分</Text>
      <TextField
        className="checkin__input"
        label="签到码"
        name="checkinCode"
        value={code}
        maxlength={6}
        placeholder="输入活动签到码"
        onChange={setCode}
        error={error}
      />
      <View className="form-actions">
        <Button
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={() => submit(code)}
          className="checkin__submit"
        >
          签到
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="checkin__scan" block disabled={intent.busy} onClick={() => void scan()}>
            扫码签到
          </Button>
        ) : null}
      </View>
      {done ? (
        <View className="checkin__ok form-status" role="status">
          {done}
        </View>
      ) : null}
    </View>
  );
}

function LedgerRow({ item }: { item: LedgerItem }) {
  return (
    <View className="ledger-row">
      <View className="ledger-row__main">
        <View>{item.reason}</View>
        <Text className="muted">{`${item.kindLabel} · ${formatTime(item.at)} · 余额 ${item.balanceAfter}`}</Text>
      </View>
      <Text className={item.amount > 0 ? 'ledger-row__plus' : 'ledger-row__minus'}>
        {item.amount > 0 ? `+${item.amount}` : String(item.amount)}
      </Text>
    </View>
  );
}

/** The points scheme: each rule, its points and its cap. */
function RuleRows() {
  const rules = useResource(listRules, []);
  return (
    <ResourceView resource={rules}>
      {(r) => (
        <View>
          {r.items.map((rule) => (
            <View key={rule.ruleId} className="rule-row" style={{ padding: '8rpx 0' }}>
              <Text>{`${rule.name}  +${rule.points}`}</Text>
              {rule.cap ? (
                <Text className="muted">{`（${rule.cap.period === 'day' ? '每日' : '每月'}最多 ${rule.cap.max} 分）`}</Text>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </ResourceView>
  );
}

/** Open and coming activities, and the points scheme: what a member can do next. */
function Earning() {
  const activities = useResource(() => listActivities(), []);
  return (
    <View>
      <ResourceView resource={activities}>
        {(a) => (
          <View className="card activities">
            <View className="card__title">近期活动</View>
            {a.items.length === 0 ? <Text className="muted">暂无进行中的活动</Text> : null}
            {a.items.slice(0, 5).map((act) => (
              <View key={act.activityId} className="activity-row" style={{ padding: '12rpx 0' }}>
                <View>{act.title}</View>
                <Text className="muted">{`${act.place} · ${formatTime(act.start)} 开始 · ${act.state === 'open' ? '可签到' : '未开始'}`}</Text>
              </View>
            ))}
          </View>
        )}
      </ResourceView>
      <View className="card rules">
        <View className="card__title">积分细则</View>
        <RuleRows />
      </View>
    </View>
  );
}

/**
 * For a resident: what points are and how party members earn them. Residents cannot check in (the server
 * refuses them), so they get no form they cannot use.
 */
function AboutPoints() {
  return (
    <View className="card points-about">
      <View className="card__title">积分是什么</View>
      <View className="points-about__text">
        党员参加支部活动签到、认领并办好群众点单，按下面的细则获得积分，可到积分商城兑换生活用品。
      </View>
      <View className="points-about__text muted">居民不用签到；有困难或心愿，可在首页「群众点单」告诉社区党支部。</View>
      <RuleRows />
    </View>
  );
}

export default function PointsPage() {
  const signedOut = needsSignIn();
  const me = useResource(getMe, [], { enabled: !signedOut });
  const summary = useResource(getSummary, [], { enabled: !signedOut, reloadOnShow: true });
  const ledger = usePagedPage<LedgerItem>(
    (cursor) => (signedOut ? Promise.resolve({ items: [], nextCursor: null }) : listLedger(cursor)),
    [signedOut],
  );
  if (signedOut) return <SignInPrompt from={ROUTES.points} />;
  const refresh = () => {
    summary.reload();
    ledger.reload();
  };
  // Until the role is known, nothing that depends on it: a resident never sees the check-in form flash.
  const role = me.data?.role ?? null;
  const earner = role !== null && role !== 'resident';
  return (
    <View className="page points-page">
      <ResourceView resource={summary}>
        {(s) =>
          // A resident who has never had points gets no 0 to look at: what points are, below.
          role === 'resident' && s.earned === 0 ? (
            <View />
          ) : (
            <View className="hero">
              <View className="hero__sub">我的积分</View>
              <View className="hero__title points-balance">{s.balance}</View>
              <View className="hero__sub">{`累计获得 ${s.earned} · 已兑换 ${s.spent}`}</View>
            </View>
          )
        }
      </ResourceView>
      <View className="card points-links">
        {LINKS.map((l) => (
          <View key={l.url} className="points-links__item" onClick={() => void Taro.navigateTo({ url: l.url })}>
            {l.text}
          </View>
        ))}
      </View>
      {earner ? <CheckIn onDone={refresh} /> : null}
      {earner ? <Earning /> : null}
      {role === 'resident' ? <AboutPoints /> : null}
      {earner || (summary.data?.earned ?? 0) > 0 ? (
        <>
          <View className="section-title">积分明细</View>
          <PagedList
            list={ledger}
            keyOf={(e) => e.entryId}
            emptyText="还没有积分记录，参加活动签到即可获得积分"
            renderItem={(e) => <LedgerRow item={e} />}
          />
        </>
      ) : null}
    </View>
  );
}
