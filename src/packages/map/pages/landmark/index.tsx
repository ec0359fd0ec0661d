/**
 * A place on the 党建地图: what it is, when it is open, where, how many have checked in, the routes it is on, and
 * at a red landmark 「打卡」 — with the poster's code (weapp: scanned, or the scene the poster's code opened the page
 * with; H5: `scene` in the address) and the phone's position. The server decides; its refusal shows beside the button.
 */
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import { openMap } from '../../../../components/near-me/useNearMe';
import { a11y } from '../../../../components/layout/a11y';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getLandmark, getLandmarkByScene, type LandmarkDetail } from '../../../../services/map';
import { routeUrl } from '../../../../routes';
import LangSwitch from '../../../../i18n/switch';
import { hoursIn, nameIn, textIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
import CheckIn from '../../check-in';
import { LoadedView, SignInFirst, useLoaded } from '../../loaded';
import './index.scss';

/** County and address in one line, the county not said twice (「玉林市容县」 + 「容县容州镇…」). */
function fullAddress(county: string, address: string): string {
  if (!county || address.startsWith(county)) return address;
  const tail = county.replace(/^.*?[市州盟]/, '');
  if (tail && address.startsWith(tail)) return county.slice(0, county.length - tail.length) + address;
  return county + address;
}

/** The headline residents may read (without the collection note some titles carry). */
const headline = (title: string) => title.replace(/（[^）]*）$/, '');

/** A Chinese text on an English page, marked as Chinese (a NutUI cell's description). */
const Said = ({ lang, text }: { lang: Lang; text: { text: string; zh: boolean } }) => (
  <Text {...zhMark(lang, text)}>{text.text}</Text>
);

function LandmarkView({
  place,
  scene,
  reload,
  lang,
  words,
  setLang,
}: {
  place: LandmarkDetail;
  scene: string;
  reload: () => void;
  lang: Lang;
  words: Words;
  setLang: (l: Lang) => void;
}) {
  const w = words.landmark;
  const name = nameIn(lang, place);
  const intro = textIn(lang, place.intro, place.introEn);
  const address = fullAddress(place.county, place.address);
  return (
    <ElderPage className={`landmark-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <View className={`hero hero--lang landmark-hero landmark-hero--${place.kind}`}>
        <View className="hero__main">
          <View className="hero__title" {...zhMark(lang, name)}>
            {name.text}
          </View>
          <View className="hero__sub">{words.kindLabels[place.kind]}</View>
        </View>
        <LangSwitch lang={lang} words={words} onChange={setLang} hero />
      </View>
      {place.pictures[0] ? (
        <Image className="landmark-picture" src={place.pictures[0]} mode="aspectFill" aria-label={name.text} />
      ) : null}
      {place.checkIn ? (
        <View className="card landmark-checkin">
          <View className="card__title">{w.checkIn}</View>
          <CheckIn place={place} scene={scene} onDone={reload} lang={lang} words={words} />
        </View>
      ) : null}
      {intro.text ? (
        <View className="card">
          <View className="card__title">{w.intro}</View>
          <View className="landmark-intro" {...zhMark(lang, intro)}>
            {intro.text}
          </View>
        </View>
      ) : null}
      <View className="card">
        <Cell
          title={w.hours}
          description={place.hours ? <Said lang={lang} text={hoursIn(lang, place.hours)} /> : w.hoursUnknown}
        />
        <Cell title={w.address} description={address ? <Said lang={lang} text={textIn(lang, address)} /> : '—'} />
        {place.branch ? (
          <Cell title={w.branch} description={<Said lang={lang} text={textIn(lang, place.branch.name)} />} />
        ) : null}
        <Cell title={w.checkins} description={w.times(place.checkins)} />
        <Button
          className="landmark-navigate"
          fill="outline"
          type="primary"
          block
          onClick={() =>
            openMap({ lat: place.location.lat, lng: place.location.lng, name: place.name, address: place.address })
          }
        >
          {w.navigate}
        </Button>
      </View>
      {place.routes.length > 0 ? (
        <View className="card">
          <View className="card__title">{w.routes}</View>
          {place.routes.map((r) => {
            const route = nameIn(lang, r);
            return (
              <View
                key={r.routeId}
                className="landmark-route"
                {...a11y({ role: 'link' })}
                onClick={() => void Taro.navigateTo({ url: routeUrl('mapRoute', { id: r.routeId }) })}
              >
                <Text className="landmark-route__name" {...zhMark(lang, route)}>
                  {route.text}
                </Text>
                <Text className="landmark-route__order">{w.stop(r.order, r.total)}</Text>
              </View>
            );
          })}
        </View>
      ) : null}
      {place.source && !place.illustrative ? (
        <View className="landmark-source">
          {lang === 'en' ? (
            <>
              {`${w.report}: `}
              <Text {...zhMark(lang, true)}>{`《${headline(place.source.title)}》`}</Text>
            </>
          ) : (
            `相关报道：《${headline(place.source.title)}》`
          )}
        </View>
      ) : null}
    </ElderPage>
  );
}

export default function LandmarkPage() {
  const { params } = useRouter();
  // A poster's code opens the page with its scene (WeChat URL-encodes it and passes no id); H5 carries it in the address.
  const scene = decodeURIComponent(params.scene ?? '').trim();
  const id = params.id ?? '';
  const signedOut = needsSignIn();
  // Opened by the code alone: the landmark its scene names first (a plain refusal when it names none).
  const loaded = useLoaded(
    async () => getLandmark(id || (await getLandmarkByScene(scene)).landmarkId),
    [id, scene],
    !signedOut && (id !== '' || scene !== ''),
  );
  const [lang, words, setLang] = useLang((w, l) => (loaded.data ? nameIn(l, loaded.data).text : w.landmark.title));
  useShareAppMessage(() => ({
    title: loaded.data ? `${nameIn(lang, loaded.data).text}（${words.kindLabels[loaded.data.kind]}）` : words.map.title,
    path: routeUrl('mapLandmark', { id: loaded.data?.landmarkId ?? id }),
  }));
  if (signedOut)
    return (
      <SignInFirst words={words} from={routeUrl('mapLandmark', { id: id || undefined, scene: scene || undefined })} />
    );
  if (!id && !scene) return <StateView kind="error" message={words.landmark.missing} />;
  return (
    <LoadedView loaded={loaded} lang={lang} words={words} missing={words.landmark.missing}>
      {(value) => (
        <LandmarkView place={value} scene={scene} reload={loaded.reload} lang={lang} words={words} setLang={setLang} />
      )}
    </LoadedView>
  );
}
