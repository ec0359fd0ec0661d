import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { routeUrl } from '../../../../routes';
import { getMe } from '../../../../services/user';
import { branchMeetings, meetingTime, myMeetings, type BranchMeeting } from '../../api';
import '../../meetings.scss';

function Card({ m, state }: { m: BranchMeeting; state: string }) {
  return (
    <View
      className={`card meeting-card meeting-card--${m.status}`}
      role="link"
      aria-label={`${m.typeName}：${m.title}，${meetingTime(m.startAt, m.endAt)}，${state}`}
      onClick={() => void Taro.navigateTo({ url: routeUrl('meetingsDetail', { id: m.meetingId }) })}
    >
      <View className="meeting-card__head">
        <View className="card__title">
          <Text className="meeting-card__type">{m.typeName}</Text>
          {m.title}
        </View>
        <Text className="meeting-card__state">{state}</Text>
      </View>
      <View className="muted">
        {meetingTime(m.startAt, m.endAt)} · {m.place}
      </View>
    </View>
  );
}

/** 我的会议: the meetings a member is expected at; a secretary also plans and sees the branch's. */
export default function MyMeetingsPage() {
  const [elder, setElder] = useElderMode();
  const me = useResource(getMe, []);
  const mine = useResource(myMeetings, [], { reloadOnShow: true });
  const who = me.data;
  const secretary = who?.role === 'secretary' && who.branch ? who.branch : null;
  const branch = useResource(() => branchMeetings(secretary?.branchId ?? ''), [secretary?.branchId], {
    enabled: !!secretary,
    reloadOnShow: true,
  });
  return (
    <ElderPage elder={elder} className="meetings-page">
      <ElderToggle elder={elder} onChange={setElder} />
      {secretary ? (
        <View className="card">
          <View className="card__title">{secretary.name}</View>
          <Text className="muted">
            安排三会一课、主题党日等会议，党员会收到通知，并在会前 24 小时和 1 小时收到提醒。
          </Text>
          <View className="form-actions">
            <Button
              className="meetings-plan"
              type="primary"
              block
              onClick={() => void Taro.navigateTo({ url: routeUrl('meetingsPlan') })}
            >
              安排会议
            </Button>
          </View>
        </View>
      ) : null}
      {secretary ? (
        <ResourceView resource={branch}>
          {(b) => (
            <View className="meetings-branch">
              <View className="meetings-section">本支部的会议</View>
              {b.items.length === 0 ? (
                <StateView kind="empty" message="还没有安排会议，点上方「安排会议」" />
              ) : (
                b.items.map((m) => <Card key={m.meetingId} m={m} state={m.statusName} />)
              )}
            </View>
          )}
        </ResourceView>
      ) : null}
      <View className="meetings-section">我参加的会议</View>
      <ResourceView resource={mine}>
        {(r) =>
          r.items.length === 0 ? (
            <StateView kind="empty" message="暂时没有要参加的会议。支部安排会议后，会在这里和消息里通知你" />
          ) : (
            <View className="meetings-mine">
              {r.items.map((m) => (
                <Card
                  key={m.meetingId}
                  m={m}
                  state={m.status === 'cancelled' ? m.statusName : (m.mine?.stateName ?? m.statusName)}
                />
              ))}
            </View>
          )
        }
      </ResourceView>
    </ElderPage>
  );
}
