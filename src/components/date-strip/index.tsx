import { ScrollView, Text, View } from '@tarojs/components';
import { a11y } from '../layout/a11y';
import { dayText, relativeDay, shortDate, weekdayText } from '../../utils/day-text';
import './index.scss';

export interface DateStripProps {
  /** The days offered, as 'YYYY-MM-DD' (Shanghai), in order. */
  days: string[];
  /** The chosen day. */
  value: string;
  onChange: (day: string) => void;
  /** The present instant: which chips say 今天 and 明天. */
  now: number;
  className?: string;
}

/**
 * The one date strip: a chip per day with its date and weekday (「今天 周日」 over 「12月6日」), the chosen
 * one filled and scrolled into view.
 */
export default function DateStrip({ days, value, onChange, now, className }: DateStripProps) {
  // A later day is brought into view with the day before it beside it, so it never sits cut at the edge.
  const at = days.indexOf(value);
  return (
    <ScrollView
      scrollX
      scrollIntoView={at > 1 ? `date-chip-${days[at - 1]}` : undefined}
      className={`date-strip ${className ?? ''}`}
      {...a11y({ role: 'tablist', label: '选择日期' })}
    >
      {days.map((day) => {
        const rel = relativeDay(day, now);
        const active = day === value;
        return (
          <View
            key={day}
            id={`date-chip-${day}`}
            className={`date-chip ${active ? 'date-chip--active' : ''}`}
            {...a11y({ role: 'tab', selected: active, label: dayText(day, now) })}
            onClick={() => onChange(day)}
          >
            <Text className="date-chip__week">{rel ? `${rel} ${weekdayText(day)}` : weekdayText(day)}</Text>
            <Text className="date-chip__day">{shortDate(day)}</Text>
          </View>
        );
      })}
    </ScrollView>
  );
}
