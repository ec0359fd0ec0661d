import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { useIntention } from '../../../../components/intention';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import { claimRequest, listHall, type RequestCard, type RequestKind } from '../../../../services/requests';
import { errorMessage } from '../../../../services/transport';
import { DETAIL, go, RequestCardView, Tabs, requestFacts } from '../../components';
import '../../help.scss';
import { ROUTES } from '../../../../routes';

type Filter = RequestKind | '';
const TABS: { value: Filter; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'wish', label: '微心愿' },
  { value: 'issue', label: '诉求' },
];

function HallItem({ card, onClaimed }: { card: RequestCard; onClaimed: () => void }) {
  const intent = useIntention(['claim', card.id]);
  const claim = () =>
    void intent.run(() => claimRequest(card.id), {
      confirm: {
        title: '认领',
        content: `认领${requestFacts(card)}后请尽快联系群众办理，完成时上传照片，经群众确认后计入积分或时间银行。`,
        confirmText: '认领',
      },
      success: '已认领，可在「我的任务」查看',
      onSuccess: () => {
        onClaimed();
        go(DETAIL(card.id));
      },
      onError: (e) => void Taro.showModal({ title: '未能认领', content: errorMessage(e), showCancel: false }),
    });
  return (
    <RequestCardView card={card}>
      <Button
        className="help-hall__claim"
        type="primary"
        size="small"
        block
        loading={intent.busy}
        disabled={intent.busy}
        onClick={claim}
      >
        {`认领（余 ${Math.max(card.places - card.taken, 0)} 个名额）`}
      </Button>
    </RequestCardView>
  );
}

/** 任务大厅: open tasks from the branches around (the same county first), for party members and registered volunteers. */
export default function HallPage() {
  const [elder, setElder] = useElderMode();
  const [kind, setKind] = useState<Filter>('');
  const list = usePagedPage((cursor) => listHall(kind || undefined, cursor), [kind]);
  return (
    <ElderPage elder={elder} className="help-hall-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="help-intro">
        <View className="help-intro__title">党员接单</View>
        <View className="help-intro__text">
          群众的微心愿和诉求经支部受理后发布在这里。党员认领计积分，志愿者记时间银行。
        </View>
      </View>
      <Tabs name="hall" tabs={TABS} value={kind} onChange={setKind} />
      <PagedList
        list={list}
        keyOf={(r) => r.id}
        emptyText="暂时没有待认领的任务。支部发布新任务后会出现在这里，也可先看看心愿墙"
        emptyAction={{ text: '看看心愿墙', url: ROUTES.helpWall }}
        renderItem={(r) => <HallItem card={r} onClaimed={list.reload} />}
      />
    </ElderPage>
  );
}
