import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { slotChip } from '../../../../../domain/slots/labels';
import DateStrip from '../../../../components/date-strip';
import ResourceView, { useResource } from '../../../../components/resource';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import { newRequestId } from '../../../../services/points';
import { askToSubscribe } from '../../../../services/subscribe';
import { bookSlot, getSlots, joinWaitlist, type SlotItem, type SlotsAnswer } from '../../../../services/stations';
import { getMe } from '../../../../services/user';
import { errorMessage, ServiceError } from '../../../../services/transport';
import { clockText, shanghaiDays, whenText } from '../../../../utils/day-text';
import '../../booking.scss';
import '../../../../components/date-strip/dialog.scss';

const DAYS = 14;

type BookedThing = SlotsAnswer['item'];

/** Who, where and when: the lines every confirmation of this page names. */
function summary(item: BookedThing, slot: SlotItem, who: string | null, now: number): string {
  const where = item.stationName ? `${item.stationName}${item.stationAddress ? `（${item.stationAddress}）` : ''}` : '';
  return [
    ...(who ? [`预约人：${who}`] : []),
    `项目：${item.name}`,
    ...(where ? [`地点：${where}`] : []),
    `时间：${whenText(slot.start, slot.end, now)}`,
  ].join('\n');
}

function SlotGrid({
  slots,
  item,
  who,
  now,
  onChanged,
}: {
  slots: SlotItem[];
  item: BookedThing;
  who: string | null;
  now: number;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  // One request id per slot the person meant to book: a retry after a lost answer books once.
  const pending = useRef(new Map<string, string>());
  if (slots.length === 0) return <View className="muted slot-empty">当天没有可预约的时段，请选择其他日期</View>;

  const act = async (slot: SlotItem) => {
    if (busy || !slotChip(slot).tappable) return;
    const full = slot.remaining === 0;
    const lines = summary(item, slot, who, now);
    const { confirm } = await Taro.showModal({
      title: full ? '加入候补' : '确认预约',
      content: full
        ? `${lines}\n该时段已约满。加入候补后，有人取消时将按顺序为你自动预约并通知你。`
        : `${lines}\n到场后凭预约码签到。`,
      confirmText: full ? '候补' : '预约',
    });
    if (!confirm) return;
    setBusy(slot.slotId);
    try {
      if (full) {
        const { position } = await joinWaitlist(slot.slotId);
        void Taro.showModal({
          title: '已加入候补',
          content: `${lines}\n你排在第 ${position} 位，有空位时自动为你预约并通知你。`,
          showCancel: false,
        }).then(() => askToSubscribe('booking'));
      } else {
        const requestId = pending.current.get(slot.slotId) ?? newRequestId();
        pending.current.set(slot.slotId, requestId);
        const { code } = await bookSlot(slot.slotId, requestId);
        pending.current.delete(slot.slotId);
        void Taro.showModal({
          title: '预约成功',
          content: `预约码 ${code}\n${lines}\n到场后向工作人员出示预约码，可在「我的预约」查看或取消。`,
          showCancel: false,
        }).then(() => askToSubscribe('booking'));
      }
      onChanged();
    } catch (e) {
      if (!(e instanceof ServiceError && e.code === 'NETWORK')) pending.current.delete(slot.slotId);
      void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false });
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="slot-grid">
      {slots.map((slot) => {
        const { view, label } = slotChip(slot);
        return (
          <View
            key={slot.slotId}
            className={`slot slot--${view}`}
            {...a11y({ role: 'button', label: `${whenText(slot.start, slot.end, now)} ${label}` })}
            onClick={() => void act(slot)}
          >
            <View className="slot__time">{clockText(slot.start)}</View>
            <View className="slot__label">{busy === slot.slotId ? '提交中…' : label}</View>
          </View>
        );
      })}
    </View>
  );
}

export default function ItemPage() {
  const { params } = useRouter();
  const itemId = params.id ?? '';
  const [elder] = useElderMode();
  const [now] = useState(() => Date.now());
  const days = useMemo(() => shanghaiDays(now, DAYS), [now]);
  // No day picked: the server opens on today while today has a slot still to come, else on the first day with one.
  const [picked, setPicked] = useState<string | null>(null);
  const slots = useResource(() => getSlots(itemId, picked ?? undefined), [itemId, picked]);
  const date = picked ?? slots.data?.date ?? days[0]!;
  // Who books: named in every confirmation (the signed-in person).
  const me = useResource(getMe, []);
  useEffect(() => {
    if (params.name) void Taro.setNavigationBarTitle({ title: decodeURIComponent(params.name) });
  }, [params.name]);
  const item = slots.data?.item;
  return (
    <ElderPage elder={elder} className="item-page">
      {item ? (
        <View className="card item-head">
          <View className="card__title">{item.name}</View>
          {item.stationName ? <Text className="muted">{item.stationName}</Text> : null}
          {item.stationAddress ? <Text className="muted">{item.stationAddress}</Text> : null}
        </View>
      ) : null}
      <DateStrip days={days} value={date} onChange={setPicked} now={now} />
      <View className="card">
        <ResourceView resource={slots}>
          {(s) => (
            <SlotGrid
              slots={s.slots}
              item={s.item}
              who={me.data?.nickname ?? null}
              now={now}
              onChanged={slots.reload}
            />
          )}
        </ResourceView>
      </View>
      <View className="card">
        <Text className="muted">
          时段只在驿站开放时间内；已开始的时段显示“进行中”，已过去的显示“已结束”，都不能再预约。每人同时持有的有效预约数有上限；临近开始时不能取消；约满的时段可加入候补，有人取消时自动为你预约。
        </Text>
      </View>
    </ElderPage>
  );
}
