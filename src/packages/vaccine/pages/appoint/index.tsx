import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { slotChip } from '../../../../../domain/slots/labels';
import DateStrip from '../../../../components/date-strip';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { useIntention } from '../../../../components/intention';
import { a11y } from '../../../../components/layout/a11y';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { askToSubscribe } from '../../../../services/subscribe';
import { errorMessage } from '../../../../services/transport';
import {
  appoint,
  getSite,
  getVaccineSlots,
  listPersons,
  type PersonItem,
  type VaccineSlot,
} from '../../../../services/vaccine';
import { clockText, shanghaiDays, whenText } from '../../../../utils/day-text';
import { ROUTES } from '../../../../routes';
import '../../../booking/booking.scss';
import './index.scss';
import '../../../../components/date-strip/dialog.scss';

const DAYS = 14;

/**
 * Whether 长辈模式 was offered for an elder in this session, and the answer: asked once, never switched
 * by surprise (the relative holding the phone may not want large text).
 */
let elderOffer: 'switched' | 'declined' | null = null;

async function offerElderMode(name: string, switchOn: (on: boolean) => void): Promise<void> {
  if (elderOffer) return;
  const { confirm } = await Taro.showModal({
    title: '长辈模式',
    content: `为 ${name} 切换到长辈模式（大字）？`,
    confirmText: '切换',
    cancelText: '不用',
  });
  elderOffer = confirm ? 'switched' : 'declined';
  if (confirm) switchOn(true);
}

/** The seats a person could take: general ones, and green-channel ones for people 60 and over. */
const seatsFor = (slot: VaccineSlot, elder: boolean) => slot.remaining + (elder ? slot.greenRemaining : 0);

