import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import { a11y } from '../../../../components/layout/a11y';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { GoodsPicture } from '../../../../components/picture';
import QrCode from '../../../../components/qr-code';
import { cancelMyOrder, listOrders, type OrderItem, type OrderStatus } from '../../../../services/points';
import { clockText, dayText } from '../../../../utils/day-text';
import { formatTime } from '../../../../utils/time';
import '../../mall.scss';
import { PickupPlace } from './pickup';
import { ElderPage } from '../../../../components/elder-mode';
import { ROUTES } from '../../../../routes';

/** 「12月13日 周日 21:22」: until when a pickup code is good. */
const deadline = (ms: number) => `${dayText(ms)} ${clockText(ms)}`;

const TABS: [OrderStatus | undefined, string][] = [
  [undefined, '全部'],
  ['pending', '待领取'],
  ['picked', '已领取'],
  ['cancelled', '已取消'],
  ['expired', '已过期'],
];

function OrderCard({ order, onChanged }: { order: OrderItem; onChanged: () => void }) {
  const where = order.pickup ? order.pickup.name : '驿站';
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消订单',
      content: `取消「${order.goodsName}」×${order.qty}（${formatTime(order.createdAt)} 兑换，原定到${where}领取）？取消后 ${order.total} 积分将退回你的账户，取货码作废。`,
      confirmText: '取消订单',
      cancelText: '再想想',
      done: '已取消，积分已退回',
    },
    () => cancelMyOrder(order.orderId),
    onChanged,
  );
  return (
    <View className={`card order-card order-card--${order.status}`}>
      <View className="order-card__head">
        <GoodsPicture goods={{ name: order.goodsName }} size="s" />
        <Text className="card__title order-card__name">{`${order.goodsName} ×${order.qty}`}</Text>
        <Text className="order-card__status">{order.statusLabel}</Text>
      </View>
      <Text className="muted">{`${order.total} 积分 · 兑换于 ${formatTime(order.createdAt)}`}</Text>
      {order.pickupCode ? (
        <View>
          <QrCode value={order.pickupCode} caption={`取货码 ${deadline(order.expiresAt)} 前有效，到${where}出示`} />
          <PickupPlace pickup={order.pickup} />
          <View className="order-card__actions">
            <Button block loading={busy} disabled={busy} onClick={() => void cancel()}>
              取消订单
            </Button>
          </View>
        </View>
      ) : null}
      {order.pickedAt ? <Text className="muted">{`  已于 ${formatTime(order.pickedAt)} 领取`}</Text> : null}
    </View>
  );
}

export default function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | undefined>();
  const list = usePagedPage<OrderItem>((cursor) => listOrders(status, cursor), [status]);
  // Arrived from a redemption (goods detail → here): the newest order is the one just made.
  const fresh = useRouter().params.fresh === '1';
  const newest = fresh && status === undefined ? list.items[0] : undefined;
  return (
    <ElderPage className="orders-page">
      {newest && newest.status === 'pending' ? (
        <View className="card orders-fresh" role="status">
          <View className="card__title">{`兑换成功：${newest.goodsName} ×${newest.qty}`}</View>
          <Text className="muted">
            {`请在 ${deadline(newest.expiresAt)} 前凭下方取货码到${newest.pickup ? newest.pickup.name : '任一驿站'}领取，逾期订单取消、积分退回。`}
          </Text>
        </View>
      ) : null}
      <View className="status-tabs">
        {TABS.map(([value, label]) => (
          <Text
            key={label}
            className={`status-tab ${status === value ? 'status-tab--active' : ''}`}
            {...a11y({ role: 'button', pressed: status === value })}
            onClick={() => setStatus(value)}
          >
            {label}
          </Text>
        ))}
      </View>
      <PagedList
        list={list}
        keyOf={(o) => o.orderId}
        emptyAction={status ? undefined : { text: '去积分商城', url: ROUTES.mallGoods }}
        emptyText={status ? '没有这个状态的订单' : '还没有兑换订单。到积分商城用积分兑换生活用品，凭取货码到驿站领取'}
        renderItem={(o) => <OrderCard order={o} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
