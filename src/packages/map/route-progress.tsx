/** A route's progress: a bar and 「已打卡 3/7 站」 (or 已走完). */
import { Text, View } from '@tarojs/components';
import { a11y } from '../../components/layout/a11y';
import type { Words } from '../../i18n';
import type { MapRoute } from './api';

export function RouteProgress({ route, words }: { route: MapRoute; words: Words }) {
  const total = route.landmarks.length;
  const done = route.mine?.visited ?? 0;
  return (
    <View className="route-progress">
      <View className="route-progress__bar" {...a11y({ hidden: true })}>
        <View className="route-progress__fill" style={{ width: `${Math.round((done / total) * 100)}%` }} />
      </View>
      <Text className="route-progress__text">
        {route.mine?.completedAt ? words.routes.completed : words.routes.progress(done, total)}
      </Text>
    </View>
  );
}
