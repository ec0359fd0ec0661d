import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import { a11y } from '../../../../components/layout/a11y';
import ResourceView, { useResource } from '../../../../components/resource';
import StateView from '../../../../components/state-view';
import { dayjs } from '../../../../utils/time';
import { dayText } from '../../../../utils/day-text';
import { getBirthdays } from '../../api';
import '../../notices.scss';

/** The month the server calls this one and the next two, 'YYYY-MM'. */
const monthsFrom = (base: string) => [0, 1, 2].map((i) => dayjs(`${base}-01`).add(i, 'month').format('YYYY-MM'));

/** 政治生日 of the secretary's branch, a month at a time: who, which day, how many years — for a 主题党日. */
export default function BirthdaysPage() {
  const [elder, setElder] = useElderMode();
  // The first answer (without a month) is this month by the server's clock; the chips count on from it.
  const [month, setMonth] = useState<string | undefined>();
  const list = useResource(() => getBirthdays(month), [month]);
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    if (!base && list.data) setBase(list.data.month);
  }, [base, list.data]);
  const choices = base ? monthsFrom(base) : [];
  const shown = month ?? base ?? '';
  return (
    <ElderPage elder={elder} className="birthdays-page">
      <ElderToggle elder={elder} onChange={setElder} />
      <View className="birthday-months" role="toolbar" aria-label="选择月份">
        {choices.map((m) => (
          <Text
            key={m}
            className={`birthday-month${m === shown ? ' birthday-month--on' : ''}`}
            {...a11y({ role: 'button', pressed: m === shown, label: `${Number(m.slice(5))}月` })}
            onClick={() => setMonth(m)}
          >
            {`${Number(m.slice(5))}月`}
          </Text>
        ))}
      </View>
      <ResourceView resource={list}>
        {(data) =>
          data.items.length === 0 ? (
            <StateView
              kind="empty"
              message={`${Number(data.month.slice(5))}月没有党员过政治生日。入党日期可在管理后台登记`}
            />
          ) : (
            <View>
              {data.items.map((p) => (
                <View key={p.openid} className="card birthday-row">
                  <View>
                    <View className="birthday-row__name">{p.nickname}</View>
                    <View className="notice-card__meta">{`${dayText(p.day)} · ${dayjs(p.joinDate).format('YYYY年M月D日')}入党`}</View>
                  </View>
                  <Text className="birthday-row__years">{`入党 ${p.years} 周年`}</Text>
                </View>
              ))}
            </View>
          )
        }
      </ResourceView>
    </ElderPage>
  );
}
