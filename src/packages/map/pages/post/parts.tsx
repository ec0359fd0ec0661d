/**
 * What the 先锋岗 and 诚信经营户 pages share: the address in one line, the headline of the article a place comes
 * from, navigation, the branch's stars, and loading the place (signed in, by the `id` in the address) in the page's
 * language (the switch in the header, the title bar naming the place).
 */
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState, type ReactElement } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { openMap } from '../../../../components/near-me/useNearMe';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getLandmark, type LandmarkDetail } from '../../../../services/map';
import { routeUrl, type RouteName } from '../../../../routes';
import { callFunction } from '../../../../services/transport';
import LangSwitch from '../../../../i18n/switch';
import { nameIn, useLang, zhMark, type Lang, type Shown, type Words } from '../../../../i18n';
import { starName, starText } from '../../../../../domain/stars/labels';
import { LoadedView, SignInFirst, useLoaded } from '../../loaded';

/** County and address in one line, the county not said twice (「桂林市灵川县」 + 「灵川县城区」). */
export function fullAddress(county: string, address: string): string {
  if (!county || address.startsWith(county)) return address;
  const tail = county.replace(/^.*?[市州盟]/, '');
  if (tail && address.startsWith(tail)) return county.slice(0, county.length - tail.length) + address;
  return county + address;
}

/**
 * The branch's latest signed-off stars (「★★★★☆ 四星级」, "★★★★☆ 4-star branch"), or '' when none is signed off or
 * they cannot be read.
 */
export function useBranchStars(branchId: string | undefined, lang: Lang, words: Words): string {
  const [stars, setStars] = useState(0);
  useEffect(() => {
    setStars(0);
    if (!branchId) return;
    let live = true;
    callFunction('admin', 'branchStars', { branchIds: [branchId] }).then(
      (answer) => {
        const found = answer.items.find((i) => i.branchId === branchId);
        if (live && found && found.stars > 0) setStars(found.stars);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [branchId]);
  if (stars <= 0) return '';
  return `${starText(stars)} ${lang === 'en' ? words.map.branchStars(stars) : starName(stars)}`;
}

/** The headline residents may read (without the collection note some titles carry). */
export const headline = (title: string) => title.replace(/（[^）]*）$/, '');

/** A sentence around a name from data (「由「X」推荐」, "Recommended by X"), the name marked when it is Chinese. */
export function Around({ parts, name, lang }: { parts: [string, string]; name: Shown; lang: Lang }) {
  return (
    <>
      {parts[0]}
      <Text {...zhMark(lang, name)}>{name.text}</Text>
      {parts[1]}
    </>
  );
}

/** A Chinese text on an English page, marked as Chinese (a NutUI cell's description). */
export const Said = ({ lang, text }: { lang: Lang; text: Shown }) => <Text {...zhMark(lang, text)}>{text.text}</Text>;

export function NavigateButton({ place, words }: { place: LandmarkDetail; words: Words }) {
  return (
    <Button
      className="place-navigate"
      fill="outline"
      type="primary"
      block
      onClick={() =>
        openMap({ lat: place.location.lat, lng: place.location.lng, name: place.name, address: place.address })
      }
    >
      {words.landmark.navigate}
    </Button>
  );
}

export function SourceLine({ place, lang, words }: { place: LandmarkDetail; lang: Lang; words: Words }) {
  if (!place.source || place.illustrative) return null;
  const title = `《${headline(place.source.title)}》`;
  return (
    <View className="place-source">
      {lang === 'en' ? (
        <>
          {`${words.landmark.report}: `}
          <Text {...zhMark(lang, true)}>{title}</Text>
        </>
      ) : (
        `相关报道：${title}`
      )}
    </View>
  );
}

/** The header of a place: its name (the English form where an admin gave one), what it is, and the language switch. */
export function PlaceHero({
  place,
  sub,
  lang,
  words,
  setLang,
}: {
  place: LandmarkDetail;
  sub: string;
  lang: Lang;
  words: Words;
  setLang: (l: Lang) => void;
}) {
  const name = nameIn(lang, place);
  return (
    <View className={`hero hero--lang place-hero place-hero--${place.kind}`}>
      <View className="hero__main">
        <View className="hero__title" {...zhMark(lang, name)}>
          {name.text}
        </View>
        <View className="hero__sub">{sub}</View>
      </View>
      <LangSwitch lang={lang} words={words} onChange={setLang} hero />
    </View>
  );
}

export interface PlaceView {
  place: LandmarkDetail;
  reload: () => void;
  lang: Lang;
  words: Words;
  setLang: (l: Lang) => void;
}

/** Loads the place named by `id` in the address and renders it; sign-in and a missing id answered plainly. */
export function PlacePage({
  route,
  title,
  render,
}: {
  route: RouteName;
  /** The title bar's words before the place is loaded (its name after). */
  title: (words: Words) => string;
  render: (view: PlaceView) => ReactElement;
}) {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedOut = needsSignIn();
  const loaded = useLoaded(() => getLandmark(id), [id], !signedOut && id !== '');
  const [lang, words, setLang] = useLang((w, l) => (loaded.data ? nameIn(l, loaded.data).text : title(w)));
  useShareAppMessage(() => ({
    title: loaded.data
      ? words.post.share(nameIn(lang, loaded.data).text, words.kindLabels[loaded.data.kind])
      : words.map.title,
    path: routeUrl(route, { id }),
  }));
  if (signedOut) return <SignInFirst words={words} from={routeUrl(route, { id })} />;
  if (!id) return <StateView kind="error" message={words.landmark.missing} />;
  return (
    <LoadedView loaded={loaded} lang={lang} words={words} missing={words.landmark.missing}>
      {(value) => render({ place: value, reload: loaded.reload, lang, words, setLang })}
    </LoadedView>
  );
}
