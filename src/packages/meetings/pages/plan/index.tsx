import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import FormField, { Field, FormError, useFieldErrors } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import { DateTimeField } from '../../../../components/pickers';
import ResourceView, { useResource } from '../../../../components/resource';
import { routeUrl } from '../../../../routes';
import { getMe } from '../../../../services/user';
import { formatDate, formatDateTime } from '../../../../utils/time';
import { MEETING_TYPES, type MeetingType } from '../../../../../domain/meetings/labels';
import { TextAreaField } from '../../../help/components';
import { branchMembers, planMeeting } from '../../api';
import '../../../help/help.scss';
import '../../meetings.scss';

const FIELDS = {
  type: 'type',
  title: 'title',
  agenda: 'agenda',
  place: 'place',
  start: 'start',
  end: 'end',
  members: 'members',
} as const;
const TYPES = Object.entries(MEETING_TYPES) as [MeetingType, string][];
const HALF_HOUR = 30 * 60_000;

/** The branch's members to pick from (the secretary's own branch only). */
function MemberChoice({
  branchId,
  picked,
  onChange,
}: {
  branchId: string;
  picked: string[];
  onChange: (next: string[]) => void;
}) {
  const list = useResource(() => branchMembers(branchId), [branchId]);
  return (
    <ResourceView resource={list}>
      {(r) => (
        <View className="meeting-pick">
          {r.items.map((m) => {
            const on = picked.includes(m.openid);
            return (
              <View
                key={m.openid}
                role="checkbox"
                aria-checked={on}
                className={`choice-chip meeting-pick__member ${on ? 'choice-chip--on' : ''}`}
                onClick={() => onChange(on ? picked.filter((x) => x !== m.openid) : [...picked, m.openid])}
              >
                {m.realName || m.nickname}
              </View>
            );
          })}
        </View>
      )}
    </ResourceView>
  );
}

/** 安排会议: a secretary plans a meeting of their branch; its members are told at once. */
export default function PlanMeetingPage() {
  const [elder, setElder] = useElderMode();
  const me = useResource(getMe, []);
  // By default it starts at the next half hour and lasts 90 minutes.
  const empty = () => {
    const start = Math.ceil((Date.now() + 60_000) / HALF_HOUR) * HALF_HOUR;
    return {
      type: 'general' as MeetingType,
      title: '',
      agenda: '',
      place: '',
      start: formatDateTime(start),
      end: formatDateTime(start + 3 * HALF_HOUR),
      whole: true,
      picked: [] as string[],
    };
  };
  const [form, setForm] = useState(empty);
  const errors = useFieldErrors(FIELDS);
  const intent = useIntention(form);
  const branch = me.data?.role === 'secretary' ? me.data.branch : null;

  const submit = () => {
    errors.clear();
    if (!branch) return undefined;
    const title = form.title.trim();
    if (title.length < 2) return errors.set('title', title ? '主题至少 2 个字' : '请填写会议主题');
    if (!form.place.trim()) return errors.set('place', '请填写地点');
    if (form.end <= form.start) return errors.set('end', '结束时间必须晚于开始时间');
    if (!form.whole && form.picked.length === 0) return errors.set('members', '请至少选择 1 名党员');
    const who = form.whole ? `${branch.name}全体党员` : `选中的 ${form.picked.length} 名党员`;
    return void intent.run(
      (requestId) =>
        planMeeting({
          type: form.type,
          title,
          agenda: form.agenda.trim(),
          place: form.place.trim(),
          start: form.start,
          end: form.end,
          branchId: branch.branchId,
          ...(form.whole ? {} : { members: form.picked }),
          requestId,
        }),
      {
        confirm: {
          title: '确认安排会议',
          content: `${MEETING_TYPES[form.type]}「${title}」，${form.start} 至 ${form.end.slice(11)}，地点：${form.place.trim()}。将通知${who}，并在会前 24 小时和 1 小时提醒。`,
          confirmText: '安排',
        },
        success: '已安排，已通知党员',
        onSuccess: (r) => void Taro.redirectTo({ url: routeUrl('meetingsDetail', { id: r.meetingId }) }),
        onError: errors.show,
      },
    );
  };

  return (
    <ElderPage elder={elder} className="meeting-plan-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="card">
        <Field label="会议类型" name="type" error={errors.errors.type} required>
          <View className="meeting-pick meeting-types">
            {TYPES.map(([code, name]) => (
              <View
                key={code}
                role="radio"
                aria-checked={form.type === code}
                className={`choice-chip meeting-type meeting-type--${code} ${form.type === code ? 'choice-chip--on' : ''}`}
                onClick={() => setForm((f) => ({ ...f, type: code }))}
              >
                {name}
              </View>
            ))}
          </View>
        </Field>
        <FormField
          label="会议主题"
          name="title"
          maxlength={40}
          value={form.title}
          placeholder="如 学习贯彻全会精神"
          onChange={(title) => setForm((f) => ({ ...f, title }))}
          error={errors.errors.title}
          required
        />
        <TextAreaField
          label="议程"
          name="agenda"
          value={form.agenda}
          maxlength={500}
          placeholder="如：一、传达学习；二、讨论发言"
          onChange={(agenda) => setForm((f) => ({ ...f, agenda }))}
          error={errors.errors.agenda}
          hint="选填"
        />
        <FormField
          label="地点"
          name="place"
          value={form.place}
          placeholder="如 向阳社区党群服务中心"
          onChange={(place) => setForm((f) => ({ ...f, place }))}
          error={errors.errors.place}
          required
        />
        <DateTimeField
          label="开始时间"
          name="start"
          value={form.start}
          min={formatDate(Date.now())}
          onChange={(start) => setForm((f) => ({ ...f, start, end: f.end <= start ? start : f.end }))}
          error={errors.errors.start}
        />
        <DateTimeField
          label="结束时间"
          name="end"
          value={form.end}
          min={form.start.slice(0, 10)}
          onChange={(end) => setForm((f) => ({ ...f, end }))}
          error={errors.errors.end}
        />
        <Field label="参会党员" name="members" error={errors.errors.members} required>
          <View className="meeting-pick">
            <View
              role="radio"
              aria-checked={form.whole}
              className={`choice-chip meeting-whole ${form.whole ? 'choice-chip--on' : ''}`}
              onClick={() => setForm((f) => ({ ...f, whole: true }))}
            >
              全体党员
            </View>
            <View
              role="radio"
              aria-checked={!form.whole}
              className={`choice-chip meeting-some ${form.whole ? '' : 'choice-chip--on'}`}
              onClick={() => setForm((f) => ({ ...f, whole: false }))}
            >
              选择党员
            </View>
          </View>
          {!form.whole && branch ? (
            <MemberChoice
              branchId={branch.branchId}
              picked={form.picked}
              onChange={(picked) => setForm((f) => ({ ...f, picked }))}
            />
          ) : null}
        </Field>
        {me.data && !branch ? (
          <Text className="meeting-error">只有支部书记可以在这里安排会议；管理员请在电脑上的管理后台安排</Text>
        ) : null}
        <View className="form-actions">
          <Button
            className="meeting-plan__submit"
            type="primary"
            block
            loading={intent.busy}
            disabled={intent.busy}
            onClick={submit}
          >
            安排并通知党员
          </Button>
        </View>
        <FormError message={errors.formError} />
      </View>
    </ElderPage>
  );
}
