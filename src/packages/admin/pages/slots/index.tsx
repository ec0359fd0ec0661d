import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import FormField, { FormError, useFieldErrors } from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import {
  DateField,
  DateRangeField,
  StationItemPicker,
  TimeField,
  addDays,
  type StationItemChoice,
} from '../../../../components/pickers';
import { closeItemDay, generateItemSlots, getSlots } from '../../../../services/stations';
import { dayjs, formatDate } from '../../../../utils/time';
import '../../admin.scss';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const SLOT_MINUTES = [15, 20, 30, 60, 120];
const hhmm = (ms: number) => dayjs(ms).utcOffset(480).format('HH:mm');
const weekdaysText = (days: number[]) =>
  days.length === 7 ? '每天' : `每周${days.map((d) => WEEK[d - 1]).join('、')}`;

const GENERATE_FIELDS = {
  from: 'range',
  to: 'range',
  'template.weekdays': 'weekdays',
  'template.start': 'start',
  'template.end': 'end',
  'template.slotMinutes': 'slotMinutes',
  'template.capacity': 'capacity',
} as const;

function Generate({ choice }: { choice: StationItemChoice }) {
  const today = formatDate(Date.now());
  const [form, setForm] = useState({
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '12:00',
    slotMinutes: 30,
    capacity: '10',
    from: today,
    to: addDays(today, 13),
  });
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors(GENERATE_FIELDS);
  const intent = useIntention({ itemId: choice.itemId, ...form });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = () => {
    errors.clear();
    setDone(null);
    if (form.weekdays.length === 0) return errors.set('weekdays', '请至少选择一天');
    if (form.end <= form.start) return errors.set('end', '结束时间必须晚于开始时间');
    if (!form.capacity.trim()) return errors.set('capacity', '请填写每段人数');
    const capacity = Number(form.capacity);
    const template = {
      weekdays: form.weekdays,
      start: form.start,
      end: form.end,
      slotMinutes: form.slotMinutes,
      capacity,
    };
    return void intent.run(() => generateItemSlots({ itemId: choice.itemId, from: form.from, to: form.to, template }), {
      confirm: {
        title: '确认生成时段',
        content: `为「${choice.stationName} · ${choice.itemName}」生成 ${form.from} 至 ${form.to} ${weekdaysText(form.weekdays)} ${form.start}-${form.end} 的时段，每段 ${form.slotMinutes} 分钟、${capacity} 人。已有的时段保持不变`,
        confirmText: '生成',
      },
      success: (res) => `新建 ${res.created} 个时段`,
      onSuccess: (res) => setDone(`新建 ${res.created} 个时段，已存在 ${res.existing} 个`),
      onError: errors.show,
    });
  };

  return (
    <View className="card admin-generate">
      <View className="card__title">按模板生成时段</View>
      <View className={`form-field form-field--weekdays ${errors.errors.weekdays ? 'form-field--invalid' : ''}`}>
        <View className="form-field__label">每周哪几天</View>
        <View className="choice-row">
          {WEEK.map((w, i) => {
            const on = form.weekdays.includes(i + 1);
            return (
              <View
                key={w}
                role="button"
                aria-pressed={on}
                className={`choice-chip weekday-option ${on ? 'choice-chip--on' : ''}`}
                onClick={() =>
                  set('weekdays', on ? form.weekdays.filter((x) => x !== i + 1) : [...form.weekdays, i + 1].sort())
                }
              >
                {`周${w}`}
              </View>
            );
          })}
        </View>
        {errors.errors.weekdays ? (
          <View className="form-field__error" role="alert">
            {errors.errors.weekdays}
          </View>
        ) : null}
      </View>
      <TimeField
        label="每天开始"
        name="start"
        value={form.start}
        onChange={(v) => set('start', v)}
        error={errors.errors.start}
      />
      <TimeField
        label="每天结束"
        name="end"
        value={form.end}
        onChange={(v) => set('end', v)}
        error={errors.errors.end}
      />
      <View className={`form-field form-field--slotMinutes ${errors.errors.slotMinutes ? 'form-field--invalid' : ''}`}>
        <View className="form-field__label">每段时长</View>
        <View className="choice-row">
          {SLOT_MINUTES.map((m) => (
            <View
              key={m}
              role="button"
              aria-pressed={form.slotMinutes === m}
              className={`choice-chip minutes-option ${form.slotMinutes === m ? 'choice-chip--on' : ''}`}
              onClick={() => set('slotMinutes', m)}
            >
              {`${m} 分钟`}
            </View>
          ))}
        </View>
        {errors.errors.slotMinutes ? (
          <View className="form-field__error" role="alert">
            {errors.errors.slotMinutes}
          </View>
        ) : null}
      </View>
      <FormField
        label="每段人数"
        name="capacity"
        type="number"
        maxlength={4}
        value={form.capacity}
        placeholder="如 10"
        onChange={(v) => set('capacity', v)}
        error={errors.errors.capacity}
        hint="每个时段最多可预约的人数"
      />
      <DateRangeField
        label="生成日期"
        name="range"
        from={form.from}
        to={form.to}
        min={today}
        max={addDays(today, 365)}
        maxDays={62}
        onChange={({ from, to }) => setForm((f) => ({ ...f, from, to }))}
        error={errors.errors.range}
      />
      <View className="form-actions">
        <Button
          className="admin-generate__submit"
          type="primary"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={submit}
        >
          生成时段
        </Button>
      </View>
      <FormError message={errors.formError} />
      {done ? (
        <View className="form-status admin-status--ok" role="status">
          {done}
        </View>
      ) : null}
    </View>
  );
}

