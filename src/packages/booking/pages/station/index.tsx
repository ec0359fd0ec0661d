import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import ResourceView, { useResource } from '../../../../components/resource';
import { getStationWithItems, type StationDetail, type StationDetailAnswer } from '../../../../services/stations';

function navigate(station: StationDetail): void {
  const { location } = station;
  if (!location) return;
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: location.lat, longitude: location.lng, name: station.name, address: station.address });
  } else {
    window.open(`https://uri.amap.com/marker?position=${location.lng},${location.lat}&name=${encodeURIComponent(station.name)}`, '_blank');
  }
}

function StationDetailView({ detail }: { detail: StationDetailAnswer }) {
  const { station, items } = detail;
  return (
    <View className="page station-detail">
      <View className="hero">
        <View className="hero__title">{station.name}</View>
        <View className="hero__sub">{station.kindLabel}</View>
      </View>
      <View className="card">
        <Cell title="地址" description={`${station.county}${station.district} ${station.address}`} />
        <Cell title="开放时间" description={station.openHours || '以现场公示为准'} />
        {station.phone ? <Cell title="联系电话" description={station.phone} onClick={() => void Taro.makePhoneCall({ phoneNumber: station.phone })} /> : null}
        {station.location ? (
          <Button type="primary" block onClick={() => navigate(station)}>
            导航前往
          </Button>
        ) : null}
      </View>
      <View className="card">
        <View className="card__title">在线预约</View>
        {items.length === 0 ? <Text className="muted">该驿站暂未开放在线预约，可直接到站办理</Text> : null}
        {items.map((item) => (
          <View key={item.itemId} className="bookable-item">
            <Cell
              title={`${item.name}（${item.kindLabel}）`}
              description={item.description}
              onClick={() => void Taro.navigateTo({ url: `/packages/booking/pages/item/index?id=${item.itemId}&name=${encodeURIComponent(item.name)}` })}
            />
          </View>
        ))}
      </View>
      {station.intro ? (
        <View className="card">
          <View className="card__title">驿站介绍</View>
          <Text className="muted">{station.intro}</Text>
        </View>
      ) : null}
      <View className="card">
        <View className="card__title">{`提供的服务（${station.services.length}）`}</View>
        {station.services.length === 0 ? (
          <Text className="muted">暂未登记服务项目</Text>
        ) : (
          <View>
            {station.services.map((s) => (
              <Text key={s.code} className={s.bookable ? 'tag' : 'tag tag--grey'}>
                {s.bookable ? `${s.name} · 可预约` : s.name}
              </Text>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}

export default function StationDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const resource = useResource(
    () =>
      getStationWithItems(id).then((value) => {
        void Taro.setNavigationBarTitle({ title: value.station.name });
        return value;
      }),
    [id],
  );
  return <ResourceView resource={resource}>{(value) => <StationDetailView detail={value} />}</ResourceView>;
}
