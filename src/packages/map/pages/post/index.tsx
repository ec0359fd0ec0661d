/**
 * A 党员先锋岗 or 党员责任区: what it is on, the member who holds it (masked: 「王*华」), the branch, when and where —
 * and 「找他办事」, which opens a 群众点单 addressed to that branch carrying the post it came from.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import type { LandmarkDetail } from '../../../../services/map';
import { routeUrl } from '../../../../routes';
import { NavigateButton, PlacePage, SourceLine, fullAddress, useBranchStars } from './parts';
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

function PostView({ place }: { place: LandmarkDetail }) {
  const stars = useBranchStars(place.branch?.branchId);
  const ask = askUrl(place);
  const what = place.kind === 'area' ? '责任区' : '先锋岗';
  return (
    <ElderPage className="post-page">
      <View className={`hero place-hero place-hero--${place.kind}`}>
        <View className="hero__title">{place.name}</View>
        <View className="hero__sub">{place.kindLabel}</View>
      </View>
      <View className="card post-who">
        <View className="post-who__row">
          <View className="post-who__badge" aria-hidden>
            党员
          </View>
          <View className="post-who__text">
            <View className="post-who__name">{place.holder ? `${place.holder} 同志` : '党员同志'}</View>
            <View className="post-who__branch">{place.branch ? place.branch.name : '所属党支部待确认'}</View>
            {stars ? <View className="branch-stars">{stars}</View> : null}
          </View>
        </View>
        {ask ? (
          <>
            <Button className="post-ask" type="primary" block onClick={() => void Taro.navigateTo({ url: ask })}>
              找他办事
            </Button>
            <View className="post-ask__hint">{`提交的点单交给「${place.branch?.name ?? ''}」书记受理，再安排党员办理`}</View>
          </>
        ) : (
          <View className="post-ask__hint">{`这个${what}暂不接受点单`}</View>
        )}
      </View>
      {place.intro ? (
        <View className="card">
          <View className="card__title">{`${what}职责`}</View>
          <View className="place-intro">{place.intro}</View>
        </View>
      ) : null}
      <View className="card">
        {place.placeTypeLabel ? <Cell title={`${what}所在`} description={place.placeTypeLabel} /> : null}
        <Cell title="服务时间" description={place.hours || '以现场公示为准'} />
        <Cell title="地址" description={fullAddress(place.county, place.address) || '—'} />
        <NavigateButton place={place} />
      </View>
      <SourceLine place={place} />
    </ElderPage>
  );
}

export default function PostPage() {
  return <PlacePage route="mapPost" render={(place) => <PostView place={place} />} />;
}
