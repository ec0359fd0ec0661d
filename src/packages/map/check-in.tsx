/**
 * 「打卡」 at a red landmark: the poster's code (the scene the page was opened with, or on weapp a scan), then the
 * phone's position in the datum it gives; the server decides. A refusal shows beside the button in its own words;
 * success shows the points (or that today's are full), routes completed and the way to 我的足迹.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/layout/a11y';
import { LOCATION_TYPE, locationProblem } from '../../components/near-me/useNearMe';
import { errorMessage } from '../../services/transport';
import { checkInAt, type CheckInAnswer, type LandmarkDetail } from '../../services/map';
import { routeUrl } from '../../routes';
import { sceneFromScan } from './scene';

/** A poster's mini-program code and the local stand-in's plain QR ('wxCode' is WeChat's, missing from Taro's types). */
const SCAN_TYPES = ['qrCode', 'wxCode'] as unknown as (keyof Taro.scanCode.ScanType)[];

const successText = (r: CheckInAnswer) =>
  r.points > 0 ? `打卡成功，获得 ${r.points} 积分` : r.capped ? '打卡成功，今日积分已满' : '打卡成功';

export default function CheckIn({
  place,
  scene,
  onDone,
}: {
  place: LandmarkDetail;
  scene: string;
  onDone: () => void;
}) {
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
