import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useConfirmedAction } from '../../../../components/confirmed-action/useConfirmedAction';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import { cancelBooking, listMyBookings, type BookingItem } from '../../../../services/stations';
import { dayjs } from '../../../../utils/time';
import { ElderPage } from '../../../../components/elder-mode';

const when = (b: BookingItem) =>
  `${dayjs(b.start).utcOffset(480).format('M月D日 HH:mm')}-${dayjs(b.end).utcOffset(480).format('HH:mm')}`;

function BookingCard({ booking, onChanged }: { booking: BookingItem; onChanged: () => void }) {
  const [busy, cancel] = useConfirmedAction(
    {
      title: '取消预约',
      content: `取消 ${when(booking)} 的「${booking.itemName}」？`,
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
      <Text className="muted">{`${when(booking)} · ${booking.statusLabel}${booking.via === 'waitlist' ? ' · 候补成功' : ''}`}</Text>
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
  return (
    <ElderPage className="my-bookings">
      <PagedList
        list={list}
        keyOf={(b) => b.bookingId}
        emptyText="还没有预约，去驿站看看吧"
        renderItem={(b) => <BookingCard booking={b} onChanged={list.reload} />}
      />
    </ElderPage>
  );
}
