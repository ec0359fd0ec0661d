import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import FormField from '../../../../components/form-field';
import PagedList, { usePagedList } from '../../../../components/paged-list';
import ResourceView, { useResource } from '../../../../components/resource';
import { closeItemDay, generateItemSlots, getStationWithItems, listStations, type StationSummary } from '../../../../services/stations';
import { errorMessage } from '../../../../services/transport';
import { formatDate } from '../../../../utils/time';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

function ItemAdmin({ itemId, name }: { itemId: string; name: string }) {
  const today = formatDate(Date.now());
  const [weekdays, setWeekdays] = useState([2, 3, 4, 5, 6, 7]);
  const [form, setForm] = useState({ from: today, to: formatDate(Date.now() + 13 * 86_400_000), start: '09:00', end: '17:00', slotMinutes: '60', capacity: '10' });
  const [close, setClose] = useState({ date: today, reason: '' });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (fn: () => Promise<string>) => {
    try {
      setStatus({ ok: true, text: await fn() });
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <View className="card item-admin">
      <View className="card__title">{name}</View>
      <Text className="muted">每周模板</Text>
      <View>
        {WEEK.map((w, i) => (
          <Text key={w} className={`tag ${weekdays.includes(i + 1) ? '' : 'tag--grey'}`} onClick={() => setWeekdays((d) => (d.includes(i + 1) ? d.filter((x) => x !== i + 1) : [...d, i + 1].sort()))}>
            {`周${w}`}
          </Text>
        ))}
      </View>
      <FormField label="开始时间" name="start" value={form.start} onChange={set('start')} maxlength={5} />
      <FormField label="结束时间" name="end" value={form.end} onChange={set('end')} maxlength={5} />
      <FormField label="每段分钟数" name="slotMinutes" value={form.slotMinutes} onChange={set('slotMinutes')} type="number" maxlength={3} />
      <FormField label="每段容量" name="capacity" value={form.capacity} onChange={set('capacity')} type="number" maxlength={4} />
      <FormField label="从（日期）" name="from" value={form.from} onChange={set('from')} maxlength={10} />
      <FormField label="到（日期）" name="to" value={form.to} onChange={set('to')} maxlength={10} />
      <Button
        type="primary"
        block
        onClick={() =>
          void run(async () => {
            const res = await generateItemSlots({ itemId, from: form.from, to: form.to, template: { weekdays, start: form.start, end: form.end, slotMinutes: Number(form.slotMinutes), capacity: Number(form.capacity) } });
            return `新建 ${res.created} 个时段，已存在 ${res.existing} 个`;
          })
        }
      >
        按模板生成时段
      </Button>
      <FormField label="关闭日期（节假日、检修）" name="closeDate" value={close.date} onChange={(date) => setClose((c) => ({ ...c, date }))} maxlength={10} />
      <FormField label="原因（会通知已预约的居民）" name="reason" value={close.reason} onChange={(reason) => setClose((c) => ({ ...c, reason }))} maxlength={60} />
      <Button
        block
        onClick={() =>
          void run(async () => {
            const res = await closeItemDay({ itemId, date: close.date, reason: close.reason || undefined });
            return `已关闭 ${res.closed} 个时段，取消并通知 ${res.cancelled} 个预约`;
          })
        }
      >
        关闭当天
      </Button>
      {status ? <View style={{ color: status.ok ? '#389e0d' : '#c8161d', marginTop: '12rpx' }}>{status.text}</View> : null}
    </View>
  );
}

function StationItems({ station }: { station: StationSummary }) {
  const detail = useResource(() => getStationWithItems(station.stationId), [station.stationId]);
  return (
    <ResourceView resource={detail}>
      {(d) => (
        <View>
          {d.items.length === 0 ? <Text className="muted">该驿站没有可预约项目</Text> : null}
          {d.items.map((item) => (
            <ItemAdmin key={item.itemId} itemId={item.itemId} name={`${station.name} · ${item.name}`} />
          ))}
        </View>
      )}
    </ResourceView>
  );
}

export default function AdminSlotsPage() {
  const [chosen, setChosen] = useState<StationSummary | null>(null);
  const stations = usePagedList<StationSummary>((cursor) => listStations({ cursor }), []);
  if (chosen) {
    return (
      <View className="page admin-slots">
        <View className="card" onClick={() => setChosen(null)}>
          <Text className="muted">← 重新选择驿站</Text>
        </View>
        <StationItems station={chosen} />
      </View>
    );
  }
  return (
    <View className="page admin-slots">
      <PagedList
        list={stations}
        keyOf={(s) => s.stationId}
        emptyText="暂无驿站"
        renderItem={(s) => (
          <View className="card" onClick={() => setChosen(s)}>
            <View className="card__title">{s.name}</View>
            <Text className="muted">{`${s.kindLabel} · ${s.district}`}</Text>
          </View>
        )}
      />
    </View>
  );
}
