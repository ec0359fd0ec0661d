import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderItem } from '../../../../services/points';
import './pickup.scss';

type Pickup = NonNullable<OrderItem['pickup']>;

/** Opens the map at the 驿站 (on H5, src/app.ts opens a map link instead). */
const navigate = (p: Pickup) => {
  if (!p.location) return;
  void Taro.openLocation({ latitude: p.location.lat, longitude: p.location.lng, name: p.name, address: p.address });
};

/** Where to collect an order: the 驿站's name, address and opening hours, with 导航 where it has coordinates. */
export function PickupPlace({ pickup }: { pickup: OrderItem['pickup'] }) {
  if (!pickup)
    return (
      <View className="order-pickup">
        <Text className="order-pickup__label">领取地点</Text>
        <Text className="order-pickup__name">凭取货码到任一驿站领取</Text>
      </View>
    );
  return (
    <View className="order-pickup">
      <Text className="order-pickup__label">领取地点</Text>
      <Text className="order-pickup__name">{pickup.name}</Text>
      {pickup.address ? <Text className="order-pickup__line">{`地址：${pickup.address}`}</Text> : null}
      {pickup.openHours ? <Text className="order-pickup__line">{`开放时间：${pickup.openHours}`}</Text> : null}
      {pickup.location ? (
        <Button className="order-pickup__nav" size="small" onClick={() => navigate(pickup)}>
          导航到驿站
        </Button>
      ) : null}
    </View>
  );
}
