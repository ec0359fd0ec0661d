import { Image, View } from '@tarojs/components';
import type { StationKind } from '../../../domain/stations/labels';
import { usePlaceArt } from '../picture/lazy-art';

/**
 * Line icons per station kind (24 × 24, stroked), drawn as SVG data URIs so one `Image` shows them on
 * weapp and H5 without a font or a file per icon.
 */
const KIND_ICONS: Record<StationKind, string> = {
  tourism: '<path d="M5 21V4M5 4h11l-2 3.5L16 11H5"/><path d="M3 21h6"/>',
  center: '<path d="M4 21V8l8-5 8 5v13M4 21h16M9 21v-5h6v5M8 11h2M14 11h2"/>',
  warm: '<path d="M5 11h11v4a5 5 0 01-5 5h-1a5 5 0 01-5-5v-4zM16 12h1.5a2.5 2.5 0 010 5H16M8 4c0 2 2 2 2 4M12 4c0 2 2 2 2 4"/>',
  hut: '<path d="M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10"/>',
  neighbour:
    '<circle cx="9" cy="8" r="3"/><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6"/><circle cx="17" cy="9" r="2.5"/><path d="M16 14c2.8 0 5 2.2 5 5"/>',
  love: '<path d="M12 20s-8-4.8-8-10.5A4.5 4.5 0 0112 6a4.5 4.5 0 018 3.5C20 15.2 12 20 12 20z"/>',
  pioneer: '<path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9L12 3z"/>',
  street: '<path d="M4 21l3-18M20 21l-3-18M12 4v3M12 10v3M12 16v3"/>',
};

const TINTS: Record<StationKind, string> = {
  tourism: '#a8071a',
  center: '#a8071a',
  warm: '#ad2102',
  hut: '#ad4e00',
  neighbour: '#9e1068',
  love: '#a8071a',
  pioneer: '#a8071a',
  street: '#874d00',
};

export function kindIconUri(kind: StationKind): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${TINTS[kind]}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${KIND_ICONS[kind]}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const label = (props: Record<string, string>) => (process.env.TARO_ENV === 'h5' ? props : {});

/**
 * A station's picture in a list (main package): its photo when it has one; otherwise its kind's
 * illustration on H5 (loaded lazily), and on weapp the compact icon tile of its kind. Decorative beside the
 * name, so hidden from readers. The detail page (a subpackage) shows the full illustration (PlacePicture).
 */
export default function StationPicture({
  station,
  size = 'm',
}: {
  station: { name: string; kind: StationKind; picture?: string | null };
  size?: 'm' | 'l';
}) {
  const art = usePlaceArt(station.kind);
  const src = station.picture || art;
  if (src) {
    return (
      <Image
        className={`station-picture station-picture--${size}`}
        src={src}
        mode="aspectFill"
        lazyLoad={!!station.picture}
        {...label({ 'aria-hidden': 'true' })}
      />
    );
  }
  return (
    <View
      className={`station-picture station-picture--${size} station-picture--placeholder station-picture--${station.kind}`}
      {...label({ 'aria-hidden': 'true' })}
    >
      <Image className="station-picture__icon" src={kindIconUri(station.kind)} mode="aspectFit" />
    </View>
  );
}
