import { useEffect, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import StateView from '../../../../components/state-view';
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
import LangSwitch from '../../../../i18n/switch';
import { errorIn, hoursIn, nameIn, textIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
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

/** A text of the data on an English page: marked as Chinese when it is. */
const Said = ({ lang, text }: { lang: Lang; text: string }) => {
  const shown = textIn(lang, text);
  return <Text {...zhMark(lang, shown)}>{shown.text}</Text>;
};

function BookableItem({ item, lang, words }: { item: StationItem; lang: Lang; words: Words }) {
  const w = words.station;
  return (
    <View className="bookable-item" {...asButton(w.book(item.name))} onClick={() => openItem(item)}>
      <View className="bookable-item__head">
        <Text className="bookable-item__name">
          <Said lang={lang} text={item.name} />
        </Text>
        <Text className="tag tag--bookable">{w.bookable}</Text>
      </View>
      <View className="muted">
        {lang === 'en' ? (
          <>
            {w.itemKinds[item.kind] ?? item.kindLabel}
            {item.description ? ' · ' : ''}
            {item.description ? <Said lang={lang} text={item.description} /> : null}
          </>
        ) : (
          `${item.kindLabel}${item.description ? ` · ${item.description}` : ''}`
        )}
      </View>
      <View className="bookable-item__go">{w.choose}</View>
    </View>
  );
}

function StationDetailView({
  detail,
  lang,
  words,
  setLang,
}: {
  detail: StationDetailAnswer;
  lang: Lang;
  words: Words;
  setLang: (l: Lang) => void;
}) {
  const { station, items } = detail;
  const w = words.station;
  const name = nameIn(lang, station as { name: string; nameEn?: string });
  const hours = hoursIn(lang, station.openHours);
  return (
    <>
      <View className="hero hero--lang station-hero">
        <View className="hero__main">
          <View className="hero__title" {...zhMark(lang, name)}>
            {name.text}
          </View>
          <View className="hero__sub">
            {lang === 'en' ? (w.kinds[station.kind] ?? station.kindLabel) : station.kindLabel}
          </View>
        </View>
        <LangSwitch lang={lang} words={words} onChange={setLang} hero />
      </View>
      <View className="station-cover">
        <PlacePicture
          place={{ name: station.name, kind: station.kind, picture: station.pictures[0] ?? null }}
          size="l"
        />
      </View>
      <View className="card">
        <Cell
          title={w.address}
          description={<Said lang={lang} text={`${station.county}${station.district} ${station.address}`} />}
        />
        <Cell
          title={w.hours}
          description={station.openHours ? <Text {...zhMark(lang, hours)}>{hours.text}</Text> : w.hoursUnknown}
        />
        {station.phone ? (
          <Cell
            title={w.phone}
            description={station.phone}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: station.phone })}
          />
        ) : null}
        {station.location ? (
          <Button type="primary" block onClick={() => navigate(station)}>
            {w.navigate}
          </Button>
        ) : null}
      </View>
      <View className="card">
        <View className="card__title">{items.length > 0 ? w.bookingCount(items.length) : w.booking}</View>
        {items.length === 0 ? <Text className="muted">{w.noBooking}</Text> : null}
        {items.map((item) => (
          <BookableItem key={item.itemId} item={item} lang={lang} words={words} />
        ))}
      </View>
      {station.intro ? (
        <View className="card">
          <View className="card__title">{w.intro}</View>
          <Text className="muted">
            <Said lang={lang} text={station.intro} />
          </Text>
        </View>
      ) : null}
      <View className="card">
        <View className="card__title">{w.services(station.services.length)}</View>
        {station.services.length === 0 ? (
          <Text className="muted">{w.noServices}</Text>
        ) : (
          <View className="service-list">
            {station.services.map((s) => (
              <View
                key={s.code}
                className={`service-row ${s.bookable ? 'service-row--bookable' : ''}`}
                {...(s.bookable ? asButton(w.bookService(s.name)) : {})}
                onClick={s.bookable && s.itemId ? () => openItem({ itemId: s.itemId!, name: s.name }) : undefined}
              >
                <Text className="service-row__name">
                  <Said lang={lang} text={s.name} />
                </Text>
                {s.bookable ? (
                  <Text className="tag tag--bookable">{w.bookable}</Text>
                ) : (
                  <Text className="tag tag--grey">{w.atStation}</Text>
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
  const [resource, setResource] = useState<{ data: StationDetailAnswer | null; error: unknown }>({
    data: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    getStationWithItems(id).then(
      (data) => current && setResource({ data, error: null }),
      (error: unknown) => current && setResource({ data: null, error: error ?? new Error('failed') }),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);
  const station = resource.data?.station;
  const [lang, words, setLang] = useLang((_w, l) =>
    station ? nameIn(l, station as { name: string; nameEn?: string }).text : null,
  );
  useShareAppMessage(() => ({
    title: resource.data ? `${resource.data.station.name} · 先锋驿站` : '先锋驿站',
    path: routeUrl('bookingStation', { id }),
  }));
  return (
    <ElderPage elder={elder} className={`station-detail ${lang === 'en' ? 'xf-en' : ''}`}>
      {resource.error ? (
        <StateView
          kind="error"
          message={errorIn(lang, resource.error)}
          actionText={words.retry}
          onAction={() => {
            setResource({ data: null, error: null });
            setAttempt((n) => n + 1);
          }}
        />
      ) : resource.data === null ? (
        <StateView kind="loading" message={words.loading} />
      ) : (
        <StationDetailView detail={resource.data} lang={lang} words={words} setLang={setLang} />
      )}
    </ElderPage>
  );
}
