import { View, Text } from '@tarojs/components';
import type { StationSummary } from '../../services/stations';
import { distanceText } from '../near-me/useNearMe';

export default function StationCard({ station, onOpen }: { station: StationSummary & { distance?: number | null }; onOpen: (id: string) => void }) {
  return (
    <View className="card station-card" onClick={() => onOpen(station.stationId)}>
      <View className="card__title">{station.name}</View>
      <View className="muted">
        {station.county} · {station.district}
      </View>
      <View className="muted">{station.address}</View>
      <View>
        <Text className="tag">{station.kindLabel}</Text>
        {typeof station.distance === 'number' ? <Text className="tag tag--grey">{distanceText(station.distance)}</Text> : null}
        <Text className="tag tag--grey">{`${station.serviceCount} 项服务`}</Text>
        {station.openHours ? <Text className="tag tag--grey">{station.openHours}</Text> : null}
      </View>
    </View>
  );
}
