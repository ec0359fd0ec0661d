import { Image } from '@tarojs/components';
import { a11y } from '../layout/a11y';
import { iconUri, type IconName } from './icons';
import './index.scss';

export type { IconName };

/** An icon as an image: decorative unless it is given a label. */
export function Icon({
  name,
  colour,
  size = 'm',
  label,
}: {
  name: IconName;
  colour?: string;
  size?: 's' | 'm' | 'l';
  label?: string;
}) {
  return (
    <Image
      className={`xf-icon xf-icon--${size}`}
      src={iconUri(name, colour)}
      mode="aspectFit"
      nativeProps={{ alt: label ?? '' }}
      {...a11y({ label, hidden: !label })}
    />
  );
}
