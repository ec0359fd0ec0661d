import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import PagedList, { usePagedPage } from '../../components/paged-list';
import SignInPrompt from '../../components/sign-in-prompt';
import { needsSignIn } from '../../services/session';
import { listSites, type SiteSummary } from '../../services/vaccine';

export default function VaccinePage() {
  const signedOut = needsSignIn();
  const list = usePagedPage<SiteSummary>(
    (cursor) => (signedOut ? Promise.resolve({ items: [], nextCursor: null }) : listSites({ cursor })),
    [signedOut],
  );

  if (signedOut) return <SignInPrompt from="/pages/vaccine/index" />;
  return (
    <View className="page">
      <View className="card">
        <Text className="muted">各接种点设临时志愿服务党支部，提供遮阳伞、电扇和免费饮用水；60 岁以上老人可走绿色通道。</Text>
      </View>
      <PagedList
        list={list}
        keyOf={(s) => s.siteId}
        emptyText="暂无接种点信息"
        renderItem={(s) => (
          <View className="card site-card" onClick={() => void Taro.navigateTo({ url: `/packages/vaccine/pages/site/index?id=${s.siteId}` })}>
            <View className="card__title">{s.name}</View>
            <View className="muted">{s.address}</View>
            <View>
              <Text className={s.status === 'open' ? 'tag' : 'tag tag--grey'}>{s.statusLabel}</Text>
              {s.vaccines.map((v) => (
                <Text key={v} className="tag tag--grey">
                  {v}
                </Text>
              ))}
            </View>
            {s.status === 'paused' && s.notice ? <View className="muted">{s.notice}</View> : null}
          </View>
        )}
      />
    </View>
  );
}
