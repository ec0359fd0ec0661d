import { Image, View } from '@tarojs/components';
import type { StationKind } from '../../../domain/stations/labels';
import { iconUri, type IconName } from '../picture/icons';
import { usePlaceArt } from '../picture/lazy-art';

/** The icon of each station kind, drawn by picture/icons.ts (already in the main package). */
const KIND_ICONS: Record<StationKind, [IconName, string]> = {
  tourism: ['flag', '#a8071a'],
  center: ['building', '#a8071a'],
  warm: ['umbrella', '#ad2102'],
  hut: ['home', '#ad4e00'],
  neighbour: ['people', '#9e1068'],
  love: ['heart', '#a8071a'],
  pioneer: ['star', '#a8071a'],
  street: ['pin', '#874d00'],
};

export const kindIconUri = (kind: StationKind): string => iconUri(...(KIND_ICONS[kind] ?? KIND_ICONS.center));

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
