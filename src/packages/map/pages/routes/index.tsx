/**
 * 红色路线: every route with its stops in order and the person's progress (which stops they checked in at), the
 * demo route marked as one; a route opens its own page, a completed one its certificate from there.
 */
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ElderPage } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { ROUTES, routeUrl } from '../../../../routes';
import LangSwitch from '../../../../i18n/switch';
import { nameIn, textIn, useLang, zhMark, type Lang, type Words } from '../../../../i18n';
import { getRoutes, type MapRoute } from '../../api';
import { LoadedView, SignInFirst, useLoaded } from '../../loaded';
import { RouteProgress } from '../../route-progress';
import '../../routes.scss';

function RouteCard({ route, lang, words }: { route: MapRoute; lang: Lang; words: Words }) {
  const name = nameIn(lang, route);
  const intro = textIn(lang, route.intro, route.introEn);
  return (
    <View
      className={`card route-card ${route.mine?.completedAt ? 'route-card--done' : ''}`}
      {...a11y({ role: 'listitem' })}
      onClick={() => void Taro.navigateTo({ url: routeUrl('mapRoute', { id: route.routeId }) })}
    >
      <View className="route-card__name" {...zhMark(lang, name)}>
        {name.text}
      </View>
      {route.illustrative ? <View className="route-demo">{words.routes.demo}</View> : null}
      {intro.text ? (
        <View className="route-card__intro" {...zhMark(lang, intro)}>
          {intro.text}
        </View>
      ) : null}
      <View className="route-card__stops">
        {route.landmarks.map((l, i) => {
          const stop = nameIn(lang, l);
          return (
            <Text key={l.landmarkId} className={`route-stop ${l.visited ? 'route-stop--visited' : ''}`}>
              <Text className="route-stop__n">{`${i + 1}`}</Text>
              <Text {...zhMark(lang, stop)}>{stop.text}</Text>
            </Text>
          );
        })}
      </View>
      <RouteProgress route={route} words={words} />
      <View className="route-card__foot">
        <Text className="route-card__people">{words.routes.people(route.completions)}</Text>
        <Text className="route-card__go">{words.routes.open}</Text>
      </View>
    </View>
  );
}

export default function RoutesPage() {
  const signedOut = needsSignIn();
  const [lang, words, setLang] = useLang((w) => w.routes.title);
  const loaded = useLoaded(() => getRoutes(), [], !signedOut);
  useDidShow(() => {
    if (loaded.data) loaded.reload();
  });
  useShareAppMessage(() => ({ title: words.routes.title, path: ROUTES.mapRoutes }));
  if (signedOut) return <SignInFirst words={words} from={ROUTES.mapRoutes} />;
  return (
    <ElderPage className={`routes-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <View className="routes-head">
        <LangSwitch lang={lang} words={words} onChange={setLang} />
      </View>
      <LoadedView loaded={loaded} lang={lang} words={words}>
        {(value) =>
          value.items.length === 0 ? (
            <StateView kind="empty" message={words.routes.empty} />
          ) : (
            <View {...a11y({ role: 'list', label: words.routes.title })}>
              {value.items.map((r) => (
                <RouteCard key={r.routeId} route={r} lang={lang} words={words} />
              ))}
            </View>
          )
        }
      </LoadedView>
    </ElderPage>
  );
}
