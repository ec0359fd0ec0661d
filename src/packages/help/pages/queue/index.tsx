import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import FormField from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import {
  listQueue,
  listVolunteers,
  reviewVolunteer,
  type PendingVolunteer,
  type RequestStatus,
} from '../../../../services/requests';
import { errorMessage } from '../../../../services/transport';
import { formatTime } from '../../../../utils/time';
import { RequestCardView, Tabs } from '../../components';
import '../../help.scss';

type Area = 'requests' | 'volunteers';
/** The two kinds of work, always both on screen (长辈模式 too); the statuses of 点单 scroll beneath the first. */
const AREAS: { value: Area; label: string }[] = [
  { value: 'requests', label: '点单受理' },
  { value: 'volunteers', label: '志愿者审核' },
];
type Tab = RequestStatus;
/** What an empty status leads to. */
const EMPTY_NEXT: Partial<Record<RequestStatus, string>> = {
  submitted: '居民点单后会出现在这里，你也会收到消息',
  accepted: '受理后的点单在这里派单',
  open: '发布招募的点单在这里等待党员和志愿者认领',
  inProgress: '有人认领或你指派后，点单在这里办理',
  finished: '办理人办结后，在这里等待居民确认',
};
const TABS: { value: Tab; label: string; next: string }[] = [
  { value: 'submitted', label: '待受理', next: '去受理 ›' },
  { value: 'accepted', label: '待派单', next: '去派单 ›' },
  { value: 'open', label: '招募中', next: '查看 ›' },
  { value: 'inProgress', label: '办理中', next: '查看 ›' },
  { value: 'finished', label: '待确认', next: '查看 ›' },
  { value: 'confirmed', label: '已办结', next: '查看 ›' },
];

/** One volunteer waiting for the branch: approve, or reject with a reason they will read. */
function VolunteerItem({ v, onDone }: { v: PendingVolunteer; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const approve = useIntention(['approve', v.openid]);
  const reject = useIntention(['reject', v.openid, reason]);
  const who = `${v.realName}（${v.phoneMasked}）`;
  const refused = (e: unknown) => setError(errorMessage(e));
  return (
    <View className={`card help-volunteer-item help-volunteer-item--${v.openid}`}>
      <View className="card__title">{who}</View>
      <View className="muted">{`${v.unitName ?? ''}${v.inService ? ` · 双报到在职党员${v.workplace ? `（${v.workplace}）` : ''}` : ''}${v.appliedAt ? ` · ${formatTime(v.appliedAt)} 登记` : ''}${v.phoneVerified ? ' · 手机号经微信核验' : ' · 手机号为手填未核验'}`}</View>
      <FormField
        label="不通过的原因"
        name={`reason-${v.openid}`}
        value={reason}
        onChange={(t) => {
          setReason(t);
          setError(null);
        }}
        maxlength={100}
        placeholder="不通过时填写，登记人会看到"
        error={error}
      />
      <View className="help-split">
        <View className="help-split__item">
          <Button
            className="help-volunteer-item__approve"
            type="primary"
            block
            loading={approve.busy}
            disabled={approve.busy || reject.busy}
            onClick={() =>
              void approve.run(() => reviewVolunteer(v.openid, 'approve'), {
                confirm: {
                  title: '通过审核',
                  content: `${who}将成为本社区的志愿者，可在任务大厅认领任务，并可看到本社区群众的联系方式。`,
                  confirmText: '通过',
                },
                success: '已通过',
                onSuccess: onDone,
                onError: refused,
              })
            }
          >
            通过
          </Button>
        </View>
        <View className="help-split__item">
          <Button
            className="help-volunteer-item__reject"
            block
            loading={reject.busy}
            disabled={approve.busy || reject.busy}
            onClick={() => {
              if (reason.trim().length < 2) {
                setError('请填写不通过的原因，登记人会看到');
                return;
              }
              void reject.run(() => reviewVolunteer(v.openid, 'reject', reason.trim()), {
                confirm: {
                  title: '不通过',
                  content: `${who}的志愿者登记将不通过，原因「${reason.trim()}」会告诉登记人。`,
                  confirmText: '不通过',
                },
                success: '已不通过',
                onSuccess: onDone,
                onError: refused,
              });
            }}
          >
            不通过
          </Button>
        </View>
      </View>
    </View>
  );
}

function Volunteers() {
  const list = usePagedPage((cursor) => listVolunteers('pending', cursor), []);
  return (
    <PagedList
      list={list}
      keyOf={(v) => v.openid}
      emptyText="没有等待审核的志愿者。居民在「志愿者」页登记并选择本社区支部后，会出现在这里"
      renderItem={(v) => <VolunteerItem v={v} onDone={list.reload} />}
    />
  );
}

function Requests({ status }: { status: RequestStatus }) {
  const list = usePagedPage((cursor) => listQueue(status, cursor), [status]);
  const tab = TABS.find((t) => t.value === status)!;
  // Back from a detail where it was accepted or dispatched: the list is current again.
  const [seen, setSeen] = useState(false);
  useDidShow(() => {
    if (seen) list.reload();
    setSeen(true);
  });
  return (
    <PagedList
      list={list}
      keyOf={(r) => r.id}
      emptyText={`没有${tab.label}的点单。${EMPTY_NEXT[status] ?? ''}`}
      renderItem={(r) => <RequestCardView card={r} extra={<Text className="help-card__next">{tab.next}</Text>} />}
    />
  );
}

/**
 * 点单受理: a secretary's (or an admin's) requests by status; each opens to accept, decline or dispatch it. The last tab
 * lists the volunteers who registered with the branch, to approve or reject (a message opens it with `?tab=volunteers`).
 */
export default function QueuePage() {
  const [elder, setElder] = useElderMode();
  const { params } = useRouter();
  const [area, setArea] = useState<Area>(params.tab === 'volunteers' ? 'volunteers' : 'requests');
  const [tab, setTab] = useState<Tab>('submitted');
  return (
    <ElderPage elder={elder} className="help-queue-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <Tabs name="queue-area" tabs={AREAS} value={area} onChange={setArea} />
      {area === 'volunteers' ? (
        <Volunteers />
      ) : (
        <>
          <Tabs name="queue" tabs={TABS} value={tab} onChange={setTab} />
          <Requests key={tab} status={tab} />
        </>
      )}
    </ElderPage>
  );
}
