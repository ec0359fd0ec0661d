import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import ResourceView, { useResource } from '../../../../components/resource';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import { PlacePicture } from '../../../../components/picture';
import {
  getStationWithItems,
  type StationDetail,
  type StationDetailAnswer,
  type StationItem,
} from '../../../../services/stations';
import { asButton } from '../../slot-view';
import { routeUrl } from '../../../../routes';
import '../../../../components/station-card/index.scss';
import '../../booking.scss';
import './index.scss';

function navigate(station: StationDetail): void {
  const { location } = station;
  if (!location) return;
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({
      latitude: location.lat,
      longitude: location.lng,
      name: station.name,
      address: station.address,
    });
  } else {
    window.open(
      `https://uri.amap.com/marker?position=${location.lng},${location.lat}&name=${encodeURIComponent(station.name)}`,
      '_blank',
    );
  }
}

const openItem = (item: { itemId: string; name: string }) =>
  void Taro.navigateTo({ url: routeUrl('bookingItem', { id: item.itemId, name: item.name }) });

function BookableItem({ item }: { item: StationItem }) {
  return (
    <View className="bookable-item" {...asButton(`预约${item.name}，选择时段`)} onClick={() => openItem(item)}>
      <View className="bookable-item__head">
        <Text className="bookable-item__name">{item.name}</Text>
        <Text className="tag tag--bookable">可预约</Text>
      </View>
      <View className="muted">{`${item.kindLabel}${item.description ? ` · ${item.description}` : ''}`}</View>
      <View className="bookable-item__go">选择时段 ›</View>
    </View>
  );
}

function StationDetailView({ detail }: { detail: StationDetailAnswer }) {
  const { station, items } = detail;
  return (
    <>
      <View className="hero station-hero">
        <View className="hero__title">{station.name}</View>
        <View className="hero__sub">{station.kindLabel}</View>
      </View>
      <View className="station-cover">
        <PlacePicture
          place={{ name: station.name, kind: station.kind, picture: station.pictures[0] ?? null }}
          size="l"
        />
      </View>
      <View className="card">
        <Cell title="地址" description={`${station.county}${station.district} ${station.address}`} />
        <Cell title="开放时间" description={station.openHours || '以现场公示为准'} />
        {station.phone ? (
          <Cell
            title="联系电话"
            description={station.phone}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: station.phone })}
          />
        ) : null}
        {station.location ? (
          <Button type="primary" block onClick={() => navigate(station)}>
            导航前往
          </Button>
        ) : null}
      </View>
      <View className="card">
        <View className="card__title">{items.length > 0 ? `在线预约（${items.length} 项）` : '在线预约'}</View>
        {items.length === 0 ? <Text className="muted">该驿站暂未开放在线预约，可直接到站办理</Text> : null}
        {items.map((item) => (
          <BookableItem key={item.itemId} item={item} />
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
          <View className="service-list">
            {station.services.map((s) => (
              <View
                key={s.code}
                className={`service-row ${s.bookable ? 'service-row--bookable' : ''}`}
                {...(s.bookable ? asButton(`预约${s.name}`) : {})}
                onClick={s.bookable && s.itemId ? () => openItem({ itemId: s.itemId!, name: s.name }) : undefined}
              >
                <Text className="service-row__name">{s.name}</Text>
                {s.bookable ? (
                  <Text className="tag tag--bookable">可预约</Text>
                ) : (
                  <Text className="tag tag--grey">到站办理</Text>
                )}
              </View>
            ))}
          </View>
        )}
      </View>
    </>
  );
}

export default function StationDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [elder] = useElderMode();
  const resource = useResource(
    () =>
      getStationWithItems(id).then((value) => {
        void Taro.setNavigationBarTitle({ title: value.station.name });
        return value;
      }),
    [id],
  );
  useShareAppMessage(() => ({
    title: resource.data ? `${resource.data.station.name} · 先锋驿站` : '先锋驿站',
    path: routeUrl('bookingStation', { id }),
  }));
  return (
    <ElderPage elder={elder} className="station-detail">
      <ResourceView resource={resource}>{(value) => <StationDetailView detail={value} />}</ResourceView>
    </ElderPage>
  );
}
