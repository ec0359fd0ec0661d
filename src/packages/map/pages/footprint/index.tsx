/** 我的足迹: where the person checked in, newest first, with how many places and routes so far. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ElderPage } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import SignInPrompt from '../../../../components/sign-in-prompt';
import { needsSignIn } from '../../../../services/session';
import { getFootprint, type FootprintItem, type FootprintSummary } from '../../../../services/map';
import { ROUTES, routeUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/time';
import { kindLabel } from '../../kinds';
import './index.scss';

export default function FootprintPage() {
  const signedOut = needsSignIn();
  const [summary, setSummary] = useState<FootprintSummary | null>(null);
  const list = usePagedPage<FootprintItem>(
    (cursor) =>
      signedOut
        ? Promise.resolve({ items: [], nextCursor: null })
        : getFootprint(cursor).then((page) => {
            setSummary(page.summary);
            return page;
          }),
    [signedOut],
  );
  if (signedOut) return <SignInPrompt from={ROUTES.mapFootprint} />;
  return (
    <ElderPage className="footprint-page">
      {summary ? (
        <View className="footprint-summary">
          <View className="footprint-summary__cell">
            <Text className="footprint-summary__n">{summary.checkins}</Text>
            <Text className="footprint-summary__label">次打卡</Text>
          </View>
          <View className="footprint-summary__cell">
            <Text className="footprint-summary__n">{summary.landmarks}</Text>
            <Text className="footprint-summary__label">个地点</Text>
          </View>
          <View className="footprint-summary__cell">
            <Text className="footprint-summary__n">{summary.routes}</Text>
            <Text className="footprint-summary__label">条路线走完</Text>
          </View>
        </View>
      ) : null}
      <PagedList
        list={list}
        keyOf={(c) => c.checkinId}
        emptyText="还没有打卡，到红色地标扫码打卡后会记在这里"
        emptyAction={{ text: '打开党建地图', url: ROUTES.mapHome }}
        renderItem={(c) => (
          <View
            className="card footprint-item"
            onClick={() => void Taro.navigateTo({ url: routeUrl('mapLandmark', { id: c.landmarkId }) })}
          >
            <View className="footprint-item__name">{c.name}</View>
            <View className="footprint-item__meta">
              {`${kindLabel(c.kind)} · ${formatDateTime(c.at)}${c.points > 0 ? ` · +${c.points} 积分` : ''}`}
            </View>
          </View>
        )}
      />
    </ElderPage>
  );
}
