/**
 * The H5 map: Leaflet over a tile source chosen at build time (MAP_TILE_URL, a GCJ-02 tile template with its key in
 * production). Without one the map draws a plain offline grid, so nothing leaves the machine locally and in tests.
 * Loaded with import() from the map page on H5 only; weapp uses its native map component instead.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { LandmarkKind, Marker } from '../../services/map';
import type { Bounds, Point } from './geo';

declare const MAP_TILE_URL: string | undefined;

/** Marker colours by kind (the filter chips use the same). */
const KIND_CLASS: Record<string, string> = { red: 'red', post: 'post', area: 'area', shop: 'shop' };

/** The map's own words (src/i18n's catalogue gives them); `en` marks a Chinese name on an English page as Chinese. */
export interface MapWords {
  zoomIn: string;
  zoomOut: string;
  cluster: (n: number) => string;
  en: boolean;
}
const CHINESE: MapWords = {
  zoomIn: '放大地图',
  zoomOut: '缩小地图',
  cluster: (n) => `${n} 处地点，点击放大`,
  en: false,
};

export interface MapHandle {
  setMarkers(markers: Marker[]): void;
  setWords(words: MapWords): void;
  setMe(me: Point | null): void;
  centre(p: Point, zoom: number): void;
  destroy(): void;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A light grid drawn on the device (a canvas per tile, like any picture): the offline layer. */
function offlineLayer(): L.GridLayer {
  const Grid = L.GridLayer.extend({
    createTile(): HTMLElement {
      const tile = document.createElement('canvas');
      tile.width = 256;
      tile.height = 256;
      const g = tile.getContext('2d');
      if (g) {
        g.fillStyle = '#eef1ea';
        g.fillRect(0, 0, 256, 256);
        g.strokeStyle = '#dbe2d2';
        g.lineWidth = 1;
        for (let i = 0; i <= 256; i += 64) {
          g.beginPath();
          g.moveTo(i + 0.5, 0);
          g.lineTo(i + 0.5, 256);
          g.moveTo(0, i + 0.5);
          g.lineTo(256, i + 0.5);
          g.stroke();
        }
      }
      tile.setAttribute('aria-hidden', 'true');
      return tile;
    },
  });
  return new (Grid as unknown as new (o: L.GridLayerOptions) => L.GridLayer)({ minZoom: 3, maxZoom: 19 });
}

export function createMap(
  element: HTMLElement,
  options: {
    centre: Point;
    zoom: number;
    onRegion: (bounds: Bounds, zoom: number) => void;
    onOpen: (landmarkId: string, kind: LandmarkKind) => void;
    /** The controls' and clusters' words in the page's language. */
    words?: MapWords;
  },
): MapHandle {
  let words: MapWords = options.words ?? CHINESE;
  const map = L.map(element, { zoomControl: false, attributionControl: false, minZoom: 3, maxZoom: 19 });
  L.control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
  const url = typeof MAP_TILE_URL === 'string' ? MAP_TILE_URL : '';
  (url ? L.tileLayer(url, { minZoom: 3, maxZoom: 19, subdomains: '1234' }) : offlineLayer()).addTo(map);
  const layer = L.layerGroup().addTo(map);
  let me: L.CircleMarker | null = null;

  const report = () => {
    const b = map.getBounds();
    options.onRegion(
      { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() },
      Math.round(map.getZoom()),
    );
  };
  // What would cross the map's edge: a name flips to the dot's left, or hides; a marker cut by the edge hides
  // until the map moves (a word half shown reads as another word).
  const fit = () => {
    const box = element.getBoundingClientRect();
    const inside = (r: DOMRect) =>
      r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    element.querySelectorAll<HTMLElement>('.xf-map-pin, .xf-map-cluster-icon').forEach((icon) => {
      icon.style.visibility = '';
      icon.classList.remove('xf-map-pin--left');
      const name = icon.querySelector<HTMLElement>('.xf-map-pin__name');
      if (name) {
        name.style.visibility = '';
        if (!inside(name.getBoundingClientRect())) {
          icon.classList.add('xf-map-pin--left');
          if (!inside(name.getBoundingClientRect())) name.style.visibility = 'hidden';
        }
      }
      const mark = icon.querySelector<HTMLElement>('.xf-map-pin__dot') ?? icon;
      if (!inside(mark.getBoundingClientRect())) icon.style.visibility = 'hidden';
    });
  };
  map.on('moveend', report);
  map.on('moveend zoomend resize', fit);
  map.setView([options.centre.lat, options.centre.lng], options.zoom);

  return {
    setMarkers(markers) {
      layer.clearLayers();
      for (const m of markers) {
        if (m.type === 'place') {
          const icon = L.divIcon({
            className: `xf-map-pin xf-map-pin--${KIND_CLASS[m.kind] ?? 'red'}`,
            html: `<span class="xf-map-pin__dot"></span><span class="xf-map-pin__name"${
              words.en && /[\u3400-\u9fff]/.test(m.name) ? ' lang="zh-CN"' : ''
            }>${escapeHtml(m.name)}</span>`,
            iconSize: [14, 14],
            iconAnchor: [7, 7],
          });
          L.marker([m.lat, m.lng], { icon, title: m.name, keyboard: true })
            .on('click', () => options.onOpen(m.landmarkId, m.kind))
            .addTo(layer);
        } else {
          const size = m.count < 10 ? 36 : m.count < 100 ? 42 : 48;
          const icon = L.divIcon({
            className: 'xf-map-cluster-icon',
            html: `<span class="xf-map-cluster xf-map-cluster--${size}">${m.count}</span>`,
            iconSize: [size, size],
            iconAnchor: [size / 2, size / 2],
          });
          L.marker([m.lat, m.lng], { icon, title: words.cluster(m.count), keyboard: true })
            .on('click', () => {
              const b = m.bounds;
              map.fitBounds(
                [
                  [b.south, b.west],
                  [b.north, b.east],
                ],
                { padding: [24, 24], maxZoom: 18 },
              );
            })
            .addTo(layer);
        }
      }
      fit();
    },
    setMe(p) {
      me?.remove();
      me = p
        ? L.circleMarker([p.lat, p.lng], {
            radius: 8,
            color: '#fff',
            weight: 3,
            fillColor: '#1677ff',
            fillOpacity: 1,
          }).addTo(map)
        : null;
    },
    centre(p, zoom) {
      map.setView([p.lat, p.lng], zoom);
    },
    setWords(next) {
      words = next;
      element.querySelector('.leaflet-control-zoom-in')?.setAttribute('title', next.zoomIn);
      element.querySelector('.leaflet-control-zoom-out')?.setAttribute('title', next.zoomOut);
    },
    destroy() {
      map.remove();
    },
  };
}
