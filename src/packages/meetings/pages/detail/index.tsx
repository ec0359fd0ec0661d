import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { useIntention } from '../../../../components/intention';
import QrCode from '../../../../components/qr-code';
import ResourceView, { useResource } from '../../../../components/resource';
import { routeUrl } from '../../../../routes';
import { errorMessage } from '../../../../services/transport';
import {
  askLeave,
  cancelMeeting,
  checkIn,
  decideLeave,
  meetingDetail,
  meetingTime,
  type MeetingDetail,
  type Person,
} from '../../api';
import { TextAreaField } from '../../../help/components';
import '../../../help/help.scss';
import '../../meetings.scss';

/** The member's own part: 签到 with the code shown at the meeting, or 请假 with a reason. */
function MinePart({ m, onDone }: { m: MeetingDetail; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<{ field: 'code' | 'reason'; text: string } | null>(null);
  const intent = useIntention({ code, reason });
  const mine = m.mine;
  if (!mine) return null;
  const open = m.status === 'planned';
  const name = `${m.typeName}「${m.title}」`;
  const checkin = () => {
    if (!/^[A-Za-z0-9]{6}$/.test(code.trim()))
      return setError({ field: 'code', text: '签到码是 6 位字母或数字，请看会场展示的签到码' });
    setError(null);
    return void intent.run(() => checkIn(code.trim().toUpperCase()), {
      success: (r) => `签到成功，积分 +${r.points}`,
      onSuccess: () => {
        setCode('');
        onDone();
      },
      onError: (e) => setError({ field: 'code', text: errorMessage(e) }),
    });
  };
  const leave = () => {
    if (reason.trim().length < 2) return setError({ field: 'reason', text: '请写明请假事由（至少 2 个字）' });
    setError(null);
    return void intent.run(() => askLeave(m.meetingId, reason.trim()), {
      confirm: {
        title: '申请请假',
        content: `向支部书记申请不参加${name}（${meetingTime(m.startAt, m.endAt)}），事由：${reason.trim()}。批准后本次会议记为请假。`,
        confirmText: '申请请假',
      },
      success: '已提交，等待书记审批',
      onSuccess: () => {
        setLeaving(false);
        setReason('');
        onDone();
      },
      onError: (e) => setError({ field: 'reason', text: errorMessage(e) }),
    });
  };
  return (
    <View className="card meeting-mine">
      <View className="card__title">我的参会情况</View>
      <View className="meeting-facts">
        <Text className="meeting-mine__state">{mine.stateName}</Text>
        {mine.leaveReason && mine.state !== 'present' ? (
          <Text className="muted">（事由：{mine.leaveReason}）</Text>
        ) : null}
      </View>
      {open && mine.state !== 'present' && mine.state !== 'onLeave' ? (
        <View className="meeting-checkin">
          <Text className="muted">到会场后，输入会场展示的 6 位签到码（会前 10 分钟起可签到）</Text>
          <View className="meeting-input">
            <Input
              className="meeting-checkin__code"
              value={code}
              maxlength={6}
              placeholder="签到码"
              aria-label="签到码"
              onInput={(e) => {
                setCode(e.detail.value);
                setError(null);
              }}
            />
          </View>
          {error?.field === 'code' ? (
            <View className="meeting-error" role="alert">
              {error.text}
            </View>
          ) : null}
          <Button className="meeting-checkin__submit" type="primary" block disabled={intent.busy} onClick={checkin}>
            签到
          </Button>
        </View>
      ) : null}
      {open && mine.role === 'member' && (mine.state === 'expected' || mine.state === 'leaveAsked') ? (
        <View className="meeting-leave">
          {leaving ? (
            <View>
              <TextAreaField
                label="请假事由"
                name="reason"
                value={reason}
                maxlength={100}
                placeholder="如：出差在外，无法到会"
                hint="书记会看到"
                onChange={(v) => {
                  setReason(v);
                  setError(null);
                }}
                error={error?.field === 'reason' ? error.text : null}
                required
              />
              <Button className="meeting-leave__submit" block disabled={intent.busy} onClick={leave}>
                提交请假
              </Button>
            </View>
          ) : (
            <Button className="meeting-leave__open" block onClick={() => setLeaving(true)}>
              {mine.state === 'leaveAsked' ? '修改请假事由' : '请假'}
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}

function PersonRow({ m, p, onDone }: { m: MeetingDetail; p: Person; onDone: () => void }) {
  const intent = useIntention(p.openid);
  const decide = (approve: boolean) =>
    void intent.run(() => decideLeave(m.meetingId, p.openid, approve), {
      confirm: {
        title: approve ? '批准请假' : '不批准请假',
        content: approve
          ? `批准「${p.name}」不参加「${m.title}」，事由：${p.leaveReason}。本次会议记为请假，TA 会收到消息。`
          : `不批准「${p.name}」的请假（事由：${p.leaveReason}），TA 会收到消息，请按时参会签到。`,
        confirmText: approve ? '批准' : '不批准',
      },
      success: approve ? '已批准' : '已告知不批准',
      onSuccess: onDone,
      onError: (e) => void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false }),
    });
  return (
    <View className={`meeting-person meeting-person--${p.state}`}>
      <View>
        <Text className="meeting-person__name">{p.name}</Text>
        {p.state === 'leaveAsked' ? <Text className="meeting-person__reason">请假事由：{p.leaveReason}</Text> : null}
      </View>
      {p.state === 'leaveAsked' && m.status === 'planned' ? (
        <View className="meeting-person__buttons">
          <Button
            className="meeting-person__approve"
            size="small"
            type="primary"
            disabled={intent.busy}
            onClick={() => decide(true)}
          >
            批准
          </Button>
          <Button className="meeting-person__decline" size="small" disabled={intent.busy} onClick={() => decide(false)}>
            不批准
          </Button>
        </View>
      ) : (
        <Text className="meeting-person__state">{p.stateName}</Text>
      )}
    </View>
  );
}

/** The secretary's part: the code to show, who is coming, leave to decide, then the minutes. */
function ManagePart({ m, onDone }: { m: MeetingDetail; onDone: () => void }) {
  const intent = useIntention(m.meetingId);
  if (!m.manage) return null;
  const asking = m.people.filter((p) => p.state === 'leaveAsked').length;
  const cancel = () =>
    void intent.run(() => cancelMeeting(m.meetingId), {
      confirm: {
        title: '取消会议',
        content: `取消${meetingTime(m.startAt, m.endAt)}的「${m.title}」？应到的 ${m.expectedCount} 名党员会收到取消的消息，签到码作废。`,
        confirmText: '取消会议',
        cancelText: '不取消',
      },
      success: '会议已取消',
      onSuccess: onDone,
      onError: (e) => void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false }),
    });
  return (
    <View className="meeting-manage">
      {m.code ? (
        <View className="card meeting-code">
          <View className="card__title">签到码</View>
          <QrCode value={m.code} caption="在会场展示，党员输入签到码签到（会前 10 分钟起）" />
        </View>
      ) : null}
      <View className="card meeting-people">
        <View className="card__title">
          参会党员（{m.people.length} 人{asking ? `，${asking} 人请假待批` : ''}）
        </View>
        {m.people.map((p) => (
          <PersonRow key={p.openid} m={m} p={p} onDone={onDone} />
        ))}
      </View>
      {m.status === 'planned' ? (
        <View className="meetings-actions">
          <Button
            className="meeting-minutes__open"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routeUrl('meetingsMinutes', { id: m.meetingId }) })}
          >
            记录会议（会议开始后）
          </Button>
          <Button className="meeting-cancel" block disabled={intent.busy} onClick={cancel}>
            取消会议
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 会议详情: what, when, where and the agenda; the member's 签到 and 请假; the secretary's code, leave and minutes. */
export default function MeetingDetailPage() {
  const [elder, setElder] = useElderMode();
  const id = useRouter().params.id ?? '';
  const detail = useResource(() => meetingDetail(id), [id], { reloadOnShow: true });
  return (
    <ElderPage elder={elder} className="meeting-detail-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <ResourceView resource={detail}>
        {(m) => (
          <View>
            <View className="card meeting-info">
              <View className="card__title">
                <Text className="meeting-card__type">{m.typeName}</Text>
                {m.title}
              </View>
              <View className="meeting-facts">
                <View>时间：{meetingTime(m.startAt, m.endAt)}</View>
                <View>地点：{m.place}</View>
                <View>状态：{m.statusName}</View>
                {m.agenda ? <View className="meeting-agenda">议程：{m.agenda}</View> : null}
              </View>
            </View>
            {m.status === 'held' ? (
              <View className="card meeting-record">
                <View className="card__title">会议记录</View>
                <View className="meeting-counts">
                  <View>
                    <Text className="meeting-counts__n">{m.presentCount}</Text>出席
                  </View>
                  <View>
                    <Text className="meeting-counts__n">{m.leaveCount}</Text>请假
                  </View>
                  <View>
                    <Text className="meeting-counts__n">{m.absentCount}</Text>缺席
                  </View>
                </View>
                <View className="meeting-facts meeting-agenda meeting-record__text">{m.minutes}</View>
                <View className="meeting-photos">
                  {[...m.photos, ...m.pendingPhotos].map((u, i) => (
                    <Image
                      key={u}
                      className="meeting-photos__img"
                      src={u}
                      mode="aspectFill"
                      nativeProps={{
                        alt: `会议照片 ${i + 1}${i >= m.photos.length ? '（审核中，只有你能看到）' : ''}`,
                      }}
                      onClick={() => void Taro.previewImage({ urls: m.photos, current: u })}
                    />
                  ))}
                </View>
              </View>
            ) : null}
            <MinePart m={m} onDone={detail.reload} />
            <ManagePart m={m} onDone={detail.reload} />
          </View>
        )}
      </ResourceView>
    </ElderPage>
  );
}
