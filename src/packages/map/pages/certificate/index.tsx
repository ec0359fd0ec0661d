/**
 * A completed route's certificate: drawn on the device (the route, its stops with the day of each first check-in,
 * the dates from first to last, the person's nickname) in the page's language, shown as a picture with the same
 * words in text below it. weapp: a 2d canvas turned into a picture, 保存到相册 through the album API and 分享 through
 * WeChat's picture sheet; H5: a canvas element, downloaded as a PNG.
 */
import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import StateView from '../../../../components/state-view';
import { a11y } from '../../../../components/layout/a11y';
import { needsSignIn } from '../../../../services/session';
import { routeUrl } from '../../../../routes';
import LangSwitch from '../../../../i18n/switch';
import { dateIn, hasChinese, nameIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
import { getCertificate, type Certificate } from '../../api';
import { drawCertificate, layout, WIDTH, type CertificateText, type Pen } from '../../certificate-draw';
import { LoadedView, SignInFirst, useLoaded } from '../../loaded';
import './index.scss';

const CANVAS_ID = 'xf-certificate';

function textOf(c: Certificate, lang: Lang, words: Words): CertificateText {
  const first = dateIn(lang, c.startedAt);
  const last = dateIn(lang, c.completedAt);
  return {
    heading: words.certificate.heading,
    nickname: words.certificate.awarded(c.nickname),
    walked: words.certificate.walked(c.landmarks.length),
    route: nameIn(lang, c).text,
    datesLabel: words.certificate.from,
    dates: first === last ? first : `${first} – ${last}`,
    stopsLabel: words.certificate.stops,
    stops: c.landmarks.map((l) => ({ name: nameIn(lang, l).text, date: dateIn(lang, l.at) })),
    footer: words.certificate.footer,
  };
}

/** H5: draws into a canvas element and answers the picture as a data URL. */
function drawOnH5(text: CertificateText): string {
  const canvas = document.createElement('canvas');
  const pen = canvas.getContext('2d');
  if (!pen) throw new Error('no 2d canvas');
  const { height } = layout(pen as unknown as Pen, text);
  canvas.width = WIDTH;
  canvas.height = height;
  drawCertificate(pen as unknown as Pen, text, height);
  return canvas.toDataURL('image/png');
}

type WeappCanvas = { width: number; height: number; getContext: (kind: '2d') => unknown };

/** weapp: draws into the page's 2d canvas and answers a temporary picture file. */
function drawOnWeapp(text: CertificateText): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((found: { node?: WeappCanvas }[]) => {
        const canvas = found[0]?.node;
        if (!canvas) return reject(new Error('no canvas'));
        const pen = canvas.getContext('2d') as Pen;
        const { height } = layout(pen, text);
        canvas.width = WIDTH;
        canvas.height = height;
        drawCertificate(pen, text, height);
        void Taro.canvasToTempFilePath({
          canvas: canvas as never,
          fileType: 'png',
          success: (r: { tempFilePath: string }) => resolve(r.tempFilePath),
          fail: reject,
        } as never);
      });
  });
}

