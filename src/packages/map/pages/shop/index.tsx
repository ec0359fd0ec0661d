/**
 * A 诚信经营户 or 共产党员经营户: its 亮牌 (the sign at the door, and since when), the branch that vouches for it,
 * what it is, when it is open and where. In the page's language, as the landmark page.
 */
import { View } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import { dayText } from '../../../../utils/day-text';
import { dateIn, hoursIn, textIn, zhMark } from '../../../../i18n';
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
} from '../post/parts';
import '../post/index.scss';

function ShopView({ place, lang, words, setLang }: PlaceView) {
  const w = words.shop;
  const stars = useBranchStars(place.branch?.branchId, lang, words);
  const badge = lang === 'en' ? place.badgeLabelEn : place.badgeLabel;
  const title = badge || words.kindLabels[place.kind];
  const intro = textIn(lang, place.intro, place.introEn);
  const address = fullAddress(place.county, place.address);
  return (
    <ElderPage className={`shop-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <PlaceHero place={place} sub={title} lang={lang} words={words} setLang={setLang} />
      <View className={`card shop-plate ${place.lit ? 'shop-plate--lit' : 'shop-plate--unlit'}`}>
        {place.lit ? (
          <>
            <View className="shop-plate__sign" aria-hidden>
              <View className="shop-plate__star">★</View>
              <View className="shop-plate__words">{title}</View>
            </View>
            <View className="shop-plate__state">{w.lit}</View>
            {place.litAt ? (
              <View className="shop-plate__since">
                {w.since(lang === 'en' ? dateIn(lang, place.litAt) : dayText(place.litAt))}
              </View>
            ) : null}
          </>
        ) : (
          <View className="shop-plate__state">{w.unlit}</View>
        )}
        <View className="shop-plate__branch">
          {place.branch ? (
            <Around parts={w.recommended} name={textIn(lang, place.branch.name)} lang={lang} />
          ) : (
            w.noBranch
          )}
        </View>
        {stars ? <View className="branch-stars">{stars}</View> : null}
      </View>
      {intro.text ? (
        <View className="card">
          <View className="card__title">{w.intro}</View>
          <View className="place-intro" {...zhMark(lang, intro)}>
            {intro.text}
          </View>
        </View>
      ) : null}
      <View className="card">
        <Cell
          title={w.hours}
          description={place.hours ? <Said lang={lang} text={hoursIn(lang, place.hours)} /> : w.hoursUnknown}
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

export default function ShopPage() {
  return <PlacePage route="mapShop" title={(w) => w.shop.title} render={(view) => <ShopView {...view} />} />;
}
