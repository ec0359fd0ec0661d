import { Image, Text, View } from '@tarojs/components';
import { a11y } from '../layout/a11y';
import { Icon } from './icon';
import { iconUri, type IconName } from './icons';
import { GOODS_CATEGORIES, PLACE_PLACEHOLDERS, goodsCategory, type Placeholder } from './categories';
import { goodsArt, placeArt } from '../../artwork';
import './index.scss';

export { Icon, iconUri, goodsCategory, GOODS_CATEGORIES, PLACE_PLACEHOLDERS };
export type { IconName, Placeholder };

/**
 * A picture of a goods item, station or site: the picture when there is one, else its kind's illustration
 * (`art`, the project's artwork) or, without one, a designed placeholder for its category (icon and
 * category word, never cut from the name).
 */
export default function Picture({
  src,
  placeholder,
  art,
  alt,
  size = 'm',
  className = '',
}: {
  src?: string | null;
  placeholder: Placeholder;
  /** The illustration shown when there is no picture (an image URI from src/artwork). */
  art?: string;
  alt: string;
  size?: 's' | 'm' | 'l';
  className?: string;
}) {
  if (src || art) {
    return (
      <Image
        className={`xf-picture xf-picture--${size} ${src ? '' : 'xf-picture--art'} ${className}`}
        src={(src || art)!}
        // A drawing keeps its whole scene at full width; a photo fills its frame.
        mode={!src && size === 'l' ? 'widthFix' : 'aspectFill'}
        lazyLoad={!!src}
        nativeProps={{ alt: src ? alt : `${alt}（示意图）` }}
        {...a11y({ label: src ? alt : `${alt}（示意图）` })}
      />
    );
  }
  return (
    <View
      className={`xf-picture xf-picture--${size} xf-picture--placeholder ${className}`}
      style={{ color: placeholder.tint }}
      {...a11y({ role: 'img', label: `${alt}（暂无图片）` })}
    >
      <Icon name={placeholder.icon} colour={placeholder.tint} size={size === 's' ? 's' : 'm'} />
      {size === 's' ? null : <Text className="xf-picture__label">{placeholder.label}</Text>}
    </View>
  );
}

/** The picture of a goods item. */
export function GoodsPicture({
  goods,
  size,
}: {
  goods: { name: string; picture?: string | null; description?: string };
  size?: 's' | 'm' | 'l';
}) {
  const category = goodsCategory(goods.name, goods.description);
  return (
    <Picture
      src={goods.picture}
      placeholder={GOODS_CATEGORIES[category]}
      art={goodsArt(category)}
      alt={goods.name}
      size={size}
    />
  );
}

/** The picture of a station (by its kind) or a vaccination site (kind 'vaccine'). */
export function PlacePicture({
  place,
  size,
}: {
  place: { name: string; picture?: string | null; kind?: string };
  size?: 's' | 'm' | 'l';
}) {
  return (
    <Picture
      src={place.picture}
      placeholder={PLACE_PLACEHOLDERS[place.kind ?? 'other'] ?? PLACE_PLACEHOLDERS.other!}
      art={placeArt(place.kind ?? 'center')}
      alt={place.name}
      size={size}
    />
  );
}
