import { useMemo, useState } from 'react';
import { Picker, View, Text } from '@tarojs/components';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { getRoster, getStationWithItems } from '../../../../services/stations';
import { formatDate } from '../../../../utils/time';
import '../../staff.scss';

/** The seeded 党群服务中心 whose items staff most often look after; the picker lists its items. */
const HOME_STATION = 'st-yf-center';

/** The day roster for staff: who booked which slot (names and phones masked), checked in or not. */
export default function RosterPage() {
  const station = useResource(() => getStationWithItems(HOME_STATION), []);
  const dates = useMemo(() => Array.from({ length: 14 }, (_, i) => formatDate(Date.now() + (i - 1) * 86_400_000)), []);
  const [itemIndex, setItemIndex] = useState(0);
  const [dateIndex, setDateIndex] = useState(1);
  const items = station.data?.items ?? [];
  const item = items[itemIndex];
  const roster = useResource(
    () => (item ? getRoster(item.itemId, dates[dateIndex]!) : Promise.resolve(null)),
    [item?.itemId, dateIndex],
    { enabled: Boolean(item) },
  );
  return (
    <View className="page roster-page">
      <ResourceView resource={station}>
        {(s) => (
          <View className="card">
            <View className="card__title">{s.station.name}</View>
            <Picker
              mode="selector"
              range={s.items.map((i) => i.name)}
              value={itemIndex}
              onChange={(e) => setItemIndex(Number(e.detail.value))}
            >
              <View className="muted">{`项目：${item?.name ?? '无'}（点击切换）`}</View>
            </Picker>
            <Picker
              mode="selector"
              range={dates}
              value={dateIndex}
              onChange={(e) => setDateIndex(Number(e.detail.value))}
            >
              <View className="muted">{`日期：${dates[dateIndex]}（点击切换）`}</View>
            </Picker>
          </View>
        )}
      </ResourceView>
      {item ? (
        <ResourceView resource={roster}>
          {(r) =>
            !r || r.rows.length === 0 ? (
              <StateView kind="empty" message="当天还没有人预约" />
            ) : (
              <View className="card">
                {r.rows.map((row) => (
                  <View key={row.bookingId} className="roster-row">
                    <Text>{`${row.time.slice(11)}  ${row.name}  ${row.phone}`}</Text>
                    <Text className="muted">{`  ${row.statusLabel} · ${row.via}`}</Text>
                  </View>
                ))}
              </View>
            )
          }
        </ResourceView>
      ) : null}
    </View>
  );
}
