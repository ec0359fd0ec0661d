import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import { FormError } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import { a11y } from '../../../../components/layout/a11y';
import { openMap } from '../../../../components/near-me/useNearMe';
import { GoodsPicture } from '../../../../components/picture';
import ResourceView, { useResource } from '../../../../components/resource';
import { getGoods, getSummary, redeem, type GoodsDetail, type Summary } from '../../../../services/points';
import { getStation, type StationDetail } from '../../../../services/stations';
import { askToSubscribe } from '../../../../services/subscribe';
import { errorMessage } from '../../../../services/transport';
import { formatTime } from '../../../../utils/time';
import { routeUrl } from '../../../../routes';
import '../../mall.scss';
import './index.scss';

interface Loaded {
  detail: GoodsDetail;
  summary: Summary;
  /** The 驿站 to collect from; null when the goods name none (or it cannot be read). */
  station: StationDetail | null;
}

async function load(goodsId: string): Promise<Loaded> {
  const [detail, summary] = await Promise.all([getGoods(goodsId), getSummary()]);
  const stationId = detail.goods.stationId;
  const station = stationId ? await getStation(stationId).catch(() => null) : null;
  return { detail, summary, station };
}

/** Where to collect: the 驿站's name, address and hours, with navigation and a link to its page. */
function PickupPlace({ station }: { station: StationDetail | null }) {
  if (!station)
    return (
      <View className="card">
        <View className="card__title">领取地点</View>
        <Text className="muted">兑换后凭取货码到就近的驿站领取</Text>
      </View>
    );
  return (
    <View className="card pickup-place">
      <View className="card__title">领取地点</View>
      <Cell
        title={station.name}
        description={`${station.county}${station.district} ${station.address}`}
        onClick={() => void Taro.navigateTo({ url: routeUrl('bookingStation', { id: station.stationId }) })}
      />
      <Cell title="开放时间" description={station.openHours || '以现场公示为准'} />
      {station.location ? (
        <Button
          fill="outline"
          type="primary"
          block
          onClick={() =>
            openMap({
              lat: station.location!.lat,
              lng: station.location!.lng,
              name: station.name,
              address: station.address,
            })
          }
        >
          导航前往
        </Button>
      ) : null}
    </View>
  );
}

function Detail({ loaded, onRedeemed }: { loaded: Loaded; onRedeemed: () => void }) {
  const { detail, summary, station } = loaded;
  const { goods, event, myBought } = detail;
  const left = Math.max(0, Math.min(goods.stock, goods.perUserLimit - myBought));
  const [qty, setQty] = useState(1);
  const [error, setError] = useState<string | null>(null);
  // One id per intended redemption (goods and quantity): a retry after a lost answer repeats it instead of buying twice.
  const intent = useIntention({ goodsId: goods.goodsId, qty });
  const [elder] = useElderMode();
  const total = goods.price * qty;
  const after = summary.balance - total;
  // The 驿站 by name and address, as the 领取地点 card above shows it.
  const place = station
    ? `「${station.name}」${station.address ? `（${station.county}${station.district} ${station.address}）` : ''}`
    : '就近的驿站';

  const confirmAndRedeem = () => {
    setError(null);
    void intent.run((requestId) => redeem(goods.goodsId, qty, requestId), {
      confirm: {
        title: '确认兑换',
        content: `用 ${total} 积分兑换「${goods.name}」×${qty}，兑换后剩余 ${after} 积分；凭取货码到${place}领取`,
        confirmText: '兑换',
      },
      // The answer names the place the order is collected from (the goods' 驿站 as it is now).
      success: (done) => (done.pickup ? `兑换成功，请到${done.pickup.name}领取` : '兑换成功，请到就近的驿站领取'),
      onSuccess: async () => {
        onRedeemed();
        await askToSubscribe('points');
        void Taro.redirectTo({ url: routeUrl('mallOrders', { fresh: 1 }) });
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const blocked =
    left === 0 ? (goods.stock === 0 ? '已兑完' : '已达兑换上限') : after < 0 ? `积分不足，还差 ${-after} 分` : null;

  return (
    <ElderPage elder={elder} className="goods-detail">
      <View className="goods-cover">
        <GoodsPicture goods={goods} size="l" />
      </View>
      <View className="card goods-head">
        <View className="card__title goods-detail__name">{goods.name}</View>
        <Text className="goods-head__price">{`${goods.price} 积分`}</Text>
        <View>
          <Text className="tag tag--grey">{goods.stock > 0 ? `剩余 ${goods.stock} 件` : '已兑完'}</Text>
          <Text className="tag tag--grey">{`每人限 ${goods.perUserLimit} 件`}</Text>
          {myBought > 0 ? <Text className="tag tag--grey">{`你已兑换 ${myBought} 件`}</Text> : null}
        </View>
      </View>
      {goods.description ? (
        <View className="card">
          <View className="card__title">商品介绍</View>
          <Text className="muted">{goods.description}</Text>
        </View>
      ) : null}
      {event ? (
        <View className="card">
          <View className="card__title">{event.name}</View>
          <Text className="muted">{`兑换时间：${formatTime(event.start)} 至 ${formatTime(event.end)}`}</Text>
        </View>
      ) : null}
      <PickupPlace station={station} />
      <View className="card">
        <View className="card__title">兑换</View>
        <View className="balance-row">
          <Text className="muted">我的积分</Text>
          <Text className="balance-row__value">{summary.balance}</Text>
        </View>
        <View className="qty">
          <Text className="qty__label">数量</Text>
          <View
            className="qty__button"
            {...a11y({ role: 'button', label: '减少数量' })}
            onClick={() => setQty((q) => Math.max(1, q - 1))}
          >
            −
          </View>
          <Text className="qty__value" {...a11y({ label: `数量 ${qty}` })}>
            {qty}
          </Text>
          <View
            className="qty__button"
            {...a11y({ role: 'button', label: '增加数量' })}
            onClick={() => setQty((q) => Math.min(Math.max(1, left), q + 1))}
          >
            +
          </View>
        </View>
        <View className="balance-row">
          <Text className="muted">{`需要 ${total} 积分，兑换后剩余`}</Text>
          <Text className={`balance-row__value ${after < 0 ? 'balance-row__value--short' : ''}`}>
            {after < 0 ? '不足' : after}
          </Text>
        </View>
        <Button
          className="redeem-button"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy || blocked !== null}
          onClick={confirmAndRedeem}
        >
          {blocked ?? `立即兑换（${total} 积分）`}
        </Button>
        <FormError message={error} />
      </View>
    </ElderPage>
  );
}

export default function GoodsDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const loaded = useResource(() => load(id), [id]);
  return <ResourceView resource={loaded}>{(d) => <Detail loaded={d} onRedeemed={loaded.reload} />}</ResourceView>;
}
