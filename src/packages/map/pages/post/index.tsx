/**
 * A 党员先锋岗 or 党员责任区: what it is on, the member who holds it (masked: 「王*华」), the branch, when and where —
 * and 「找他办事」, which opens a 群众点单 addressed to that branch carrying the post it came from (that form is in
 * Chinese only). In the page's language, as the landmark page.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import type { LandmarkDetail } from '../../../../services/map';
import { routeUrl } from '../../../../routes';
import { hoursIn, textIn, zhMark } from '../../../../i18n';
import {
  Around,
  NavigateButton,
  PlaceHero,
  PlacePage,
  Said,
  SourceLine,
  fullAddress,
  useBranchStars,
  type PlaceView,
} from './parts';
import './index.scss';

function askUrl(place: LandmarkDetail): string | null {
  if (!place.canAsk || !place.branch) return null;
  return routeUrl('helpAsk', {
    postId: place.landmarkId,
    post: place.name,
    unitId: place.branch.branchId,
    branch: place.branch.name,
    county: place.county,
  });
}

function PostView({ place, lang, words, setLang }: PlaceView) {
  const w = words.post;
  const stars = useBranchStars(place.branch?.branchId, lang, words);
  const ask = askUrl(place);
  const what = place.kind === 'area' ? w.what.area : w.what.post;
  const branch = place.branch ? textIn(lang, place.branch.name) : null;
  const holder = place.holder ? textIn(lang, place.holder) : null;
  const intro = textIn(lang, place.intro, place.introEn);
  const address = fullAddress(place.county, place.address);
  const placeType = place.placeType ? w.placeTypes[place.placeType] : '';
  return (
    <ElderPage className={`post-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <PlaceHero place={place} sub={words.kindLabels[place.kind]} lang={lang} words={words} setLang={setLang} />
      <View className="card post-who">
        <View className="post-who__row">
          <View className="post-who__badge" aria-hidden>
            {w.badge}
          </View>
          <View className="post-who__text">
            <View className="post-who__name">
              {holder ? <Around parts={w.comrade} name={holder} lang={lang} /> : w.member}
            </View>
            <View className="post-who__branch" {...zhMark(lang, branch ?? false)}>
              {branch ? branch.text : w.noBranch}
            </View>
            {stars ? <View className="branch-stars">{stars}</View> : null}
          </View>
        </View>
        {ask ? (
          <>
            <Button className="post-ask" type="primary" block onClick={() => void Taro.navigateTo({ url: ask })}>
              {w.ask}
            </Button>
            <View className="post-ask__hint">
              <Around parts={w.askHint} name={textIn(lang, place.branch?.name ?? '')} lang={lang} />
            </View>
          </>
        ) : (
          <View className="post-ask__hint">{w.closed(what)}</View>
        )}
      </View>
      {intro.text ? (
        <View className="card">
          <View className="card__title">{w.duties(what)}</View>
          <View className="place-intro" {...zhMark(lang, intro)}>
            {intro.text}
          </View>
        </View>
      ) : null}
      <View className="card">
        {placeType ? <Cell title={w.where(what)} description={placeType} /> : null}
        <Cell
          title={w.hours}
          description={
            place.hours ? <Said lang={lang} text={hoursIn(lang, place.hours)} /> : words.landmark.hoursUnknown
          }
        />
        <Cell
          title={words.landmark.address}
          description={address ? <Said lang={lang} text={textIn(lang, address)} /> : '—'}
        />
        <NavigateButton place={place} words={words} />
      </View>
      <SourceLine place={place} lang={lang} words={words} />
    </ElderPage>
  );
}

export default function PostPage() {
  return <PlacePage route="mapPost" title={(w) => w.post.title} render={(view) => <PostView {...view} />} />;
}
