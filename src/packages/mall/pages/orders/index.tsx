import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import { a11y } from '../../../../components/layout/a11y';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { GoodsPicture } from '../../../../components/picture';
import QrCode from '../../../../components/qr-code';
import { cancelMyOrder, listOrders, type OrderItem, type OrderStatus } from '../../../../services/points';
import { formatDate, formatTime } from '../../../../utils/time';
import '../../mall.scss';
import { ElderPage } from '../../../../components/elder-mode';

const TABS: [OrderStatus | undefined, string][] = [
  [undefined, '全部'],
  ['pending', '待领取'],
  ['picked', '已领取'],
  ['cancelled', '已取消'],
  ['expired', '已过期'],
];

function OrderCard({ order, onChanged }: { order: OrderItem; onChanged: () => void }) {
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消订单',
      content: `取消后 ${order.total} 积分将退回你的账户`,
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
          <QrCode value={order.pickupCode} caption={`请于 ${formatDate(order.expiresAt)} 前到驿站出示取货码`} />
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
  return (
    <ElderPage className="orders-page">
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
        emptyText="还没有这类订单"
        renderItem={(o) => <OrderCard order={o} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