export default function AppointPage() {
  const { params } = useRouter();
  const siteId = params.siteId ?? '';
  const site = useResource(() => getSite(siteId), [siteId]);
  const people = useResource(listPersons, [], { reloadOnShow: true });
  const [elder, setElder] = useElderMode();
  const [now] = useState(() => Date.now());
  const days = useMemo(() => shanghaiDays(now, DAYS), [now]);
  // No day picked: the server opens on today while today has an open slot, else on the first day with one.
  const [picked, setPicked] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [vaccine, setVaccine] = useState<string | null>(null);
  const [dose, setDose] = useState(1);
  const slots = useResource(() => getVaccineSlots(siteId, picked ?? undefined), [siteId, picked]);
  const date = picked ?? slots.data?.date ?? days[0]!;
  const chosen: PersonItem | undefined = people.data?.items.find((p) => p.personId === personId);
  const offers = site.data?.offers ?? [];
  const offer = offers.find((o) => o.code === vaccine) ?? offers[0];

  // Choosing someone 60 or over offers 长辈模式 once a session; it never switches by itself.
  const offered = useRef<string | null>(null);
  useEffect(() => {
    if (!chosen?.elder || elder || offered.current === chosen.personId) return;
    offered.current = chosen.personId;
    void offerElderMode(chosen.name, setElder);
  }, [chosen?.personId]); // eslint-disable-line react-hooks/exhaustive-deps

  const intent = useIntention(null);
  const book = (slot: VaccineSlot) => {
    if (!chosen || !offer) {
      void Taro.showModal({ title: '请先选择', content: '请先选择接种人和疫苗', showCancel: false });
      return;
    }
    const s = site.data;
    const summary = [
      `接种人：${chosen.name}`,
      `疫苗：${offer.name} 第\u00a0${dose}\u00a0剂`,
      `地点：${s ? `${s.name}（${s.address}）` : ''}`,
      `时间：${whenText(slot.start, slot.end, now)}`,
    ].join('\n');
    // One intention per person, vaccine, dose and slot: a double tap or a retry books once.
    void intent.run(
      (requestId) => appoint({ slotId: slot.slotId, personId: chosen.personId, vaccine: offer.code, dose, requestId }),
      {
        key: { slot: slot.slotId, person: chosen.personId, vaccine: offer.code, dose },
        confirm: { title: '确认预约', content: summary, confirmText: '预约' },
        onSuccess: async ({ code }) => {
          slots.reload();
          const { confirm } = await Taro.showModal({
            title: '预约成功',
            content: `预约码 ${code}\n${summary}\n接种当天请携带身份证件，向现场工作人员出示预约码。可在「我的接种预约」查看或取消。`,
            confirmText: '我的预约',
            cancelText: '留在此页',
          });
          await askToSubscribe('vaccine');
          if (confirm) void Taro.redirectTo({ url: ROUTES.vaccineMine });
        },
        onError: (e) => {
          void Taro.showModal({ title: '未能预约', content: errorMessage(e), showCancel: false });
          slots.reload();
        },
      },
    );
  };

  return (
    <ElderPage elder={elder} className="appoint-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={site}>
        {(s) => (
          <View className="card">
            <View className="card__title">{s.name}</View>
            <Text className="muted">{s.address}</Text>
          </View>
        )}
      </ResourceView>
      <View className="card">
        <View className="card__title">接种人</View>
        <ResourceView resource={people}>
          {(p) => (
            <View className="choice-row">
              {p.items.map((person) => (
                <Text
                  key={person.personId}
                  className={`tag choose-person ${person.personId === personId ? '' : 'tag--grey'}`}
                  {...a11y({ role: 'button', pressed: person.personId === personId })}
                  onClick={() => setPersonId(person.personId)}
                >
                  {`${person.name}${person.elder ? '（60岁以上）' : ''}`}
                </Text>
              ))}
              <Text
                className="tag tag--grey add-person-link"
                {...a11y({ role: 'link' })}
                onClick={() => void Taro.navigateTo({ url: ROUTES.vaccinePeople })}
              >
                + 添加接种人
              </Text>
            </View>
          )}
        </ResourceView>
      </View>
      <View className="card">
        <View className="card__title">疫苗与剂次</View>
        <View className="choice-row">
          {offers.map((o) => (
            <Text
              key={o.code}
              className={`tag choose-vaccine ${o.code === offer?.code ? '' : 'tag--grey'}`}
              {...a11y({ role: 'button', pressed: o.code === offer?.code })}
              onClick={() => {
                setVaccine(o.code);
                setDose(1);
              }}
            >
              {`${o.name}（${o.maker}）`}
            </Text>
          ))}
        </View>
        <View className="choice-row">
          {Array.from({ length: offer?.doses ?? 1 }, (_, i) => i + 1).map((d) => (
            <Text
              key={d}
              className={`tag choose-dose ${d === dose ? '' : 'tag--grey'}`}
              {...a11y({ role: 'button', pressed: d === dose })}
              onClick={() => setDose(d)}
            >
              {`第 ${d} 剂`}
            </Text>
          ))}
        </View>
      </View>
      <DateStrip days={days} value={date} onChange={setPicked} now={now} />
      <View className="card">
        <ResourceView resource={slots}>
          {(s) =>
            s.slots.length === 0 ? (
              <StateView kind="empty" message="当天没有接种时段，请选择其他日期" />
            ) : (
              <View className="slot-grid">
                {s.slots.map((slot) => {
                  const older = Boolean(chosen?.elder);
                  const { view, label, tappable } = slotChip({ ...slot, remaining: seatsFor(slot, older) });
                  const green = slot.bookable && slot.greenRemaining > 0 && !slot.greenReleased;
                  return (
                    <View
                      key={slot.slotId}
                      className={`slot vaccine-slot slot--${view}`}
                      {...a11y({ role: 'button', label: `${whenText(slot.start, slot.end, now)} ${label}` })}
                      onClick={() => tappable && !intent.busy && book(slot)}
                    >
                      <View className="slot__time">{clockText(slot.start)}</View>
                      <View className="slot__label">{label}</View>
                      {green ? (
                        <View className="slot__label slot__green">{`绿色通道 ${slot.greenRemaining}`}</View>
                      ) : null}
                    </View>
                  );
                })}
              </View>
            )
          }
        </ResourceView>
      </View>
      {!chosen ? (
        <View className="card">
          <Button block onClick={() => void Taro.navigateTo({ url: ROUTES.vaccinePeople })}>
            先添加接种人
          </Button>
        </View>
      ) : null}
    </ElderPage>
  );
}
