import { View, Text } from '@tarojs/components';
import type { StationSummary } from '../../services/stations';
import { distanceText } from '../near-me/useNearMe';
import StationPicture from './picture';
import './index.scss';

/** The card is one tap target: a button named by the station, for screen readers on both targets. */
const cardButton = (label: string): Record<string, string> =>
  process.env.TARO_ENV === 'h5'
    ? { role: 'button', 'aria-label': label, tabIndex: '0' }
    : { ariaRole: 'button', ariaLabel: label };

/** One station in a list: picture (or its kind's illustration), name, 「可预约」 only when something is bookable. */
export default function StationCard({
  station,
  onOpen,
}: {
  station: StationSummary & { distance?: number | null };
  onOpen: (id: string) => void;
}) {
  return (
    <View
      className="card station-card"
      {...cardButton(`${station.name}${station.bookable ? `，可预约 ${station.bookableCount} 项` : ''}`)}
      onClick={() => onOpen(station.stationId)}
    >
      <View className="station-card__row">
        <StationPicture station={station} />
        <View className="station-card__body">
          <View className="card__title">{station.name}</View>
          {station.bookable ? (
            <View className="station-card__badges">
              <Text className="tag tag--bookable">{`可预约 ${station.bookableCount} 项`}</Text>
            </View>
          ) : null}
          <View className="muted">
            {station.county} · {station.district}
          </View>
          <View className="muted">{station.address}</View>
        </View>
      </View>
      <View>
        <Text className="tag">{station.kindLabel}</Text>
        {typeof station.distance === 'number' ? (
          <Text className="tag tag--grey">{distanceText(station.distance)}</Text>
        ) : null}
        <Text className="tag tag--grey">{`${station.serviceCount} 项服务`}</Text>
        {station.openHours ? <Text className="tag tag--grey">{station.openHours}</Text> : null}
      </View>
    </View>
  );
}
