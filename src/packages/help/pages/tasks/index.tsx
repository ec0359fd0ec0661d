import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listMyTasks } from '../../../../services/requests';
import { go, RequestCardView } from '../../components';
import '../../help.scss';

const NEXT: Record<string, string> = { open: '去办理 ›', inProgress: '去办理 ›', finished: '等群众确认', confirmed: '已办结' };

/** 我的任务: what I claimed or was assigned; each opens to report progress or finish with photos. */
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
        <Button className="help-tasks__hall" block type="primary" fill="outline" onClick={() => go('/packages/help/pages/hall/index')}>
          去任务大厅认领
        </Button>
      </View>
      <PagedList list={list} keyOf={(r) => r.id} emptyText="还没有任务。到任务大厅认领群众的微心愿和诉求"
        renderItem={(r) => <RequestCardView card={r} extra={<Text className="help-card__next">{NEXT[r.status] ?? '查看 ›'}</Text>} />} />
    </ElderPage>
  );
}
