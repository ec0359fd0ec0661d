import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import { FormError } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import ResourceView, { useResource } from '../../../../components/resource';
import { getGoods, redeem, type GoodsDetail } from '../../../../services/points';
import { askToSubscribe } from '../../../../services/subscribe';
import { errorMessage } from '../../../../services/transport';
import { formatTime } from '../../../../utils/time';
import { routeUrl } from '../../../../routes';
import '../../mall.scss';

function Detail({ detail, onRedeemed }: { detail: GoodsDetail; onRedeemed: () => void }) {
  const { goods, event, myBought } = detail;
  const left = Math.max(0, Math.min(goods.stock, goods.perUserLimit - myBought));
  const [qty, setQty] = useState(1);
  const [error, setError] = useState<string | null>(null);
  // One id per intended redemption (goods and quantity): a retry after a lost answer repeats it instead of buying twice.
  const intent = useIntention({ goodsId: goods.goodsId, qty });
  const [elder] = useElderMode();

  const confirmAndRedeem = () => {
    setError(null);
    void intent.run((requestId) => redeem(goods.goodsId, qty, requestId), {
      confirm: {
        title: '确认兑换',
        content: `用 ${goods.price * qty} 积分兑换「${goods.name}」×${qty}，兑换后凭取货码到驿站领取`,
        confirmText: '兑换',
      },
      success: '兑换成功',
      onSuccess: async () => {
        onRedeemed();
        await askToSubscribe('points');
        void Taro.redirectTo({ url: routeUrl('mallOrders', { fresh: 1 }) });
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };

  return (
    <ElderPage elder={elder} className="goods-detail">
      <View className="hero">
        <View className="hero__title goods-detail__name">{goods.name}</View>
        <View className="hero__sub">{`${goods.price} 积分 · 剩余 ${goods.stock} 件 · 每人限 ${goods.perUserLimit} 件`}</View>
      </View>
      {goods.description ? (
        <View className="card">
          <Text className="muted">{goods.description}</Text>
        </View>
      ) : null}
      {event ? (
        <View className="card">
          <View className="card__title">{event.name}</View>
          <Text className="muted">{`兑换时间：${formatTime(event.start)} 至 ${formatTime(event.end)}`}</Text>
        </View>
      ) : null}
      <View className="card">
        <Text className="muted">{myBought > 0 ? `你已兑换 ${myBought} 件` : '兑换后凭取货码到驿站领取'}</Text>
        <View className="qty">
          <View
            className="qty__button"
            role="button"
            aria-label="减少数量"
            onClick={() => setQty((q) => Math.max(1, q - 1))}
          >
            −
          </View>
          <Text className="qty__value">{qty}</Text>
          <View
            className="qty__button"
            role="button"
            aria-label="增加数量"
            onClick={() => setQty((q) => Math.min(Math.max(1, left), q + 1))}
          >
            +
          </View>
        </View>
        <Button
          className="redeem-button"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy || left === 0}
          onClick={confirmAndRedeem}
        >
          {left === 0 ? (goods.stock === 0 ? '已兑完' : '已达兑换上限') : `立即兑换（${goods.price * qty} 积分）`}
        </Button>
        <FormError message={error} />
      </View>
    </ElderPage>
  );
}

export default function GoodsDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const detail = useResource(() => getGoods(id), [id]);
  return <ResourceView resource={detail}>{(d) => <Detail detail={d} onRedeemed={detail.reload} />}</ResourceView>;
}
