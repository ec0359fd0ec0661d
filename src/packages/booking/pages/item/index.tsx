import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, View, Text } from '@tarojs/components';
import ResourceView, { useResource } from '../../../../components/resource';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import { newRequestId } from '../../../../services/points';
import { askToSubscribe } from '../../../../services/subscribe';
import { bookSlot, getSlots, joinWaitlist, type SlotItem, type SlotsAnswer } from '../../../../services/stations';
import { asButton, clock, slotView, slotWhen, thing } from '../../slot-view';
import { errorMessage, ServiceError } from '../../../../services/transport';
import { dayjs, formatDate } from '../../../../utils/time';
import '../../booking.scss';

const DAYS = 14;
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

type BookedThing = SlotsAnswer['item'];

function SlotGrid({ slots, item, onChanged }: { slots: SlotItem[]; item: BookedThing; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  // One request id per slot the person meant to book: a retry after a lost answer books once.
  const pending = useRef(new Map<string, string>());
  if (slots.length === 0) return <View className="muted slot-empty">当天没有可预约的时段</View>;

  const act = async (slot: SlotItem) => {
    if (busy || !slot.bookable || slot.mine) return;
    const full = slot.remaining === 0;
    const when = slotWhen(slot);
    const { confirm } = await Taro.showModal({
      title: full ? '加入候补' : '确认预约',
      content: full
        ? `${thing(item)} ${when} 已约满。加入候补后，有人取消时将按顺序为你自动预约并通知你。`
        : `预约 ${thing(item)}\n${when}\n到场后凭预约码签到。`,
      confirmText: full ? '候补' : '预约',
    });
    if (!confirm) return;
    setBusy(slot.slotId);
    try {
      if (full) {
        const { position } = await joinWaitlist(slot.slotId);
        void Taro.showModal({
          title: '已加入候补',
          content: `${thing(item)} ${when}，你排在第 ${position} 位。`,
          showCancel: false,
        }).then(() => askToSubscribe('booking'));
      } else {
        const requestId = pending.current.get(slot.slotId) ?? newRequestId();
        pending.current.set(slot.slotId, requestId);
        const { code } = await bookSlot(slot.slotId, requestId);
        pending.current.delete(slot.slotId);
        void Taro.showModal({
          title: '预约成功',
          content: `预约码 ${code}\n${thing(item)}\n${when}\n到场后向工作人员出示预约码，可在“我的预约”查看。`,
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
        const { view, label } = slotView(slot);
        return (
          <View
            key={slot.slotId}
            className={`slot slot--${view}`}
            {...asButton(`${slotWhen(slot)} ${label}`)}
            onClick={() => void act(slot)}
          >
            <View className="slot__time">{clock(slot.start)}</View>
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
  const dates = useMemo(() => Array.from({ length: DAYS }, (_, i) => formatDate(Date.now() + i * 86_400_000)), []);
  const [date, setDate] = useState(dates[0]!);
  const slots = useResource(() => getSlots(itemId, date), [itemId, date]);
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
        </View>
      ) : null}
      <ScrollView scrollX className="date-strip">
        {dates.map((d) => {
          const day = dayjs(`${d}T00:00:00+08:00`);
          return (
            <View key={d} className={`date-chip ${d === date ? 'date-chip--active' : ''}`} onClick={() => setDate(d)}>
              <View>{d === dates[0] ? '今天' : `周${WEEK[day.utcOffset(480).day()]}`}</View>
              <View className="date-chip__day">{d.slice(5)}</View>
            </View>
          );
        })}
      </ScrollView>
      <View className="card">
        <ResourceView resource={slots}>
          {(s) => <SlotGrid slots={s.slots} item={s.item} onChanged={slots.reload} />}
        </ResourceView>
      </View>
      <View className="card">
        <Text className="muted">
          时段只在驿站开放时间内；正在进行的时段显示“进行中”，不能再预约。每人同时持有的有效预约数有上限；临近开始时不能取消；约满的时段可加入候补，有人取消时自动为你预约。
        </Text>
      </View>
    </ElderPage>
  );
}
