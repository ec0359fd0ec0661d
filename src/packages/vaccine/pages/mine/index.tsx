import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import { ElderPage, ElderToggle, useElderMode } from '../../../../components/elder-mode';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import { cancelAppointment, listAppointments, type AppointmentItem } from '../../../../services/vaccine';
import { whenText } from '../../../../utils/day-text';
import './index.scss';
import '../../../../components/date-strip/dialog.scss';

const when = (a: AppointmentItem) => whenText(a.start, a.end);
const placeOf = (a: AppointmentItem) => (a.siteAddress ? `${a.siteName}（${a.siteAddress}）` : a.siteName);

function AppointmentCard({ item, onChanged }: { item: AppointmentItem; onChanged: () => void }) {
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消预约',
      content: [
        `接种人：${item.name}`,
        `疫苗：${item.vaccineName} 第\u00a0${item.dose}\u00a0剂`,
        `地点：${placeOf(item)}`,
        `时间：${when(item)}`,
        '取消后名额将释放，不能撤回。',
      ].join('\n'),
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
      <View className="appointment-card__who">{`接种人 ${item.name}`}</View>
      <View className="appointment-card__site">{item.siteName}</View>
      {item.siteAddress ? <Text className="muted appointment-card__address">{item.siteAddress}</Text> : null}
      <View className="appointment-card__when">{when(item)}</View>
      <Text className="muted">{`${item.statusLabel}${item.green ? ' · 绿色通道' : ''}`}</Text>
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
