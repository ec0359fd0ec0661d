import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { useIntention } from '../../../../components/intention';
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
import { dayjs, formatDate } from '../../../../utils/time';
import { ROUTES } from '../../../../routes';
import '../../../booking/booking.scss';

const hhmm = (ms: number) => dayjs(ms).utcOffset(480).format('HH:mm');

export default function AppointPage() {
  const { params } = useRouter();
  const siteId = params.siteId ?? '';
  const site = useResource(() => getSite(siteId), [siteId]);
  const people = useResource(listPersons, [], { reloadOnShow: true });
  const [elder, setElder] = useElderMode();
  const dates = useMemo(() => Array.from({ length: 14 }, (_, i) => formatDate(Date.now() + i * 86_400_000)), []);
  const [date, setDate] = useState(dates[1]!);
  const [personId, setPersonId] = useState<string | null>(null);
  const [vaccine, setVaccine] = useState<string | null>(null);
  const [dose, setDose] = useState(1);
  const slots = useResource(() => getVaccineSlots(siteId, date), [siteId, date]);
  const chosen: PersonItem | undefined = people.data?.items.find((p) => p.personId === personId);
  const offers = site.data?.offers ?? [];
  const offer = offers.find((o) => o.code === vaccine) ?? offers[0];

  // 长辈模式 is offered by itself when the person chosen is 60 or over.
  useEffect(() => {
    if (chosen?.elder && !elder) {
      setElder(true);
      void Taro.showToast({ title: '已为长辈开启大字模式', icon: 'none' });
    }
  }, [chosen?.personId]); // eslint-disable-line react-hooks/exhaustive-deps

  const intent = useIntention(null);
  const book = (slot: VaccineSlot) => {
    if (!chosen || !offer) {
      void Taro.showModal({ title: '请先选择', content: '请先选择接种人和疫苗', showCancel: false });
      return;
    }
    // One intention per person, vaccine, dose and slot: a double tap or a retry books once.
    void intent.run(
      (requestId) => appoint({ slotId: slot.slotId, personId: chosen.personId, vaccine: offer.code, dose, requestId }),
      {
        key: { slot: slot.slotId, person: chosen.personId, vaccine: offer.code, dose },
        confirm: {
          title: '确认预约',
          content: `为 ${chosen.name} 预约 ${offer.name} 第 ${dose} 剂：${site.data?.name ?? ''} ${date} ${hhmm(slot.start)}-${hhmm(slot.end)}`,
          confirmText: '预约',
        },
        onSuccess: async ({ code }) => {
          await Taro.showModal({
            title: '预约成功',
            content: `预约码 ${code}，接种当天向现场工作人员出示。`,
            showCancel: false,
          });
          await askToSubscribe('vaccine');
          void Taro.redirectTo({ url: ROUTES.vaccineMine });
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
            <View>
              {p.items.map((person) => (
                <Text
                  key={person.personId}
                  className={`tag choose-person ${person.personId === personId ? '' : 'tag--grey'}`}
                  onClick={() => setPersonId(person.personId)}
                >
                  {`${person.name}${person.elder ? '（60岁以上）' : ''}`}
                </Text>
              ))}
              <Text
                className="tag tag--grey add-person-link"
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
        {offers.map((o) => (
          <Text
            key={o.code}
            className={`tag ${o.code === offer?.code ? '' : 'tag--grey'}`}
            onClick={() => {
              setVaccine(o.code);
              setDose(1);
            }}
          >
            {`${o.name}（${o.maker}）`}
          </Text>
        ))}
        <View>
          {Array.from({ length: offer?.doses ?? 1 }, (_, i) => i + 1).map((d) => (
            <Text key={d} className={`tag ${d === dose ? '' : 'tag--grey'}`} onClick={() => setDose(d)}>
              {`第 ${d} 剂`}
            </Text>
          ))}
        </View>
      </View>
      <ScrollView scrollX className="date-strip">
        {dates.map((d) => (
          <View key={d} className={`date-chip ${d === date ? 'date-chip--active' : ''}`} onClick={() => setDate(d)}>
            <View>{d === dates[0] ? '今天' : d.slice(5)}</View>
          </View>
        ))}
      </ScrollView>
      <View className="card">
        <ResourceView resource={slots}>
          {(s) =>
            s.slots.length === 0 ? (
              <StateView kind="empty" message="当天没有接种时段" />
            ) : (
              <View className="slot-grid">
                {s.slots.map((slot) => {
                  const open =
                    slot.bookable && (slot.remaining > 0 || (Boolean(chosen?.elder) && slot.greenRemaining > 0));
                  return (
                    <View
                      key={slot.slotId}
                      className={`slot vaccine-slot ${open ? 'slot--open' : 'slot--closed'}`}
                      onClick={() => open && !intent.busy && book(slot)}
                    >
                      <View className="slot__time">{hhmm(slot.start)}</View>
                      <View className="slot__label">{`余 ${slot.remaining}`}</View>
                      {slot.greenRemaining > 0 && !slot.greenReleased ? (
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
