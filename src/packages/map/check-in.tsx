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
import { checkInAt, type CheckInAnswer, type LandmarkDetail } from '../../services/map';
import { routeUrl } from '../../routes';
import { distanceIn, errorIn, nameIn, wordsOf, type Lang, type Words } from '../../i18n';
import { distanceMetres, wgs84ToGcj02 } from './geo';
import { sceneFromScan } from './scene';

/** A poster's mini-program code and the local stand-in's plain QR ('wxCode' is WeChat's, missing from Taro's types). */
const SCAN_TYPES = ['qrCode', 'wxCode'] as unknown as (keyof Taro.scanCode.ScanType)[];

const successText = (r: CheckInAnswer, w: Words['checkin']) =>
  r.points > 0 ? w.points(r.points) : r.capped ? w.capped : w.done;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A refusal in English: the server words it in Chinese, so a known one is said again here — too far (the distance
 * measured on the device from the position sent), another code, today already, too soon after a far check-in.
 */
function refusalIn(
  lang: Lang,
  error: unknown,
  place: LandmarkDetail,
  sent: { lat: number; lng: number; datum: string } | null,
): string {
  const w = wordsOf(lang).checkin;
  return errorIn(lang, error, (e) => {
    if (e.field === 'location' && sent) {
      const here = sent.datum === 'wgs84' ? wgs84ToGcj02(sent) : sent;
      return w.far('', distanceIn(lang, distanceMetres(here, place.location)), distanceIn(lang, place.radius));
    }
    if (e.field === 'scene') return w.wrongCode;
    if (e.code === 'CONFLICT') return w.today;
    if (e.code === 'TOO_EARLY') {
      const at = /(?:(\d{1,2})月(\d{1,2})日 )?(\d{2}:\d{2}) 以后/.exec(e.message);
      if (!at) return null;
      const day = at[1] ? `${at[2]} ${MONTHS[Number(at[1]) - 1] ?? ''} ` : '';
      return w.tooSoon(`${day}${at[3]}`);
    }
    return null;
  });
}

export default function CheckIn({
  place,
  scene,
  onDone,
  lang = 'zh',
  words = wordsOf(lang),
}: {
  place: LandmarkDetail;
  scene: string;
  onDone: () => void;
  lang?: Lang;
  words?: Words;
}) {
  const w = words.checkin;
  const radius = distanceIn(lang, place.radius);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<{
    error: unknown;
    sent: { lat: number; lng: number; datum: string } | null;
  } | null>(null);
  const [done, setDone] = useState<CheckInAnswer | null>(null);

  const go = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setFailure(null);
    let sent: { lat: number; lng: number; datum: string } | null = null;
    try {
      let code = scene;
      if (!code && process.env.TARO_ENV === 'weapp') {
        try {
          code = sceneFromScan(await Taro.scanCode({ onlyFromCamera: true, scanType: SCAN_TYPES }));
        } catch {
          return; // closed the scanner: nothing to say
        }
        if (!code) return setProblem(w.notRecognised);
      }
      if (!code) return setProblem(w.needCode);
      let position: Taro.getLocation.SuccessCallbackResult;
      try {
        position = await Taro.getLocation({ type: LOCATION_TYPE });
      } catch (e) {
        return setProblem(
          lang === 'en' ? w.noLocation : locationProblem(e).replace('已按默认顺序显示', '无法确认你在现场'),
        );
      }
      sent = { lat: position.latitude, lng: position.longitude, datum: LOCATION_TYPE };
      const answer = await checkInAt({
        landmarkId: place.landmarkId,
        scene: code,
        location: { lat: position.latitude, lng: position.longitude },
        datum: LOCATION_TYPE,
      });
      setDone(answer);
      onDone();
    } catch (e) {
      setFailure({ error: e, sent });
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <View className="checkin-done" role="status">
        <View className="checkin-done__title">{successText(done, w)}</View>
        {done.completedRoutes.map((r) => (
          <View key={r.routeId} className="checkin-done__route">
            <View>{w.route(nameIn(lang, r).text)}</View>
            <View
              className="checkin-done__link checkin-done__certificate"
              {...a11y({ role: 'link' })}
              onClick={() => void Taro.navigateTo({ url: routeUrl('mapCertificate', { id: r.routeId }) })}
            >
              {w.certificate}
            </View>
          </View>
        ))}
        <View className="checkin-done__sub">{w.tally(done.landmarks, done.checkins)}</View>
        <View
          className="checkin-done__link"
          {...a11y({ role: 'link' })}
          onClick={() => void Taro.navigateTo({ url: routeUrl('mapFootprint') })}
        >
          {w.footprint}
        </View>
      </View>
    );
  if (place.mine?.checkedInToday)
    return (
      <View className="checkin-today" role="status">
        <View className="checkin-today__title">{w.today}</View>
        <View
          className="checkin-done__link"
          {...a11y({ role: 'link' })}
          onClick={() => void Taro.navigateTo({ url: routeUrl('mapFootprint') })}
        >
          {w.footprint}
        </View>
      </View>
    );
  return (
    <View className="checkin">
      <View className="checkin__hint">
        {scene
          ? w.hereHint(place.name, radius)
          : process.env.TARO_ENV === 'weapp'
            ? w.scanHint(radius)
            : w.wechatHint(radius)}
      </View>
      <Button className="checkin__button" type="primary" block loading={busy} disabled={busy} onClick={() => void go()}>
        {busy ? w.busy : scene || process.env.TARO_ENV !== 'weapp' ? w.button : w.scan}
      </Button>
      {problem || failure ? (
        <View className="checkin__problem" role="alert">
          {problem ?? refusalIn(lang, failure?.error, place, failure?.sent ?? null)}
        </View>
      ) : null}
    </View>
  );
}
