import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { getNotices, type NoticeItem } from '../../../../services/notices';
import { getOverview } from '../../../../services/overview';
import { dayText } from '../../../../utils/day-text';
import { ROUTES, routeUrl } from '../../../../routes';
import '../../notices.scss';

function NoticeCard({ n }: { n: NoticeItem }) {
  return (
    <View
      className="card notice-card"
      {...a11y({ role: 'link', label: `${n.pinned ? '置顶，' : ''}${n.read ? '' : '未读，'}${n.title}` })}
      onClick={() => void Taro.navigateTo({ url: routeUrl('noticeDetail', { id: n.noticeId }) })}
    >
      <View className={`notice-card__title${n.read ? '' : ' notice-card__title--new'}`}>
        {n.pinned ? <Text className="notice-card__pin">置顶</Text> : null}
        {n.title}
      </View>
      <View className="notice-card__meta">{`${n.fromName} · ${dayText(n.publishedAt)}`}</View>
      <View className="notice-card__excerpt">{n.excerpt}</View>
    </View>
  );
}

/** 通知公告: the notices the reader may read now, pinned first, then newest; unread ones marked. */
export default function NoticeListPage() {
  const [elder, setElder] = useElderMode();
  const notices = useResource(() => getNotices(), [], { reloadOnShow: true });
  const me = useResource(getOverview, []);
  const role = me.data?.role;
  const links = [
    ...(me.data?.member ? [{ key: 'mine', text: '我的政治生日', url: ROUTES.noticeBirthday }] : []),
    ...(role === 'secretary' ? [{ key: 'branch', text: '本支部党员的政治生日', url: ROUTES.noticeBirthdays }] : []),
  ];
  return (
    <ElderPage elder={elder} className="notice-list-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={notices}>
        {(data) =>
          data.items.length === 0 ? (
            <StateView
              kind="empty"
              message="暂时没有通知。支部和县里发布通知后，会在这里和首页显示"
              action={{ text: '回到首页', url: ROUTES.home }}
            />
          ) : (
            <View>
              {data.items.map((n) => (
                <NoticeCard key={n.noticeId} n={n} />
              ))}
            </View>
          )
        }
      </ResourceView>
      {links.map((l) => (
        <View
          key={l.key}
          className="card notice-link"
          {...a11y({ role: 'link', label: l.text })}
          onClick={() => void Taro.navigateTo({ url: l.url })}
        >
          {`${l.text} ›`}
        </View>
      ))}
    </ElderPage>
  );
}
