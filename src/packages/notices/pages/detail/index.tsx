import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import ResourceView, { useResource } from '../../../../components/resource';
import { dayText } from '../../../../utils/day-text';
import { formatClock } from '../../../../utils/time';
import { getNotice } from '../../api';
import '../../notices.scss';

/** One notice in full; opening it counts as read (once a person). */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [elder, setElder] = useElderMode();
  const notice = useResource(() => getNotice(id), [id]);
  return (
    <ElderPage elder={elder} className="notice-detail-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={notice}>
        {(n) => (
          <View className="card notice-card">
            <View className="notice-card__title">
              {n.pinned ? <Text className="notice-card__pin">置顶</Text> : null}
              {n.title}
            </View>
            <View className="notice-card__meta">{`${n.fromName} · ${dayText(n.publishedAt)} ${formatClock(n.publishedAt)}`}</View>
            <View className="notice-body">{n.body}</View>
            {n.ended ? (
              <View className="notice-ended">此通知已结束</View>
            ) : n.expiresAt ? (
              <View className="notice-card__meta">{`有效至 ${dayText(n.expiresAt - 1)}`}</View>
            ) : null}
          </View>
        )}
      </ResourceView>
    </ElderPage>
  );
}
