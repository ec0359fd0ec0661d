import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { a11y } from '../../../../components/layout/a11y';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { getLeaderboard, type Leaderboard } from '../../../../services/points';
import { ROUTES } from '../../../../routes';
import '../../mall.scss';
import { ElderPage } from '../../../../components/elder-mode';

function Board({ board }: { board: Leaderboard }) {
  if (board.items.length === 0)
    return board.scope === 'member' ? (
      <StateView
        kind="empty"
        message="加入党支部后可查看支部内排行"
        actionText="凭邀请码加入党支部"
        onAction={() => void Taro.navigateTo({ url: ROUTES.orgJoin })}
      />
    ) : (
      <StateView
        kind="empty"
        message="还没有支部得分。党员参加活动签到后，这里按人均积分排行"
        actionText="去积分商城看看"
        onAction={() => void Taro.navigateTo({ url: ROUTES.mallGoods })}
      />
    );
  return (
    <View className="card">
      {board.items.map((row) =>
        'nickname' in row ? (
          <View key={`m${row.rank}`} className={`rank-row ${row.mine ? 'rank-row--mine' : ''}`}>
            <Text className={`rank-row__rank rank-row__rank--${row.rank <= 3 ? 'top' : 'rest'}`}>{row.rank}</Text>
            <Text className="rank-row__name">{`${row.nickname}${row.mine ? '（我）' : ''}`}</Text>
            <Text>{`${row.earned} 分`}</Text>
          </View>
        ) : (
          <View key={row.branchId} className={`rank-row ${row.mine ? 'rank-row--mine' : ''}`}>
            <Text className="rank-row__rank">{row.rank}</Text>
            <Text className="rank-row__name">{`${row.name}（${row.members} 名党员）${row.mine ? '（我的支部）' : ''}`}</Text>
            <Text>{`人均 ${row.average} 分`}</Text>
          </View>
        ),
      )}
      {board.me ? (
        <View className="rank-row">
          <Text className="muted">
            {'average' in board.me
              ? `我的支部排第 ${board.me.rank} 名`
              : `我排第 ${board.me.rank} 名，累计 ${board.me.earned} 分`}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

export default function RankingPage() {
  const [scope, setScope] = useState<'member' | 'branch'>('member');
  const board = useResource(() => getLeaderboard(scope), [scope]);
  return (
    <ElderPage className="ranking-page">
      <View className="status-tabs">
        <Text
          className={`status-tab ${scope === 'member' ? 'status-tab--active' : ''}`}
          {...a11y({ role: 'button', pressed: scope === 'member' })}
          onClick={() => setScope('member')}
        >
          支部内党员
        </Text>
        <Text
          className={`status-tab ${scope === 'branch' ? 'status-tab--active' : ''}`}
          {...a11y({ role: 'button', pressed: scope === 'branch' })}
          onClick={() => setScope('branch')}
        >
          党支部（人均）
        </Text>
      </View>
      <ResourceView resource={board}>{(b) => <Board board={b} />}</ResourceView>
    </ElderPage>
  );
}
