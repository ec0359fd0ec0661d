/**
 * 党建地图: the places of the visible area — 红色地标, 先锋岗, 责任区, 诚信经营户 — as markers (clusters with their count,
 * asked of the server again when the map moves, a moment after it stops), filtered by kind, with the person's
 * position when they give it, and a list of the same places below (nearest first once the position is known), so
 * the page works without touching the map. weapp: the native map component; H5: Leaflet (leaflet-map.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Map as NativeMap, Text, View } from '@tarojs/components';
import { ElderPage } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import { LOCATION_TYPE, locationProblem } from '../../../../components/near-me/useNearMe';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { getMapMarkers, type LandmarkKind, type Marker } from '../../../../services/map';
import { ROUTES } from '../../../../routes';
import { boundsAround, distanceMetres, wgs84ToGcj02, type Bounds, type Point } from '../../geo';
import { KIND_CODES, placeUrl } from '../../kinds';
import type { MapHandle, MapWords } from '../../leaflet-map';
import LangSwitch from '../../../../i18n/switch';
import { distanceIn, errorIn, nameIn, useLang, zhMark, type Words } from '../../../../i18n';
import { SignInFirst } from '../../loaded';
import { getBranchStars } from '../../api';
import redIcon from '../../assets/red.png';
import postIcon from '../../assets/post.png';
import areaIcon from '../../assets/area.png';
import shopIcon from '../../assets/shop.png';
import clusterIcon from '../../assets/cluster.png';
import './index.scss';

const ICONS: Record<LandmarkKind, string> = { red: redIcon, post: postIcon, area: areaIcon, shop: shopIcon };

/** Before a position: the whole region at a glance (Guangxi), where the places of a deployment lie. */
const START: Point = { lat: 23.8, lng: 108.8 };
const START_ZOOM = 6;
const NEAR_ZOOM = 14;
/** The map's height in screen pixels (index.scss: .map-box). */
const MAP_HEIGHT = 260;
/** A moment after the map stops moving before the server is asked. */
const DEBOUNCE_MS = 350;

type Region = { bounds: Bounds; zoom: number };
type Loaded = { markers: Marker[]; list: Marker[] };
type PlaceMarker = Extract<Marker, { type: 'place' }>;

const screenWidth = () => {
  try {
    return Taro.getSystemInfoSync().windowWidth || 375;
  } catch {
    return 375;
  }
};

const openLandmark = (id: string, kind?: LandmarkKind) => void Taro.navigateTo({ url: placeUrl(id, kind) });

const mapWords = (words: Words, en: boolean): MapWords => ({
  zoomIn: words.map.zoomIn,
  zoomOut: words.map.zoomOut,
  cluster: words.map.cluster,
  en,
});

