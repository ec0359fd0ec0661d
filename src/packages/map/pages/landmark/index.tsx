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
import ResourceView, { useResource } from '../../../../components/resource';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getLandmark, type LandmarkDetail } from '../../../../services/map';
import { routeUrl } from '../../../../routes';
import CheckIn from '../../check-in';
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

function LandmarkView({ place, scene, reload }: { place: LandmarkDetail; scene: string; reload: () => void }) {
  return (
    <ElderPage className="landmark-page">
      <View className={`hero landmark-hero landmark-hero--${place.kind}`}>
        <View className="hero__title">{place.name}</View>
        <View className="hero__sub">{place.kindLabel}</View>
      </View>
      {place.pictures[0] ? (
        <Image className="landmark-picture" src={place.pictures[0]} mode="aspectFill" aria-label={place.name} />
      ) : null}
      {place.checkIn ? (
        <View className="card landmark-checkin">
          <View className="card__title">红色打卡</View>
          <CheckIn place={place} scene={scene} onDone={reload} />
        </View>
      ) : null}
      {place.intro ? (
        <View className="card">
          <View className="card__title">简介</View>
          <View className="landmark-intro">{place.intro}</View>
        </View>
      ) : null}
      <View className="card">
        <Cell title="开放时间" description={place.hours || '以现场公示为准'} />
        <Cell title="地址" description={fullAddress(place.county, place.address) || '—'} />
        {place.branch ? <Cell title="所属党组织" description={place.branch.name} /> : null}
        <Cell title="打卡人次" description={`${place.checkins} 人次`} />
        <Button
          className="landmark-navigate"
          fill="outline"
          type="primary"
          block
          onClick={() =>
            openMap({ lat: place.location.lat, lng: place.location.lng, name: place.name, address: place.address })
          }
        >
          导航前往
        </Button>
      </View>
      {place.routes.length > 0 ? (
        <View className="card">
          <View className="card__title">所在路线</View>
          {place.routes.map((r) => (
            <View key={r.routeId} className="landmark-route">
              <Text className="landmark-route__name">{r.name}</Text>
              <Text className="landmark-route__order">{`第 ${r.order} 站，共 ${r.total} 站`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {place.source && !place.illustrative ? (
        <View className="landmark-source">{`相关报道：《${headline(place.source.title)}》`}</View>
      ) : null}
    </ElderPage>
  );
}

export default function LandmarkPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  // A poster's code opens the page with its scene (WeChat URL-encodes it); H5 carries it in the address.
  const scene = decodeURIComponent(params.scene ?? '').trim();
  const signedOut = needsSignIn();
  const resource = useResource(
    () =>
      getLandmark(id).then((value) => {
        void Taro.setNavigationBarTitle({ title: value.name });
        return value;
      }),
    [id],
    { enabled: !signedOut && id !== '' },
  );
  useShareAppMessage(() => ({
    title: resource.data ? `${resource.data.name}（${resource.data.kindLabel}）` : '党建地图',
    path: routeUrl('mapLandmark', { id }),
  }));
  if (signedOut) return <SignInPrompt from={routeUrl('mapLandmark', { id, scene: scene || undefined })} />;
  if (!id) return <StateView kind="error" message="没有找到这个地点，请从党建地图进入" />;
  return (
    <ResourceView resource={resource}>
      {(value) => <LandmarkView place={value} scene={scene} reload={resource.reload} />}
    </ResourceView>
  );
}
