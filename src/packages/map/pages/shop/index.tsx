/**
 * A 诚信经营户 or 共产党员经营户: its 亮牌 (the sign at the door, and since when), the branch that vouches for it,
 * what it is, when it is open and where.
 */
import { View } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import type { LandmarkDetail } from '../../../../services/map';
import { dayText } from '../../../../utils/day-text';
import { NavigateButton, PlacePage, SourceLine, fullAddress, useBranchStars } from '../post/parts';
import '../post/index.scss';

function ShopView({ place }: { place: LandmarkDetail }) {
  const stars = useBranchStars(place.branch?.branchId);
  const title = place.badgeLabel || place.kindLabel;
  return (
    <ElderPage className="shop-page">
      <View className="hero place-hero place-hero--shop">
        <View className="hero__title">{place.name}</View>
        <View className="hero__sub">{title}</View>
      </View>
      <View className={`card shop-plate ${place.lit ? 'shop-plate--lit' : 'shop-plate--unlit'}`}>
        {place.lit ? (
          <>
            <View className="shop-plate__sign" aria-hidden>
              <View className="shop-plate__star">★</View>
              <View className="shop-plate__words">{title}</View>
            </View>
            <View className="shop-plate__state">已亮牌，诚信经营</View>
            {place.litAt ? <View className="shop-plate__since">{`${dayText(place.litAt)}起亮牌`}</View> : null}
          </>
        ) : (
          <View className="shop-plate__state">暂未亮牌</View>
        )}
        <View className="shop-plate__branch">
          {place.branch ? `由「${place.branch.name}」推荐` : '推荐党组织待确认'}
        </View>
        {stars ? <View className="branch-stars">{stars}</View> : null}
      </View>
      {place.intro ? (
        <View className="card">
          <View className="card__title">简介</View>
          <View className="place-intro">{place.intro}</View>
        </View>
      ) : null}
      <View className="card">
        <Cell title="营业时间" description={place.hours || '以店内公示为准'} />
        <Cell title="地址" description={fullAddress(place.county, place.address) || '—'} />
        <NavigateButton place={place} />
      </View>
      <SourceLine place={place} />
    </ElderPage>
  );
}

export default function ShopPage() {
  return <PlacePage route="mapShop" render={(place) => <ShopView place={place} />} />;
}
