import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, View, Text } from '@tarojs/components';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { getVaccineRoster, listSites } from '../../../../services/vaccine';
import { formatDate } from '../../../../utils/time';
import '../../staff.scss';

/** A site's day roster: masked names, ID numbers and phones only, green-channel seats marked. */
export default function VaccineRosterPage() {
  const sites = useResource(() => listSites({ limit: 50 }), []);
  const dates = useMemo(() => Array.from({ length: 14 }, (_, i) => formatDate(Date.now() + (i - 1) * 86_400_000)), []);
  const [siteIndex, setSiteIndex] = useState(0);
  const { params } = useRouter();
  // `?date=YYYY-MM-DD` opens that day (a link from a notice or a test); otherwise today.
  const [dateIndex, setDateIndex] = useState(() => Math.max(1, dates.indexOf(params.date ?? '')));
  const site = sites.data?.items[siteIndex];
  const roster = useResource(
    () => (site ? getVaccineRoster(site.siteId, dates[dateIndex]!) : Promise.resolve(null)),
    [site?.siteId, dateIndex],
    { enabled: Boolean(site) },
  );
  return (
    <View className="page vaccine-roster-page">
      <ResourceView resource={sites}>
        {(s) => (
          <View className="card">
            <Picker
              mode="selector"
              range={s.items.map((i) => i.name)}
              value={siteIndex}
              onChange={(e) => setSiteIndex(Number(e.detail.value))}
            >
              <View className="card__title">{`${site?.name ?? '无接种点'}（点击切换）`}</View>
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
      {site ? (
        <ResourceView resource={roster}>
          {(r) =>
            !r || r.rows.length === 0 ? (
              <StateView kind="empty" message="当天还没有接种预约" />
            ) : (
              <View className="card">
                {r.rows.map((row) => (
                  <View key={row.appointmentId} className="vaccine-roster-row">
                    <Text>{`${row.time.slice(11)}  ${row.name}  ${row.idNumber}  ${row.phone}`}</Text>
                    <View className="muted">{`${row.vaccine} · ${row.statusLabel}${row.green ? ' · 绿色通道' : ''}`}</View>
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
