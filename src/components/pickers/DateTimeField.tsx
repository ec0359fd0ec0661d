import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { DatePicker } from '@nutui/nutui-react-taro';
import { Field } from '../form-field';
import { addDays, describe, fromWheels, toPickerDate } from './dates';

type Kind = 'date' | 'time' | 'datetime';
const WHEELS = { date: 'date', time: 'hour-minutes', datetime: 'datetime' } as const;

export interface PickerFieldProps {
  label: string;
  name: string;
  /** 'YYYY-MM-DD', 'HH:mm' or 'YYYY-MM-DD HH:mm', as the server takes it. */
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  required?: boolean;
  /** Earliest and latest dates offered ('YYYY-MM-DD'); by default from today to a year ahead. */
  min?: string;
  max?: string;
  minuteStep?: number;
}

/** A date, time or date-and-time chosen on NutUI's wheels: never typed. */
function PickerField({
  kind,
  label,
  name,
  value,
  onChange,
  error,
  hint,
  required,
  min,
  max,
  minuteStep = 5,
}: PickerFieldProps & { kind: Kind }) {
  const [open, setOpen] = useState(false);
  const today = useMemo(
    () => fromWheels('date', [new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate()]),
    [],
  );
  // Stable Date objects: NutUI regenerates its columns whenever these change identity.
  const startDate = useMemo(() => toPickerDate(min ?? addDays(today, -366)), [min, today]);
  const endDate = useMemo(() => toPickerDate(`${max ?? addDays(today, 366)} 23:59`), [max, today]);
  const current = useMemo(() => toPickerDate(value || today), [value, today]);
  const shown = describe(kind, value);
  return (
    <Field label={label} name={name} error={error} hint={hint} required={required}>
      <View
        className={`picker-value ${shown ? '' : 'picker-value--empty'}`}
        role="button"
        aria-label={`${label}：${shown || '未选择'}，点按选择`}
        onClick={() => setOpen(true)}
      >
        <Text>{shown || `请选择${label}`}</Text>
        <Text className="picker-value__arrow">选择 ›</Text>
      </View>
      <DatePicker
        className={`date-picker date-picker--${name}`}
        title={`选择${label}`}
        type={WHEELS[kind]}
        visible={open}
        value={current}
        startDate={startDate}
        endDate={endDate}
        minuteStep={minuteStep}
        showChinese
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => onChange(fromWheels(kind, values))}
      />
    </Field>
  );
}

export const DateField = (props: PickerFieldProps) => <PickerField kind="date" {...props} />;
export const TimeField = (props: PickerFieldProps) => <PickerField kind="time" {...props} />;
export const DateTimeField = (props: PickerFieldProps) => <PickerField kind="datetime" {...props} />;

/** A range of dates: two pickers, the end never before the start, at most `maxDays` long. */
export function DateRangeField({
  label,
  name,
  from,
  to,
  onChange,
  min,
  max,
  maxDays,
  error,
}: {
  label: string;
  name: string;
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
  min?: string;
  max?: string;
  maxDays?: number;
  error?: string | null;
}) {
  const clampTo = (start: string, end: string) => {
    const last = maxDays ? addDays(start, maxDays - 1) : null;
    if (end < start) return start;
    return last && end > last ? last : end;
  };
  return (
    <View className={`date-range date-range--${name}`}>
      <DateField
        label={`${label}：从`}
        name={`${name}-from`}
        value={from}
        min={min}
        max={max}
        onChange={(f) => onChange({ from: f, to: clampTo(f, to) })}
        error={error}
      />
      <DateField
        label={`${label}：到`}
        name={`${name}-to`}
        value={to}
        min={from}
        max={max}
        onChange={(t) => onChange({ from, to: clampTo(from, t) })}
        hint={maxDays ? `最长 ${maxDays} 天` : undefined}
      />
    </View>
  );
}
