import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { useIntention } from '../../../../components/intention';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listMyTasks, releaseClaim, type RequestCard } from '../../../../services/requests';
import { errorMessage } from '../../../../services/transport';
import { go, RequestCardView, requestFacts } from '../../components';
import { ROUTES } from '../../../../routes';
import '../../help.scss';

const NEXT: Record<string, string> = {
  open: '去办理 ›',
  inProgress: '去办理 ›',
  finished: '等群众确认',
  confirmed: '已办结',
};

/** A task I hold, with 「放弃认领」 while it is not yet finished (the place goes back to the hall). */
function TaskItem({ card, onChanged }: { card: RequestCard; onChanged: () => void }) {
  const intent = useIntention(['release', card.id]);
  const working = card.status === 'open' || card.status === 'inProgress';
  return (
    <RequestCardView card={card} extra={<Text className="help-card__next">{NEXT[card.status] ?? '查看 ›'}</Text>}>
      {working ? (
        <Button
          className="help-tasks__release"
          size="small"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={() =>
            void intent.run(() => releaseClaim(card.id), {
              confirm: {
                title: '放弃认领',
                content: `放弃${requestFacts(card)}后，名额回到任务大厅（指派的任务退回支部重新派单），群众会收到通知。确定放弃吗？`,
                confirmText: '放弃认领',
              },
              success: '已放弃认领',
              onSuccess: onChanged,
              onError: (e) =>
                void Taro.showModal({ title: '未能放弃认领', content: errorMessage(e), showCancel: false }),
            })
          }
        >
          放弃认领
        </Button>
      ) : null}
    </RequestCardView>
  );
}

/** 我的任务: what I claimed or was assigned; each opens to report progress or finish with photos, or can be given up. */
export default function MyTasksPage() {
  const [elder, setElder] = useElderMode();
  const list = usePagedPage((cursor) => listMyTasks(cursor), []);
  const [seen, setSeen] = useState(false);
  useDidShow(() => {
    if (seen) list.reload();
    setSeen(true);
  });
  return (
    <ElderPage elder={elder} className="help-tasks-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="card">
        <Button className="help-tasks__hall" block type="primary" fill="outline" onClick={() => go(ROUTES.helpHall)}>
          去任务大厅认领
        </Button>
      </View>
      <PagedList
        list={list}
        keyOf={(r) => r.id}
        emptyText="还没有任务。到任务大厅认领群众的微心愿和诉求"
        emptyAction={{ text: '去任务大厅', url: ROUTES.helpHall }}
        renderItem={(r) => <TaskItem card={r} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