const CLOSE_FIELDS = { date: 'date', reason: 'reason', slotIds: 'date' } as const;

function CloseDay({ choice }: { choice: StationItemChoice }) {
  const today = formatDate(Date.now());
  const [form, setForm] = useState({ date: today, reason: '' });
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors(CLOSE_FIELDS);
  const intent = useIntention({ itemId: choice.itemId, ...form });

  const submit = async () => {
    errors.clear();
    setDone(null);
    const reason = form.reason.trim();
    if (reason.length < 2) return errors.set('reason', '请填写关闭原因（会通知已预约的居民）');
    // The confirmation names the slots and how many residents will be told.
    let slotsText = '';
    try {
      const { slots } = await getSlots(choice.itemId, form.date);
      const open = slots.filter((s) => !s.closed);
      if (open.length === 0) return errors.set('date', '这一天没有开放的时段');
      const booked = open.reduce((n, s) => n + (s.capacity - s.remaining), 0);
      slotsText = `${open.length} 个时段（${open.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`).join('、')}）${booked > 0 ? `，已预约的 ${booked} 位居民的预约将被取消，并收到通知：因${reason}关闭` : '，目前无人预约'}`;
    } catch (e) {
      return errors.show(e);
    }
    return void intent.run(() => closeItemDay({ itemId: choice.itemId, date: form.date, reason }), {
      confirm: {
        title: '确认关闭当天',
        content: `关闭「${choice.stationName} · ${choice.itemName}」${form.date} 的 ${slotsText}`,
        confirmText: '关闭当天',
      },
      success: '已关闭',
      onSuccess: (res) => {
        setDone(`已关闭 ${res.closed} 个时段，取消并通知 ${res.cancelled} 个预约`);
        setForm((f) => ({ ...f, reason: '' }));
      },
      onError: errors.show,
    });
  };

  return (
    <View className="card admin-close">
      <View className="card__title">关闭某一天（节假日、检修）</View>
      <DateField
        label="关闭日期"
        name="date"
        value={form.date}
        min={today}
        max={addDays(today, 365)}
        onChange={(date) => setForm((f) => ({ ...f, date }))}
        error={errors.errors.date}
      />
      <FormField
        label="关闭原因"
        name="reason"
        maxlength={60}
        value={form.reason}
        placeholder="如 设备检修"
        onChange={(reason) => setForm((f) => ({ ...f, reason }))}
        error={errors.errors.reason}
        hint="会通知已预约的居民"
        required
      />
      <View className="form-actions">
        <Button
          className="admin-close__submit"
          block
          loading={intent.busy}
          disabled={intent.busy}
          onClick={() => void submit()}
        >
          关闭当天
        </Button>
      </View>
      <FormError message={errors.formError} />
      {done ? (
        <View className="form-status admin-status--ok" role="status">
          {done}
        </View>
      ) : null}
    </View>
  );
}

export default function AdminSlotsPage() {
  const [elder] = useElderMode();
  const [choice, setChoice] = useState<StationItemChoice | null>(null);
  return (
    <ElderPage elder={elder} className="admin-slots">
      <View className="card admin-choose">
        <View className="card__title">选择驿站和预约项目</View>
        <StationItemPicker value={choice} onChange={setChoice} />
      </View>
      {choice ? (
        <View key={choice.itemId}>
          <Generate choice={choice} />
          <CloseDay choice={choice} />
        </View>
      ) : (
        <Text className="muted admin-note">先选择驿站和项目，再生成或关闭时段。</Text>
      )}
    </ElderPage>
  );
}
