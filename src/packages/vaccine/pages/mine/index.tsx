import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import { cancelAppointment, listAppointments, type AppointmentItem } from '../../../../services/vaccine';
import { dayjs } from '../../../../utils/time';

const when = (a: AppointmentItem) =>
  `${dayjs(a.start).utcOffset(480).format('M月D日 HH:mm')}-${dayjs(a.end).utcOffset(480).format('HH:mm')}`;

function AppointmentCard({ item, onChanged }: { item: AppointmentItem; onChanged: () => void }) {
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消预约',
      content: `取消 ${item.name} ${when(item)} 的接种预约？`,
      confirmText: '取消预约',
      cancelText: '保留',
      done: '已取消',
    },
    () => cancelAppointment(item.appointmentId),
    onChanged,
  );
  return (
    <View className={`card appointment-card appointment-card--${item.status}`}>
      <View className="card__title">{`${item.vaccineName} 第 ${item.dose} 剂`}</View>
      <Text className="muted">{`${item.name} · ${item.siteName} · ${when(item)} · ${item.statusLabel}${item.green ? ' · 绿色通道' : ''}`}</Text>
      {item.code ? (
        <View>
          <QrCode value={item.code} caption="接种当天向现场工作人员出示" />
          <Button block loading={busy} disabled={busy} onClick={() => void cancel()}>
            取消预约
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function MyAppointmentsPage() {
  const [elder, setElder] = useElderMode();
  const list = usePagedPage<AppointmentItem>((cursor) => listAppointments(cursor), []);
  return (
    <ElderPage elder={elder} className="my-appointments">
      <ElderToggle elder={elder} onChange={setElder} />
      <PagedList
        list={list}
        keyOf={(a) => a.appointmentId}
        emptyText="还没有接种预约"
        renderItem={(a) => <AppointmentCard item={a} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