export default function MapPage() {
  const signedOut = needsSignIn();
  const [lang, words, setLang] = useLang((w) => w.map.title);
  const [kind, setKind] = useState<LandmarkKind | undefined>();
  const [region, setRegion] = useState<Region>(() => ({
    bounds: boundsAround(START, START_ZOOM, screenWidth(), MAP_HEIGHT),
    zoom: START_ZOOM,
  }));
  const [me, setMe] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [retry, setRetry] = useState(0);
  const [centre, setCentre] = useState<{ point: Point; zoom: number }>({ point: START, zoom: START_ZOOM });
  const [mapFailed, setMapFailed] = useState(false);
  const handle = useRef<MapHandle | null>(null);
  // The map is made once; it reads the words in force when it is made, and hears a switch below.
  const wordsNow = useRef(words);
  const langNow = useRef(lang);
  wordsNow.current = words;
  langNow.current = lang;

  useShareAppMessage(() => ({ title: words.map.share, path: ROUTES.mapHome }));

  // The markers of the visible area, and the same area's places for the list (as single places as the server allows).
  useEffect(() => {
    if (signedOut) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      const kinds = kind ? [kind] : undefined;
      const list = region.zoom >= 18 ? null : getMapMarkers({ bounds: region.bounds, zoom: 20, kinds });
      Promise.all([getMapMarkers({ bounds: region.bounds, zoom: region.zoom, kinds }), list]).then(
        ([onMap, forList]) => {
          if (!current) return;
          setError(null);
          setLoaded({ markers: onMap.markers, list: (forList ?? onMap).markers });
        },
        (e: unknown) => current && setError(e ?? new Error('failed')),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [region, kind, signedOut, retry]);

  // H5: Leaflet, loaded with the page (weapp never bundles it).
  useEffect(() => {
    if (signedOut) return undefined;
    let gone = false;
    if (process.env.TARO_ENV === 'h5') {
      void import('../../leaflet-map').then(({ createMap }) => {
        const element = document.getElementById('xf-map');
        if (gone || !element) return;
        handle.current = createMap(element, {
          centre: START,
          zoom: START_ZOOM,
          onRegion: (bounds, zoom) => setRegion({ bounds, zoom }),
          onOpen: openLandmark,
          words: mapWords(wordsNow.current, langNow.current === 'en'),
        });
      });
    }
    return () => {
      gone = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [signedOut]);

  // The stars of the branches behind the places shown, asked once a branch; a failure only leaves them off.
  const [stars, setStars] = useState<Record<string, number>>({});
  const askedStars = useRef(new Set<string>());
  useEffect(() => {
    const ids = new Set<string>();
    for (const m of [...(loaded?.markers ?? []), ...(loaded?.list ?? [])])
      if (m.type === 'place' && m.branchId && !askedStars.current.has(m.branchId)) ids.add(m.branchId);
    const branchIds = [...ids].slice(0, 200);
    if (branchIds.length === 0) return;
    for (const id of branchIds) askedStars.current.add(id);
    getBranchStars(branchIds).then(
      (res) => setStars((was) => ({ ...was, ...Object.fromEntries(res.items.map((i) => [i.branchId, i.stars])) })),
      () => undefined,
    );
  }, [loaded]);
  const starsOf = (m: PlaceMarker) => (m.branchId ? (stars[m.branchId] ?? 0) : 0);

  // The markers named in the page's language (an English form where an admin gave one), with their branch's stars.
  const shownMarkers = useMemo(
    () =>
      (loaded?.markers ?? []).map((m) => {
        if (m.type !== 'place') return m;
        const n = m.branchId ? (stars[m.branchId] ?? 0) : 0;
        return { ...m, name: nameIn(lang, m).text + (n > 0 ? words.map.starsShort(n) : '') };
      }),
    [loaded, lang, stars, words],
  );
  useEffect(() => {
    handle.current?.setWords(mapWords(words, lang === 'en'));
    handle.current?.setMarkers(shownMarkers);
  }, [shownMarkers, words, lang]);
  useEffect(() => {
    handle.current?.setMe(me);
  }, [me]);

  const locate = async () => {
    setLocating(true);
    try {
      const { latitude, longitude } = await Taro.getLocation({ type: LOCATION_TYPE });
      const raw = { lat: latitude, lng: longitude };
      // The map is in GCJ-02; a browser gives WGS-84.
      const here = LOCATION_TYPE === 'wgs84' ? wgs84ToGcj02(raw) : raw;
      setProblem(null);
      setMe(here);
      setCentre({ point: here, zoom: NEAR_ZOOM });
      if (handle.current) handle.current.centre(here, NEAR_ZOOM);
      else setRegion({ bounds: boundsAround(here, NEAR_ZOOM, screenWidth(), MAP_HEIGHT), zoom: NEAR_ZOOM });
    } catch (e) {
      setProblem(
        lang === 'en' ? words.map.noLocation : locationProblem(e).replace('已按默认顺序显示', '地点按名称排列'),
      );
    } finally {
      setLocating(false);
    }
  };

  const places = useMemo(() => {
    const list = (loaded?.list ?? []).filter((m): m is PlaceMarker => m.type === 'place');
    const withDistance = list.map((p) => ({ ...p, distance: me ? distanceMetres(me, p) : null }));
    return withDistance.sort((a, b) =>
      a.distance !== null && b.distance !== null ? a.distance - b.distance : a.name.localeCompare(b.name, 'zh'),
    );
  }, [loaded, me]);
  const kindName = (k: LandmarkKind) => words.kindLabels[k];
  const hidden = (loaded?.list ?? []).reduce((n, m) => n + (m.type === 'cluster' ? m.count : 0), 0);

  if (signedOut) return <SignInFirst words={words} from={ROUTES.mapHome} />;

  // weapp: the native map's markers, numbered by their place in the answer.
  const markers = shownMarkers;
  const nativeMarkers = markers.map((m, i) =>
    m.type === 'place'
      ? {
          id: i,
          latitude: m.lat,
          longitude: m.lng,
          iconPath: ICONS[m.kind],
          width: 20,
          height: 20,
          title: m.name,
          ariaLabel: `${kindName(m.kind)}${lang === 'en' ? ': ' : '：'}${m.name}`,
          label: { content: m.name, color: '#262626', fontSize: 11, anchorX: 12, anchorY: -18 } as never,
        }
      : {
          id: i,
          latitude: m.lat,
          longitude: m.lng,
          iconPath: clusterIcon,
          width: 34,
          height: 34,
          ariaLabel: words.map.cluster(m.count),
          label: {
            content: String(m.count),
            color: '#ffffff',
            fontSize: 13,
            anchorX: m.count < 10 ? -4 : -8,
            anchorY: -26,
          } as never,
        },
  );

  const onRegionEnd = () => {
    const ctx = Taro.createMapContext('xf-map');
    ctx.getRegion({
      success: (r) =>
        ctx.getScale({
          success: (s) =>
            setRegion({
              bounds: {
                south: r.southwest.latitude,
                west: r.southwest.longitude,
                north: r.northeast.latitude,
                east: r.northeast.longitude,
              },
              zoom: Math.max(3, Math.min(20, Math.round(s.scale))),
            }),
        }),
    });
  };

  return (
    <ElderPage className={`map-page ${lang === 'en' ? 'xf-en' : ''}`}>
      <View className="map-top">
        <View className="map-links">
          <Text
            className="map-link map-link--routes"
            {...a11y({ role: 'link' })}
            onClick={() => void Taro.navigateTo({ url: ROUTES.mapRoutes })}
          >
            {words.map.routes}
          </Text>
          <Text
            className="map-link map-link--footprint"
            {...a11y({ role: 'link' })}
            onClick={() => void Taro.navigateTo({ url: ROUTES.mapFootprint })}
          >
            {words.map.footprint}
          </Text>
        </View>
        <LangSwitch lang={lang} words={words} onChange={setLang} />
      </View>
      <View className="map-kinds">
        {KIND_CODES.map((value) => (
          <Text
            key={value ?? 'all'}
            className={`map-kind map-kind--${value ?? 'all'} ${kind === value ? 'map-kind--active' : ''}`}
            {...a11y({ role: 'button', pressed: kind === value })}
            onClick={() => setKind(value)}
          >
            {words.kinds[value ?? 'all']}
          </Text>
        ))}
      </View>
      <View className="map-locate-row">
        <View
          className="map-locate"
          {...a11y({ role: 'button', label: me ? words.map.relocate : words.map.locate })}
          onClick={() => void (locating ? undefined : locate())}
        >
          {locating ? words.map.locating : me ? words.map.relocate : words.map.locate}
        </View>
        {me ? <Text className="map-locate__note">{words.map.nearFirst}</Text> : null}
      </View>
      {problem ? <View className="map-problem">{problem}</View> : null}
      <View className="map-box">
        {process.env.TARO_ENV === 'h5' ? (
          <View id="xf-map" className="map-box__canvas" {...a11y({ role: 'region', label: words.map.region })} />
        ) : (
          <NativeMap
            id="xf-map"
            className="map-box__canvas"
            latitude={centre.point.lat}
            longitude={centre.point.lng}
            scale={centre.zoom}
            markers={nativeMarkers}
            showLocation={!!me}
            onError={() => setMapFailed(true)}
            onRegionChange={(e) => {
              if (e.type === 'end') onRegionEnd();
            }}
            onMarkerTap={(e) => {
              const m = markers[Number(e.detail.markerId)];
              if (!m) return;
              if (m.type === 'place') return openLandmark(m.landmarkId, m.kind);
              void Taro.createMapContext('xf-map').includePoints({
                points: [
                  { latitude: m.bounds.south, longitude: m.bounds.west },
                  { latitude: m.bounds.north, longitude: m.bounds.east },
                ],
                padding: [40, 40, 40, 40],
              });
            }}
          />
        )}
      </View>
      {mapFailed ? <View className="map-problem">{words.map.failed}</View> : null}
      <View className="map-list">
        <View className="map-list__title">{me ? words.map.nearest : words.map.onMap}</View>
        {error !== null ? (
          <StateView
            kind="error"
            message={errorIn(lang, error)}
            actionText={words.retry}
            onAction={() => setRetry((n) => n + 1)}
          />
        ) : loaded === null ? (
          <StateView kind="loading" message={words.map.finding} />
        ) : places.length === 0 && hidden === 0 ? (
          <StateView kind="empty" message={kind ? words.map.emptyKind(words.kinds[kind]) : words.map.empty} />
        ) : (
          <>
            {/* Only the places are the list (a list holds list items only; the title and states sit beside it). */}
            <View {...a11y({ role: 'list', label: words.map.onMap })}>
              {places.map((p) => {
                const name = nameIn(lang, p);
                return (
                  <View
                    key={p.landmarkId}
                    className={`map-place map-place--${p.kind}`}
                    {...a11y({ role: 'listitem' })}
                    onClick={() => openLandmark(p.landmarkId, p.kind)}
                  >
                    <View className="map-place__dot" />
                    <View className="map-place__body">
                      <View className="map-place__name" {...zhMark(lang, name)}>
                        {name.text}
                      </View>
                      <View className="map-place__meta">
                        <Text className="map-place__kind">{kindName(p.kind)}</Text>
                        {starsOf(p) > 0 ? (
                          <Text className="map-place__stars">{words.map.branchStars(starsOf(p))}</Text>
                        ) : null}
                        {p.distance !== null ? (
                          <Text className="map-place__distance">{words.map.away(distanceIn(lang, p.distance))}</Text>
                        ) : null}
                      </View>
                    </View>
                    <Text className="map-place__go">›</Text>
                  </View>
                );
              })}
            </View>
            {hidden > 0 ? <View className="map-more">{words.map.more(hidden)}</View> : null}
          </>
        )}
      </View>
    </ElderPage>
  );
}
