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
import SignInPrompt from '../../../../components/sign-in-prompt';
import StateView from '../../../../components/state-view';
import { needsSignIn } from '../../../../services/session';
import { errorMessage } from '../../../../services/transport';
import { getMapMarkers, type LandmarkKind, type Marker } from '../../../../services/map';
import { ROUTES, routeUrl } from '../../../../routes';
import { boundsAround, distanceMetres, distanceText, wgs84ToGcj02, type Bounds, type Point } from '../../geo';
import { KIND_FILTERS, kindLabel } from '../../kinds';
import type { MapHandle } from '../../leaflet-map';
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

const openLandmark = (id: string) => void Taro.navigateTo({ url: routeUrl('mapLandmark', { id }) });

export default function MapPage() {
  const signedOut = needsSignIn();
  const [kind, setKind] = useState<LandmarkKind | undefined>();
  const [region, setRegion] = useState<Region>(() => ({
    bounds: boundsAround(START, START_ZOOM, screenWidth(), MAP_HEIGHT),
    zoom: START_ZOOM,
  }));
  const [me, setMe] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  const [centre, setCentre] = useState<{ point: Point; zoom: number }>({ point: START, zoom: START_ZOOM });
  const [mapFailed, setMapFailed] = useState(false);
  const handle = useRef<MapHandle | null>(null);

  useShareAppMessage(() => ({ title: '党建地图：身边的红色地标和党员先锋岗', path: ROUTES.mapHome }));

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
        (e: unknown) => current && setError(errorMessage(e)),
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
        });
      });
    }
    return () => {
      gone = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, [signedOut]);

  useEffect(() => {
    handle.current?.setMarkers(loaded?.markers ?? []);
  }, [loaded]);
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
      setProblem(locationProblem(e));
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
  const hidden = (loaded?.list ?? []).reduce((n, m) => n + (m.type === 'cluster' ? m.count : 0), 0);

  if (signedOut) return <SignInPrompt from={ROUTES.mapHome} />;

  // weapp: the native map's markers, numbered by their place in the answer.
  const markers = loaded?.markers ?? [];
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
          ariaLabel: `${kindLabel(m.kind)}：${m.name}`,
          label: { content: m.name, color: '#262626', fontSize: 11, anchorX: 12, anchorY: -18 } as never,
        }
      : {
          id: i,
          latitude: m.lat,
          longitude: m.lng,
          iconPath: clusterIcon,
          width: 34,
          height: 34,
          ariaLabel: `${m.count} 处地点，点击放大`,
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
    <ElderPage className="map-page">
      <View className="map-kinds">
        {KIND_FILTERS.map(([value, label]) => (
          <Text
            key={label}
            className={`map-kind map-kind--${value ?? 'all'} ${kind === value ? 'map-kind--active' : ''}`}
            {...a11y({ role: 'button', pressed: kind === value })}
            onClick={() => setKind(value)}
          >
            {label}
          </Text>
        ))}
      </View>
      <View className="map-locate-row">
        <View
          className="map-locate"
          {...a11y({ role: 'button', label: me ? '重新定位' : '显示我的位置' })}
          onClick={() => void (locating ? undefined : locate())}
        >
          {locating ? '正在定位…' : me ? '重新定位' : '显示我的位置'}
        </View>
        {me ? <Text className="map-locate__note">附近的地点排在前面</Text> : null}
      </View>
      {problem ? <View className="map-problem">{problem.replace('已按默认顺序显示', '地点按名称排列')}</View> : null}
      <View className="map-box">
        {process.env.TARO_ENV === 'h5' ? (
          <View id="xf-map" className="map-box__canvas" {...a11y({ role: 'region', label: '地图' })} />
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
              if (m.type === 'place') return openLandmark(m.landmarkId);
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
      {mapFailed ? <View className="map-problem">地图暂时打不开，可以用下面的列表找地点</View> : null}
      <View className="map-list">
        <View className="map-list__title">{me ? '离我最近' : '地图上的地点'}</View>
        {error ? (
          <StateView kind="error" message={error} onAction={() => setRetry((n) => n + 1)} />
        ) : loaded === null ? (
          <StateView kind="loading" message="正在查找地图上的地点…" />
        ) : places.length === 0 && hidden === 0 ? (
          <StateView
            kind="empty"
            message={
              kind
                ? `这片区域还没有${KIND_FILTERS.find(([k]) => k === kind)?.[1] ?? '这类地点'}，移动或缩小地图看看`
                : '这片区域还没有地点，移动或缩小地图看看'
            }
          />
        ) : (
          <>
            {/* Only the places are the list (a list holds list items only; the title and states sit beside it). */}
            <View {...a11y({ role: 'list', label: '地图上的地点' })}>
              {places.map((p) => (
                <View
                  key={p.landmarkId}
                  className={`map-place map-place--${p.kind}`}
                  {...a11y({ role: 'listitem' })}
                  onClick={() => openLandmark(p.landmarkId)}
                >
                  <View className="map-place__dot" />
                  <View className="map-place__body">
                    <View className="map-place__name">{p.name}</View>
                    <View className="map-place__meta">
                      <Text className="map-place__kind">{kindLabel(p.kind)}</Text>
                      {p.distance !== null ? (
                        <Text className="map-place__distance">{`距我 ${distanceText(p.distance)}`}</Text>
                      ) : null}
                    </View>
                  </View>
                  <Text className="map-place__go">›</Text>
                </View>
              ))}
            </View>
            {hidden > 0 ? <View className="map-more">{`这一带还有 ${hidden} 处地点，放大地图查看`}</View> : null}
          </>
        )}
      </View>
    </ElderPage>
  );
}
