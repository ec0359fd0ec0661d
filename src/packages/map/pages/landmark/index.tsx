/**
 * A place on the 党建地图: what it is, when it is open, where, how many have checked in, the routes it is on, and
 * at a red landmark 「打卡」 — with the poster's code (weapp: scanned, or the scene the poster's code opened the page
 * with; H5: `scene` in the address) and the phone's position. The server decides; its refusal shows beside the button.
 */
import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import { LOCATION_TYPE, locationProblem, openMap } from '../../../../components/near-me/useNearMe';
import ResourceView, { useResource } from '../../../../components/resource';
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { errorMessage } from '../../../../services/transport';
import { checkInAt, getLandmark, type CheckInAnswer, type LandmarkDetail } from '../../../../services/map';
import { routeUrl } from '../../../../routes';
import { sceneFromScan } from '../../scene';
import './index.scss';

/** A poster's mini-program code and the local stand-in's plain QR ('wxCode' is WeChat's, missing from Taro's types). */
const SCAN_TYPES = ['qrCode', 'wxCode'] as unknown as (keyof Taro.scanCode.ScanType)[];

/** The headline residents may read (without the collection note some titles carry). */
const headline = (title: string) => title.replace(/（[^）]*）$/, '');

const successText = (r: CheckInAnswer) =>
  r.points > 0 ? `打卡成功，获得 ${r.points} 积分` : r.capped ? '打卡成功，今日积分已满' : '打卡成功';

function CheckIn({ place, scene, onDone }: { place: LandmarkDetail; scene: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<CheckInAnswer | null>(null);

  const go = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      let code = scene;
      if (!code && process.env.TARO_ENV === 'weapp') {
        try {
          code = sceneFromScan(await Taro.scanCode({ onlyFromCamera: true, scanType: SCAN_TYPES }));
        } catch {
          return; // closed the scanner: nothing to say
        }
        if (!code) return setProblem('没有认出打卡码，请对准现场海报上的二维码再扫一次');
      }
      if (!code) return setProblem('请用微信扫描现场海报上的打卡码');
      let position: Taro.getLocation.SuccessCallbackResult;
      try {
        position = await Taro.getLocation({ type: LOCATION_TYPE });
      } catch (e) {
        return setProblem(locationProblem(e).replace('已按默认顺序显示', '无法确认你在现场'));
      }
      const answer = await checkInAt({
        landmarkId: place.landmarkId,
        scene: code,
        location: { lat: position.latitude, lng: position.longitude },
        datum: LOCATION_TYPE,
      });
      setDone(answer);
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <View className="checkin-done" role="status">
        <View className="checkin-done__title">{successText(done)}</View>
        {done.completedRoutes.map((r) => (
          <View key={r.routeId} className="checkin-done__route">{`你走完了「${r.name}」全程`}</View>
        ))}
        <View className="checkin-done__sub">{`你已在 ${done.landmarks} 个地点打卡 ${done.checkins} 次`}</View>
        <View
          className="checkin-done__link"
          {...a11y({ role: 'link' })}
          onClick={() => void Taro.navigateTo({ url: routeUrl('mapFootprint') })}
        >
          查看我的足迹 ›
        </View>
      </View>
    );
  if (place.mine?.checkedInToday)
    return (
      <View className="checkin-today" role="status">
        <View className="checkin-today__title">今天已在这里打过卡，明天再来吧</View>
        <View
          className="checkin-done__link"
          {...a11y({ role: 'link' })}
          onClick={() => void Taro.navigateTo({ url: routeUrl('mapFootprint') })}
        >
          查看我的足迹 ›
        </View>
      </View>
    );
  return (
    <View className="checkin">
      <View className="checkin__hint">
        {scene
          ? `到「${place.name}」现场，在 ${place.radius} 米以内即可打卡`
          : process.env.TARO_ENV === 'weapp'
            ? `到现场扫描海报上的打卡码，在 ${place.radius} 米以内即可打卡`
            : `到现场用微信扫描海报上的打卡码，在 ${place.radius} 米以内即可打卡`}
      </View>
      <Button className="checkin__button" type="primary" block loading={busy} disabled={busy} onClick={() => void go()}>
        {busy ? '正在打卡…' : scene || process.env.TARO_ENV !== 'weapp' ? '打卡' : '扫码打卡'}
      </Button>
      {problem ? (
        <View className="checkin__problem" role="alert">
          {problem}
        </View>
      ) : null}
    </View>
  );
}

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
        <Cell title="地址" description={`${place.county}${place.address}` || '—'} />
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
