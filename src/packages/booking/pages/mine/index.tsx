import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import { useResource } from '../../../../components/resource';
import { getMe } from '../../../../services/user';
import { cancelBooking, listMyBookings, type BookingItem } from '../../../../services/stations';
import { whenText } from '../../../../utils/day-text';
import { ElderPage } from '../../../../components/elder-mode';
import './index.scss';
import '../../../../components/date-strip/dialog.scss';

/** Where to go: the station's name and address. */
const placeOf = (b: BookingItem) =>
  b.stationName ? `${b.stationName}${b.stationAddress ? `（${b.stationAddress}）` : ''}` : '';

function BookingCard({ booking, who, onChanged }: { booking: BookingItem; who: string | null; onChanged: () => void }) {
  const when = whenText(booking.start, booking.end);
  const place = placeOf(booking);
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消预约',
      content: [
        ...(who ? [`预约人：${who}`] : []),
        `项目：${booking.itemName}`,
        ...(place ? [`地点：${place}`] : []),
        `时间：${when}`,
        '取消后名额将释放，不能撤回。',
      ].join('\n'),
      confirmText: '取消预约',
      cancelText: '保留',
      done: '已取消',
    },
    () => cancelBooking(booking.bookingId),
    onChanged,
  );
  return (
    <View className={`card booking-card booking-card--${booking.status}`}>
      <View className="card__title">{booking.itemName}</View>
      {booking.stationName ? <View className="booking-card__station">{booking.stationName}</View> : null}
      {booking.stationAddress ? <Text className="muted booking-card__address">{booking.stationAddress}</Text> : null}
      <View className="booking-card__when">{when}</View>
      <Text className="muted">{`${booking.statusLabel}${booking.via === 'waitlist' ? ' · 候补成功' : ''}`}</Text>
      {booking.code ? (
        <View>
          <QrCode value={booking.code} caption="到场后请向工作人员出示预约码" />
          <Button className="booking-cancel" block loading={busy} disabled={busy} onClick={() => void cancel()}>
            取消预约
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default function MyBookingsPage() {
  const list = usePagedPage<BookingItem>((cursor) => listMyBookings(cursor), []);
  // Who booked: named in the cancel confirmation (the signed-in person).
  const me = useResource(getMe, []);
  return (
    <ElderPage className="my-bookings">
      <PagedList
        list={list}
        keyOf={(b) => b.bookingId}
        emptyText="还没有预约，去驿站看看吧"
        renderItem={(b) => <BookingCard booking={b} who={me.data?.nickname ?? null} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
