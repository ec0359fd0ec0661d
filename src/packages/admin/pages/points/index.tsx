import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import FormField, { FormError, useFieldErrors } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import { DateRangeField, DateTimeField, MemberPicker, addDays } from '../../../../components/pickers';
import QrCode from '../../../../components/qr-code';
import ResourceView, { useResource } from '../../../../components/resource';
import type { MemberMatch } from '../../../../services/members';
import { awardPoints, exportLedger, listRules, publishActivity, type Rule } from '../../../../services/points';
import { formatDate, formatDateTime, nextFullHour } from '../../../../utils/time';
import '../../admin.scss';

const StatusLine = ({ text }: { text: string | null }) =>
  text ? (
    <View className="form-status admin-status admin-status--ok" role="status">
      {text}
    </View>
  ) : null;

const AWARD_FIELDS = { openid: 'openid', points: 'points', reason: 'reason' } as const;
type Direction = 'add' | 'deduct';
const EMPTY_AWARD = { member: null as MemberMatch | null, direction: 'add' as Direction, points: '', reason: '' };

function Award() {
  const [form, setForm] = useState(EMPTY_AWARD);
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors(AWARD_FIELDS);
  const intent = useIntention({
    openid: form.member?.openid,
    direction: form.direction,
    points: form.points,
    reason: form.reason,
  });
  const amount = Number(form.points);

  const submit = () => {
    errors.clear();
    setDone(null);
    const { member } = form;
    if (!member) return errors.set('openid', '请选择党员');
    if (!form.points.trim()) return errors.set('points', '请填写积分');
    if (!Number.isInteger(amount) || amount <= 0) return errors.set('points', '积分请填写正整数');
    if (form.reason.trim().length < 2)
      return errors.set('reason', form.reason.trim() ? '事由至少 2 个字' : '请填写事由');
    const points = form.direction === 'add' ? amount : -amount;
    const verb = form.direction === 'add' ? `记 ${amount} 分` : `扣 ${amount} 分（更正）`;
    return void intent.run(
      (requestId) => awardPoints({ openid: member.openid, points, reason: form.reason.trim(), requestId }),
      {
        confirm: {
          title: '确认记分',
          content: `给 ${member.nickname} ${verb}：${form.reason.trim()}`,
          confirmText: '记入台账',
        },
        success: '已记入台账',
        onSuccess: (res) => {
          setDone(`已记入台账：${member.nickname} ${res.points > 0 ? '+' : ''}${res.points} 分，余额 ${res.balance}`);
          setForm(EMPTY_AWARD);
        },
        onError: errors.show,
      },
    );
  };

  return (
    <View className="card admin-award">
      <View className="card__title">奖励或更正积分</View>
      <MemberPicker
        value={form.member}
        onChange={(member) => setForm((f) => ({ ...f, member }))}
        error={errors.errors.openid}
        required
      />
      <View className="form-field form-field--direction">
        <View className="form-field__label">类型</View>
        <View className="choice-row">
          {(['add', 'deduct'] as const).map((d) => (
            <View
              key={d}
              role="button"
              aria-pressed={form.direction === d}
              className={`choice-chip direction--${d} ${form.direction === d ? 'choice-chip--on' : ''}`}
              onClick={() => setForm((f) => ({ ...f, direction: d }))}
            >
              {d === 'add' ? '奖励加分' : '更正扣分'}
            </View>
          ))}
        </View>
      </View>
      <FormField
        label="积分"
        name="points"
        type="number"
        maxlength={4}
        value={form.points}
        placeholder="如 5"
        onChange={(points) => setForm((f) => ({ ...f, points }))}
        error={errors.errors.points}
        hint="1 至 1000 分"
        required
      />
      <FormField
        label="事由"
        name="reason"
        maxlength={100}
        value={form.reason}
        placeholder="如 志愿服务：社区夜巡"
        onChange={(reason) => setForm((f) => ({ ...f, reason }))}
        error={errors.errors.reason}
        required
      />
      <View className="form-actions">
        <Button
          className="admin-award__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={submit}
        >
          记入台账
        </Button>
      </View>
      <FormError message={errors.formError} />
      <StatusLine text={done} />
    </View>
  );
}

const PUBLISH_FIELDS = { title: 'title', ruleId: 'ruleId', place: 'place', start: 'start', end: 'end' } as const;

