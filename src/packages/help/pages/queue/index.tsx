import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { listQueue, type RequestStatus } from '../../../../services/requests';
import { RequestCardView, Tabs } from '../../components';
import '../../help.scss';

const TABS: { value: RequestStatus; label: string; next: string }[] = [
  { value: 'submitted', label: '待受理', next: '去受理 ›' },
  { value: 'accepted', label: '待派单', next: '去派单 ›' },
  { value: 'open', label: '招募中', next: '查看 ›' },
  { value: 'inProgress', label: '办理中', next: '查看 ›' },
  { value: 'finished', label: '待确认', next: '查看 ›' },
  { value: 'confirmed', label: '已办结', next: '查看 ›' },
];

/** 点单受理: a secretary's (or an admin's) requests by status; each opens to accept, decline or dispatch it. */
export default function QueuePage() {
  const [elder, setElder] = useElderMode();
  const [status, setStatus] = useState<RequestStatus>('submitted');
  const list = usePagedPage((cursor) => listQueue(status, cursor), [status]);
  const tab = TABS.find((t) => t.value === status)!;
  // Back from a detail where it was accepted or dispatched: the list is current again.
  const [seen, setSeen] = useState(false);
  useDidShow(() => {
    if (seen) list.reload();
    setSeen(true);
  });
  return (
    <ElderPage elder={elder} className="help-queue-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <Tabs name="queue" tabs={TABS} value={status} onChange={setStatus} />
      <PagedList list={list} keyOf={(r) => r.id} emptyText={`没有${tab.label}的点单`}
        renderItem={(r) => <RequestCardView card={r} extra={<Text className="help-card__next">{tab.next}</Text>} />} />
    </ElderPage>
  );
}
