import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Icon, type IconName } from '../picture/icon';
import { a11y } from '../layout/a11y';
import './index.scss';

export interface GridEntry {
  key: string;
  label: string;
  icon: IconName;
  url: string;
  /** Tab pages are opened with switchTab. */
  tab?: boolean;
  /** A number in a badge (hidden when 0 or absent). */
  badge?: number;
  /** The tile's colour (the icon is white on it). */
  tint?: string;
}

export const openEntry = (e: Pick<GridEntry, 'url' | 'tab'>) =>
  void (e.tab ? Taro.switchTab({ url: e.url }) : Taro.navigateTo({ url: e.url }));

/** An icon grid of services, as government-service apps lay them out: four to a row, icon over label. */
export default function ServiceGrid({
  entries,
  columns = 4,
  className = '',
}: {
  entries: GridEntry[];
  columns?: 3 | 4;
  className?: string;
}) {
  return (
    <View className={`xf-grid xf-grid--${columns} ${className}`}>
      {entries.map((e) => (
        <View
          key={e.key}
          className={`xf-grid__item xf-grid__item--${e.key}`}
          {...a11y({ role: 'link', label: e.badge ? `${e.label}（${e.badge}）` : e.label })}
          onClick={() => openEntry(e)}
        >
          <View className="xf-grid__tile" style={{ background: e.tint ?? 'linear-gradient(135deg, #e4393c, #c8161d)' }}>
            <Icon name={e.icon} colour="#ffffff" />
            {e.badge ? <Text className="xf-grid__badge">{e.badge > 99 ? '99+' : String(e.badge)}</Text> : null}
          </View>
          <Text className="xf-grid__label">{e.label}</Text>
        </View>
      ))}
    </View>
  );
}
