import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listMyRequests, type RequestStatus } from '../../../../services/requests';
import { go, RequestCardView, Tabs } from '../../components';
import { ROUTES } from '../../../../routes';
import '../../help.scss';

type Filter = RequestStatus | '';
const TABS: { value: Filter; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'submitted', label: '待受理' },
  { value: 'inProgress', label: '办理中' },
  { value: 'finished', label: '待确认' },
  { value: 'confirmed', label: '已办结' },
];

/** 我的点单: what I asked for, newest first, with where each stands. */
export default function MyRequestsPage() {
  const [elder, setElder] = useElderMode();
  const [status, setStatus] = useState<Filter>('');
  const list = usePagedPage((cursor) => listMyRequests(status || undefined, cursor), [status]);
  return (
    <ElderPage elder={elder} className="help-mine-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="card">
        <Button className="help-mine__ask" block type="primary" onClick={() => go(ROUTES.helpAsk)}>
          我要点单（微心愿 / 诉求）
        </Button>
      </View>
      <Tabs name="mine" tabs={TABS} value={status} onChange={setStatus} />
      <PagedList
        list={list}
        keyOf={(r) => r.id}
        emptyAction={status ? undefined : { text: '我要点单', url: ROUTES.helpAsk }}
        emptyText={status ? '没有这个状态的点单' : '还没有点单。有困难或小心愿，点上方「我要点单」'}
        renderItem={(r) => <RequestCardView card={r} resident />}
      />
    </ElderPage>
  );
}
