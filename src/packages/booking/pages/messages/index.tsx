import { View, Text } from '@tarojs/components';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listMessages, type MessageItem } from '../../../../services/stations';
import { formatTime } from '../../../../utils/time';
import { ElderPage } from '../../../../components/elder-mode';

export default function MessagesPage() {
  const list = usePagedPage<MessageItem>((cursor) => listMessages(cursor), []);
  return (
    <ElderPage className="messages-page">
      <PagedList
        list={list}
        keyOf={(m) => m.messageId}
        emptyText="暂无消息"
        renderItem={(m) => (
          <View className={`card message message--${m.kind}`}>
            <View className="card__title">{m.title}</View>
            <Text className="muted">{`${formatTime(m.at)}  ${m.body}`}</Text>
          </View>
        )}
      />
    </ElderPage>
  );
}