function Publish() {
  const rules = useResource(listRules, []);
  // By default the activity starts at the next full hour and lasts 90 minutes: never already over when published.
  const empty = () => {
    const start = nextFullHour(Date.now());
    return { title: '', ruleId: '', place: '', start: formatDateTime(start), end: formatDateTime(start + 90 * 60_000) };
  };
  const [form, setForm] = useState(empty);
  const [published, setPublished] = useState<{ code: string; title: string } | null>(null);
  const errors = useFieldErrors(PUBLISH_FIELDS);
  const intent = useIntention(form);
  const rule: Rule | undefined = rules.data?.items.find((r) => r.ruleId === form.ruleId) ?? rules.data?.items[0];

  const submit = () => {
    errors.clear();
    if (form.title.trim().length < 2)
      return errors.set('title', form.title.trim() ? '活动名称至少 2 个字' : '请填写活动名称');
    if (!rule) return errors.set('ruleId', '请选择积分细则');
    if (form.end <= form.start) return errors.set('end', '结束时间必须晚于开始时间');
    const title = form.title.trim();
    return void intent.run((requestId) => publishActivity({ ...form, title, ruleId: rule.ruleId, requestId }), {
      confirm: {
        title: '确认发布',
        content: `发布「${title}」（${rule.category} +${rule.points} 分），${form.start} 至 ${form.end.slice(11)}${form.place.trim() ? `，地点：${form.place.trim()}` : ''}。发布后生成签到码，党员到场签到得分`,
        confirmText: '发布',
      },
      success: '已发布',
      onSuccess: (res) => {
        setPublished({ code: res.code, title });
        setForm(empty());
      },
      onError: errors.show,
    });
  };

  return (
    <View className="card admin-publish">
      <View className="card__title">发布活动</View>
      <FormField
        label="活动名称"
        name="title"
        value={form.title}
        placeholder="如 党史学习教育专题党课"
        onChange={(title) => setForm((f) => ({ ...f, title }))}
        error={errors.errors.title}
        required
      />
      <View className="form-field form-field--ruleId">
        <View className="form-field__label">积分细则</View>
        <ResourceView resource={rules}>
          {(r) => (
            <View className="choice-row">
              {r.items.map((item) => (
                <View
                  key={item.ruleId}
                  role="button"
                  aria-pressed={rule?.ruleId === item.ruleId}
                  className={`choice-chip rule-option ${rule?.ruleId === item.ruleId ? 'choice-chip--on' : ''}`}
                  onClick={() => setForm((f) => ({ ...f, ruleId: item.ruleId }))}
                >
                  {`${item.category} +${item.points}`}
                </View>
              ))}
            </View>
          )}
        </ResourceView>
        {errors.errors.ruleId ? (
          <View className="form-field__error" role="alert">
            {errors.errors.ruleId}
          </View>
        ) : null}
      </View>
      <FormField
        label="地点"
        name="place"
        maxlength={100}
        value={form.place}
        placeholder="如 向阳社区党群服务中心"
        onChange={(place) => setForm((f) => ({ ...f, place }))}
        error={errors.errors.place}
      />
      <DateTimeField
        label="开始时间"
        name="start"
        value={form.start}
        min={formatDate(Date.now())}
        onChange={(start) =>
          setForm((f) => ({ ...f, start, end: f.end <= start ? `${start.slice(0, 11)}${f.end.slice(11)}` : f.end }))
        }
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
      <View className="form-actions">
        <Button
          className="admin-publish__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={submit}
        >
          发布
        </Button>
      </View>
      <FormError message={errors.formError} />
      {published ? (
        <View className="admin-publish__done">
          <StatusLine text={`已发布「${published.title}」，签到码 ${published.code}：在活动现场展示二维码`} />
          <QrCode value={published.code} caption="党员扫码或输入签到码签到" />
        </View>
      ) : null}
    </View>
  );
}

function Export() {
  const [range, setRange] = useState({ from: formatDate(Date.now() - 30 * 86_400_000), to: formatDate(Date.now()) });
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors({ from: 'range', to: 'range' } as const);
  const intent = useIntention(range);
  const submit = () => {
    errors.clear();
    void intent.run(() => exportLedger(range), {
      onSuccess: (res) => {
        if (process.env.TARO_ENV === 'weapp') {
          void Taro.setClipboardData({ data: res.csv });
          setDone(`已生成 ${res.rows} 行，CSV 已复制到剪贴板`);
        } else {
          const url = URL.createObjectURL(new Blob([res.csv], { type: 'text/csv;charset=utf-8' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = res.filename;
          a.click();
          URL.revokeObjectURL(url);
          setDone(`已导出 ${res.rows} 行：${res.filename}`);
        }
      },
      onError: errors.show,
    });
  };
  return (
    <View className="card admin-export">
      <View className="card__title">导出积分台账（CSV）</View>
      <DateRangeField
        label="台账日期"
        name="range"
        from={range.from}
        to={range.to}
        max={formatDate(Date.now())}
        min={addDays(formatDate(Date.now()), -730)}
        maxDays={366}
        onChange={setRange}
        error={errors.errors.range}
      />
      <View className="form-actions">
        <Button block loading={intent.busy} disabled={intent.busy} onClick={submit}>
          导出
        </Button>
      </View>
      <FormError message={errors.formError} />
      <StatusLine text={done} />
    </View>
  );
}

export default function AdminPointsPage() {
  const [elder] = useElderMode();
  return (
    <ElderPage elder={elder} className="admin-points">
      <Award />
      <Publish />
      <Export />
      <Text className="muted admin-note">记分与发布都会先请你确认；连续点按只会生效一次。</Text>
    </ElderPage>
  );
}