function CertificateView({ cert, lang, words }: { cert: Certificate; lang: Lang; words: Words }) {
  const text = useMemo(() => textOf(cert, lang, words), [cert, lang, words]);
  const [picture, setPicture] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [height, setHeight] = useState(1200);
  const route = nameIn(lang, cert);

  useEffect(() => {
    let current = true;
    setPicture(null);
    if (process.env.TARO_ENV === 'h5') {
      try {
        setPicture(drawOnH5(text));
      } catch {
        setNote(words.failed);
      }
      return undefined;
    }
    // weapp: the canvas takes its height from the layout first, then is drawn.
    const measure = Taro.createOffscreenCanvas?.({ type: '2d', width: 10, height: 10 } as never) as
      { getContext: (k: '2d') => unknown } | undefined;
    if (measure) setHeight(layout(measure.getContext('2d') as Pen, text).height);
    const timer = setTimeout(() => {
      drawOnWeapp(text).then(
        (path) => current && setPicture(path),
        () => current && setNote(words.failed),
      );
    }, 100);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, words]);

  const save = async () => {
    if (!picture) return;
    if (process.env.TARO_ENV === 'h5') {
      const link = document.createElement('a');
      link.href = picture;
      link.download = `${words.certificate.title}-${route.text}.png`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return;
    }
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: picture });
      setNote(words.certificate.saved);
    } catch (e) {
      const message = String((e as { errMsg?: string } | null)?.errMsg ?? '');
      setNote(/auth|deny|denied|privacy/i.test(message) ? words.certificate.albumDenied : words.certificate.saveFailed);
    }
  };

  const share = () => {
    if (!picture) return;
    const taro = Taro as unknown as { showShareImageMenu?: (o: { path: string }) => Promise<unknown> };
    void taro.showShareImageMenu?.({ path: picture }).catch(() => undefined);
  };

  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas
          type="2d"
          id={CANVAS_ID}
          className="certificate-canvas"
          style={{ width: `${WIDTH / 2}px`, height: `${height / 2}px` }}
        />
      ) : null}
      <View className="certificate-frame">
        {picture ? (
          // The picture is named once, by its frame (the drawn words are in the card below too).
          <View {...a11y({ role: 'img', label: words.certificate.picture(route.text, cert.nickname) })}>
            <Image className="certificate-picture" src={picture} mode="widthFix" {...a11y({ hidden: true })} />
          </View>
        ) : (
          <View className="certificate-drawing">{note ?? words.certificate.drawing}</View>
        )}
      </View>
      <View className="card certificate-actions">
        {process.env.TARO_ENV === 'weapp' ? (
          <>
            <Button type="primary" block disabled={!picture} onClick={() => void save()}>
              {words.certificate.save}
            </Button>
            <Button
              className="certificate-share"
              fill="outline"
              type="primary"
              block
              disabled={!picture}
              onClick={share}
            >
              {words.certificate.share}
            </Button>
          </>
        ) : (
          <Button type="primary" block disabled={!picture} onClick={() => void save()}>
            {words.certificate.download}
          </Button>
        )}
        {note && picture ? (
          <View className="certificate-note" role="status">
            {note}
          </View>
        ) : null}
      </View>
      <View className="card certificate-text">
        <View className="certificate-text__who">
          <Text {...zhMark(lang, hasChinese(cert.nickname))}>{text.nickname}</Text>
        </View>
        <View className="certificate-text__walked">{text.walked}</View>
        <View className="certificate-text__route" {...zhMark(lang, route)}>
          {route.text}
        </View>
        <View className="certificate-text__dates">{`${text.datesLabel}${lang === 'en' ? ': ' : '：'}${text.dates}`}</View>
        <View className="card__title certificate-text__stops">{text.stopsLabel}</View>
        {cert.landmarks.map((l, i) => {
          const stop = nameIn(lang, l);
          return (
            <View key={l.landmarkId} className="certificate-stop">
              <Text className="certificate-stop__name">
                {`${i + 1}. `}
                <Text {...zhMark(lang, stop)}>{stop.text}</Text>
              </Text>
              <Text className="certificate-stop__date">{dateIn(lang, l.at)}</Text>
            </View>
          );
        })}
      </View>
    </>
  );
}

export default function CertificatePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedOut = needsSignIn();
  const [lang, words, setLang] = useLang((w) => w.certificate.title);
  const loaded = useLoaded(() => getCertificate(id), [id], !signedOut && id !== '');
  useShareAppMessage(() => ({
    title: loaded.data ? words.certificate.sharePage(nameIn(lang, loaded.data).text) : words.certificate.title,
    // Another person opening it sees the route (a certificate is its holder's own).
    path: routeUrl('mapRoute', { id }),
  }));
  if (signedOut) return <SignInFirst words={words} from={routeUrl('mapCertificate', { id })} />;
  return (
    <ElderPage className={`certificate-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <View className="route-head">
        <LangSwitch lang={lang} words={words} onChange={setLang} />
      </View>
      {/* Opened without a route (a cut-off link): said plainly, not loaded for ever. */}
      {!id ? (
        <StateView kind="error" message={words.certificate.missing} />
      ) : (
        <LoadedView loaded={loaded} lang={lang} words={words} missing={words.certificate.missing}>
          {(value) => <CertificateView cert={value} lang={lang} words={words} />}
        </LoadedView>
      )}
    </ElderPage>
  );
}
