import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PagedList, { usePagedPage } from '../../../../components/paged-list';
import QrCode from '../../../../components/qr-code';
import { cancelBooking, listMyBookings, type BookingItem } from '../../../../services/stations';
import { errorMessage } from '../../../../services/transport';
import { dayjs } from '../../../../utils/time';

const when = (b: BookingItem) => `${dayjs(b.start).utcOffset(480).format('M月D日 HH:mm')}-${dayjs(b.end).utcOffset(480).format('HH:mm')}`;

function BookingCard({ booking, onChanged }: { booking: BookingItem; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: `取消 ${when(booking)} 的「${booking.itemName}」？`, confirmText: '取消预约', cancelText: '保留' });
    if (!confirm) return;
    setBusy(true);
    try {
      await cancelBooking(booking.bookingId);
      void Taro.showToast({ title: '已取消', icon: 'none' });
      onChanged();
    } catch (e) {
      void Taro.showModal({ title: '未能取消', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
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
    <View className="page my-bookings">
      <PagedList list={list} keyOf={(b) => b.bookingId} emptyText="还没有预约，去驿站看看吧" renderItem={(b) => <BookingCard booking={b} onChanged={list.reload} />} />
    </View>
  );
}
