import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, ScrollView, View, Text } from '@tarojs/components';
import { STATION_KINDS, type StationKind } from '../../../domain/stations/labels';
import { a11y } from '../../components/layout/a11y';
import { useNearMe } from '../../components/near-me/useNearMe';
import PagedList, { usePagedPage } from '../../components/paged-list';
import SignInPrompt from '../../components/sign-in-prompt';
import StationCard from '../../components/station-card';
import { useConsoleStep } from '../../components/state-view/console-step';
import { needsSignIn } from '../../services/session';
import { listNearbyStations, listStations, type StationSummary } from '../../services/stations';
import { ROUTES, routeUrl } from '../../routes';
import './index.scss';
import { ElderPage } from '../../components/elder-mode';

const KIND_TABS: [StationKind | undefined, string][] = [
  [undefined, '全部'],
  ...(Object.entries(STATION_KINDS) as [StationKind, string][]),
];

export default function StationsPage() {
  const [kind, setKind] = useState<StationKind | undefined>();
  const [keyword, setKeyword] = useState('');
  const [search, setSearch] = useState('');
  const [near, sortByDistance, nearProblem] = useNearMe();
  const signedOut = needsSignIn();
  const list = usePagedPage<StationSummary & { distance?: number | null }>(
    (cursor) => {
      if (signedOut) return Promise.resolve({ items: [], nextCursor: null });
      const query = { kind, keyword: search || undefined, cursor };
      return near ? listNearbyStations({ ...query, near }) : listStations(query);
    },
    [kind, search, signedOut, near],
  );
  const nextStep = useConsoleStep(list, '驿站', { text: '回到首页', url: ROUTES.home });

  if (signedOut) return <SignInPrompt from={ROUTES.stations} />;
  return (
    <ElderPage className="stations-page">
      {/* Taro's own Input, not NutUI's SearchBar: the tab pages live in the main package, which has a size budget. */}
      <View className="station-search" role="search">
        <Input
          className="station-search__input"
          value={keyword}
          placeholder="搜索驿站名称、街道或地址"
          aria-label="搜索驿站名称、街道或地址"
          maxlength={30}
          confirmType="search"
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={(e) => setSearch(e.detail.value.trim())}
        />
        {keyword ? (
          <View
            className="station-search__clear"
            {...a11y({ role: 'button', label: '清除搜索' })}
            onClick={() => {
              setKeyword('');
              setSearch('');
            }}
          >
            ×
          </View>
        ) : null}
        <View
          className="station-search__go"
          {...a11y({ role: 'button', label: '搜索' })}
          onClick={() => setSearch(keyword.trim())}
        >
          搜索
        </View>
      </View>
      <View className="stations-tools">
        <View
          className="near-toggle"
          {...a11y({ role: 'switch', checked: !!near, label: '按距离排序' })}
          onClick={() => void sortByDistance()}
        >
          {near ? '✓ 按距离排序（点此取消）' : '按距离排序'}
        </View>
        <View
          className="near-toggle map-entry"
          {...a11y({ role: 'link' })}
          onClick={() => void Taro.navigateTo({ url: ROUTES.mapHome })}
        >
          党建地图 ›
        </View>
      </View>
      {nearProblem && !near ? <View className="near-problem">{nearProblem}</View> : null}
      <ScrollView scrollX className="kind-tabs">
        {KIND_TABS.map(([value, label]) => (
          <Text
            key={label}
            className={`kind-tab ${kind === value ? 'kind-tab--active' : ''}`}
            {...a11y({ role: 'button', pressed: kind === value })}
            onClick={() => setKind(value)}
          >
            {label}
          </Text>
        ))}
      </ScrollView>
      <PagedList
        list={list}
        keyOf={(s) => s.stationId}
        emptyText={
          search
            ? `没有找到“${search}”，需要什么服务可以告诉社区`
            : kind
              ? '这一类还没有驿站'
              : '还没有驿站，管理员添加后会显示在这里'
        }
        emptyAction={search ? { text: '我要点单', url: ROUTES.helpAsk } : nextStep}
        renderItem={(s) => (
          <StationCard station={s} onOpen={(id) => void Taro.navigateTo({ url: routeUrl('bookingStation', { id }) })} />
        )}
      />
    </ElderPage>
  );
}
