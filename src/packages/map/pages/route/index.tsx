/**
 * A route: its stops in walking order, which the person checked in at (and when first), how many stops are left,
 * and once every stop has a check-in, the way to its certificate. A stop opens its landmark page.
 */
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { routeUrl } from '../../../../routes';
import LangSwitch from '../../../../i18n/switch';
import { nameIn, textIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
import { getRoutes, type MapRoute } from '../../api';
import { LoadedView, SignInFirst, useLoaded } from '../../loaded';
import { RouteProgress } from '../../route-progress';
import '../../routes.scss';
import './index.scss';

function RouteView({
  route,
  lang,
  words,
  setLang,
}: {
  route: MapRoute;
  lang: Lang;
  words: Words;
  setLang: (l: Lang) => void;
}) {
  const name = nameIn(lang, route);
  const intro = textIn(lang, route.intro, route.introEn);
  const left = route.landmarks.filter((l) => !l.visited).length;
  return (
    <>
      <View className="hero hero--lang route-hero">
        <View className="hero__main">
          <View className="hero__title" {...zhMark(lang, name)}>
            {name.text}
          </View>
          <View className="hero__sub">{words.routes.stops(route.landmarks.length)}</View>
        </View>
        <LangSwitch lang={lang} words={words} onChange={setLang} hero />
      </View>
      {route.illustrative ? <View className="route-demo route-demo--page">{words.routes.demo}</View> : null}
      <View className="card">
        {intro.text ? (
          <View className="route-card__intro route-intro" {...zhMark(lang, intro)}>
            {intro.text}
          </View>
        ) : null}
        <RouteProgress route={route} words={words} />
        {route.mine?.completedAt ? (
          <Button
            className="route-certificate"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routeUrl('mapCertificate', { id: route.routeId }) })}
          >
            {words.route.certificate}
          </Button>
        ) : (
          <View className="route-left">{words.route.left(left)}</View>
        )}
      </View>
      <View className="card">
        <View className="card__title">{words.route.stops}</View>
        <View {...a11y({ role: 'list', label: words.route.stops })}>
          {route.landmarks.map((l, i) => {
            const stop = nameIn(lang, l);
            return (
              <View
                key={l.landmarkId}
                className={`route-row ${l.visited ? 'route-row--visited' : ''}`}
                {...a11y({ role: 'listitem' })}
                onClick={() => void Taro.navigateTo({ url: routeUrl('mapLandmark', { id: l.landmarkId }) })}
              >
                <Text className="route-row__n">{i + 1}</Text>
                <View className="route-row__body">
                  <View className="route-row__name" {...zhMark(lang, stop)}>
                    {stop.text}
                  </View>
                  <View className="route-row__state">{l.visited ? words.route.visited : words.route.notYet}</View>
                </View>
                <Text className="route-row__go">›</Text>
              </View>
            );
          })}
        </View>
      </View>
    </>
  );
}

export default function RoutePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedOut = needsSignIn();
  const loaded = useLoaded(
    () => getRoutes().then((answer) => ({ route: answer.items.find((r) => r.routeId === id) ?? null })),
    [id],
    !signedOut && id !== '',
  );
  const route = loaded.data?.route ?? null;
  const [lang, words, setLang] = useLang((w, l) => (route ? nameIn(l, route).text : w.route.title));
  useDidShow(() => {
    if (loaded.data !== null) loaded.reload();
  });
  useShareAppMessage(() => ({
    title: route ? nameIn(lang, route).text : words.routes.title,
    path: routeUrl('mapRoute', { id }),
  }));
  if (signedOut) return <SignInFirst words={words} from={routeUrl('mapRoute', { id })} />;
  return (
    <ElderPage className={`route-page ${lang === 'en' ? 'xf-en' : ''}`}>
      {!id ? (
        <StateView kind="error" message={words.route.missing} />
      ) : (
        <LoadedView loaded={loaded} lang={lang} words={words} missing={words.route.missing}>
          {(value) =>
            value.route ? (
              <RouteView route={value.route} lang={lang} words={words} setLang={setLang} />
            ) : (
              <StateView kind="error" message={words.route.missing} />
            )
          }
        </LoadedView>
      )}
    </ElderPage>
  );
}
