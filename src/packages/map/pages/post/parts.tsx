/**
 * What the 先锋岗 and 诚信经营户 pages share: the address in one line, the headline of the article a place comes
 * from, navigation, and loading the place (signed in, by the `id` in the address).
 */
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState, type ReactElement } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { openMap } from '../../../../components/near-me/useNearMe';
import ResourceView, { useResource } from '../../../../components/resource';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getLandmark, type LandmarkDetail } from '../../../../services/map';
import { routeUrl, type RouteName } from '../../../../routes';
import { callFunction } from '../../../../services/transport';
import { starName, starText } from '../../../../../domain/stars/labels';

/** County and address in one line, the county not said twice (「桂林市灵川县」 + 「灵川县城区」). */
export function fullAddress(county: string, address: string): string {
  if (!county || address.startsWith(county)) return address;
  const tail = county.replace(/^.*?[市州盟]/, '');
  if (tail && address.startsWith(tail)) return county.slice(0, county.length - tail.length) + address;
  return county + address;
}

/** The branch's latest signed-off stars (「★★★★☆ 四星级」), or '' when none is signed off or they cannot be read. */
export function useBranchStars(branchId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!branchId) return;
    let live = true;
    callFunction('admin', 'branchStars', { branchIds: [branchId] }).then(
      (answer) => {
        const found = answer.items.find((i) => i.branchId === branchId);
        if (live && found && found.stars > 0) setText(`${starText(found.stars)} ${starName(found.stars)}`);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [branchId]);
  return text;
}

/** The headline residents may read (without the collection note some titles carry). */
export const headline = (title: string) => title.replace(/（[^）]*）$/, '');

export function NavigateButton({ place }: { place: LandmarkDetail }) {
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
      导航前往
    </Button>
  );
}

export function SourceLine({ place }: { place: LandmarkDetail }) {
  return place.source && !place.illustrative ? (
    <View className="place-source">{`相关报道：《${headline(place.source.title)}》`}</View>
  ) : null;
}

/** Loads the place named by `id` in the address and renders it; sign-in and a missing id answered plainly. */
export function PlacePage({
  route,
  render,
}: {
  route: RouteName;
  render: (place: LandmarkDetail, reload: () => void) => ReactElement;
}) {
  const { params } = useRouter();
  const id = params.id ?? '';
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
    path: routeUrl(route, { id }),
  }));
  if (signedOut) return <SignInPrompt from={routeUrl(route, { id })} />;
  if (!id) return <StateView kind="error" message="没有找到这个地点，请从党建地图进入" />;
  return <ResourceView resource={resource}>{(value) => render(value, resource.reload)}</ResourceView>;
}
