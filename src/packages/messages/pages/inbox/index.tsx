import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import {
  getUnreadCounts,
  listInbox,
  markMessagesRead,
  type InboxItem,
  type MessageModule,
  type UnreadCounts,
} from '../../../../services/messages';
import { errorMessage } from '../../../../services/transport';
import { formatTime } from '../../../../utils/time';
import './index.scss';
import { ROUTES, TAB_ROUTES } from '../../../../routes';

/** Each tab: its module, a short label that keeps the six on one line at 375 px, and the module's full name. */
const TABS: [MessageModule | undefined, string, string][] = [
  [undefined, '全部', '全部消息'],
  ['booking', '预约', '驿站预约'],
  ['vaccine', '疫苗', '疫苗接种'],
  ['points', '兑换', '积分兑换'],
  ['requests', '点单', '群众点单'],
  ['activities', '活动', '党员活动'],
];

/** Opens the page a message is about: a tab page by switching tabs, any other by navigating. */
function open(page: string) {
  const path = page.split('?')[0] ?? page;
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url: page });
}

function MessageCard({ m, onOpen }: { m: InboxItem; onOpen: (m: InboxItem) => void }) {
  const label = `${m.unread ? '未读，' : ''}${m.moduleLabel}：${m.title}`;
  return (
    <View
      className={`card message message--${m.kind} message--${m.module} ${m.unread ? 'message--unread' : ''}`}
      {...a11y({ role: m.page ? 'link' : 'button', label })}
      onClick={() => onOpen(m)}
    >
      <View className="message__head">
        {m.unread ? <Text className="message__dot">未读</Text> : null}
        <Text className="message__module">{m.moduleLabel}</Text>
        <Text className="message__time">{formatTime(m.at)}</Text>
      </View>
      <View className="card__title message__title">{m.title}</View>
      <Text className="muted message__body">{m.body}</Text>
      {m.page ? <Text className="message__more">查看详情 ›</Text> : null}
    </View>
  );
}

export default function InboxPage() {
  const [module, setModule] = useState<MessageModule | undefined>();
  const [unread, setUnread] = useState<UnreadCounts | null>(null);
  const [marking, setMarking] = useState(false);
  const [readHere, setReadHere] = useState<Set<string>>(new Set());
  const list = usePagedPage<InboxItem>((cursor) => listInbox(module, cursor), [module]);

  // Counts again whenever the page shows (back from a message's page, or from another tab).
  useDidShow(() => void getUnreadCounts().then(setUnread, () => undefined));

  const items = list.items.map((m) => (readHere.has(m.messageId) ? { ...m, unread: false } : m));
  const unreadHere = module ? (unread?.[module] ?? 0) : (unread?.total ?? 0);

  const openMessage = (m: InboxItem) => {
    if (m.unread && !readHere.has(m.messageId)) {
      setReadHere((prev) => new Set(prev).add(m.messageId));
      // Marked in the background: a failure only leaves it unread for next time.
      void markMessagesRead([m.messageId]).then(
        (r) => setUnread(r.unread),
        () => undefined,
      );
    }
    if (m.page) open(m.page);
  };

  const markAll = async () => {
    if (marking) return;
    setMarking(true);
    try {
      const r = await markMessagesRead();
      setUnread(r.unread);
      setReadHere(new Set(list.items.map((m) => m.messageId)));
      void Taro.showToast({ title: r.marked > 0 ? `${r.marked} 条已标为已读` : '没有未读消息', icon: 'none' });
    } catch (e) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false });
    } finally {
      setMarking(false);
    }
  };

  return (
    <ElderPage className="inbox-page">
      <View className="inbox-tabs" role="toolbar" aria-label="按类别查看">
        {TABS.map(([value, label, full]) => {
          const count = unread ? (value ? unread[value] : unread.total) : 0;
          return (
            <Text
              key={label}
              className={`inbox-tab inbox-tab--${value ?? 'all'} ${module === value ? 'inbox-tab--active' : ''}`}
              {...a11y({
                role: 'button',
                pressed: module === value,
                label: count > 0 ? `${full}，${count} 条未读` : full,
              })}
              onClick={() => setModule(value)}
            >
              {count > 0 ? `${label} ${count > 99 ? '99+' : count}` : label}
            </Text>
          );
        })}
      </View>
      <View className="inbox-bar">
        <Text className="muted inbox-bar__count">{unreadHere > 0 ? `${unreadHere} 条未读` : '没有未读消息'}</Text>
        <Button
          className="inbox-read-all"
          size="small"
          loading={marking}
          disabled={marking || unreadHere === 0}
          onClick={() => void markAll()}
        >
          全部标为已读
        </Button>
      </View>
      <PagedList
        list={{ ...list, items }}
        keyOf={(m) => m.messageId}
        emptyAction={module ? undefined : { text: '看看附近的驿站', url: ROUTES.stations }}
        emptyText={
          module
            ? `暂无${TABS.find(([v]) => v === module)?.[2] ?? ''}消息`
            : '暂无消息。预约、接种、兑换和点单有进展时，会在这里告诉你'
        }
        renderItem={(m) => <MessageCard m={m} onOpen={openMessage} />}
      />
    </ElderPage>
  );
}
