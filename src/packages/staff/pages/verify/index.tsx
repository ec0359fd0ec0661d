import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { verifyPickup } from '../../../../services/points';
import { verifyBooking } from '../../../../services/stations';
import { releaseIdNumber, verifyAppointment } from '../../../../services/vaccine';
import { errorMessage } from '../../../../services/transport';

type Mode = 'pickup' | 'booking' | 'vaccine' | 'release';
interface ModeSpec {
  tab: string;
  title: string;
  hint: string;
  run: (code: string) => Promise<string>;
  /** What a valid entry looks like, and the message when it does not; 8-digit codes unless said. */
  entry?: { pattern: RegExp; length: number; placeholder: string; invalid: string; confirm: string };
}
const EIGHT_DIGITS = { pattern: /^\d{8}$/, length: 8, placeholder: '8 位数字', invalid: '请输入 8 位数字', confirm: '' };
const MODES: Record<Mode, ModeSpec> = {
  pickup: {
    tab: '兑换取货',
    title: '核销兑换订单',
    hint: '扫描或输入党员出示的 8 位取货码',
    run: async (code) => {
      const res = await verifyPickup(code);
      return `核销成功：${res.goodsName} ×${res.qty}，请交付商品`;
    },
  },
  booking: {
    tab: '预约签到',
    title: '预约到场签到',
    hint: '扫描或输入居民出示的 8 位预约码',
    run: async (code) => {
      const res = await verifyBooking(code);
      return `签到成功：${res.itemName}`;
    },
  },
  vaccine: {
    tab: '接种核验',
    title: '核验接种预约',
    hint: '扫描或输入居民出示的 8 位接种预约码，核验后记为已接种',
    run: async (code) => {
      const res = await verifyAppointment(code);
      return `核验成功：${res.name}，${res.vaccineName} 第 ${res.dose} 剂${res.green ? '（绿色通道）' : ''}`;
    },
  },
  release: {
    tab: '身份证释放',
    title: '释放被他人添加的身份证号',
    hint: '家人反映身份证号已被陌生账号添加时：当面核对身份证原件后输入号码，所有账号对该号码的添加与未来预约将被取消，已接种记录保留；随后请家人重新添加',
    run: async (idNumber) => {
      const res = await releaseIdNumber(idNumber);
      return `已释放：${res.accounts} 个账号的添加，取消 ${res.cancelled} 个未来预约。请家人重新添加接种人`;
    },
    entry: { pattern: /^\d{17}[\dX]$/, length: 18, placeholder: '18 位身份证号', invalid: '请输入 18 位身份证号', confirm: '确认已当面核对身份证原件？释放后其他账号的添加和未来预约都会取消' },
  },
};

/** Station staff verify (核销) a pickup code or check a booking in: scanned on weapp, typed on H5. */
export default function VerifyPage() {
  const [mode, setMode] = useState<Mode>('pickup');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const current = MODES[mode];
  const entry = current.entry ?? EIGHT_DIGITS;

  const verify = async (value: string) => {
    const digits = value.trim().toUpperCase();
    if (!entry.pattern.test(digits)) {
      setResult({ ok: false, text: entry.invalid });
      return;
    }
    if (entry.confirm && !(await Taro.showModal({ title: '身份证号释放', content: entry.confirm })).confirm) return;
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: true, text: await current.run(digits) });
      setCode('');
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await verify(scanned);
    } catch {
      // The camera was closed.
    }
  };

  return (
    <View className="page verify-page">
      <View className="status-tabs" style={{ display: 'flex', justifyContent: 'space-around', padding: '16rpx 0', background: '#fff' }}>
        {(Object.keys(MODES) as Mode[]).map((m) => (
          <Text
            key={m}
            className={`verify-mode verify-mode--${m} ${m === mode ? 'verify-mode--active' : ''}`}
            style={{ color: m === mode ? '#c8161d' : '#595959', fontWeight: m === mode ? 600 : 400 }}
            onClick={() => {
              setMode(m);
              setResult(null);
            }}
          >
            {MODES[m].tab}
          </Text>
        ))}
      </View>
      <View className="card">
        <View className="card__title">{current.title}</View>
        <Text className="muted">{current.hint}</Text>
        <Input
          className="verify-input"
          type={entry.length === 8 ? 'number' : 'idcard'}
          value={code}
          maxlength={entry.length}
          placeholder={entry.placeholder}
          onInput={(e) => setCode(e.detail.value)}
          style={{ margin: '24rpx 0', padding: '16rpx', border: '2rpx solid #e5e5e5', borderRadius: '12rpx', fontSize: '36rpx' }}
        />
        <Button className="verify-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void verify(code)}>
          {{ pickup: '核销', booking: '签到', vaccine: '核验', release: '释放' }[mode]}
        </Button>
        {process.env.TARO_ENV === 'weapp' && !current.entry ? (
          <Button block onClick={() => void scan()}>
            扫码
          </Button>
        ) : null}
        {result ? (
          <View className="verify-result" role={result.ok ? 'status' : 'alert'} style={{ marginTop: '24rpx', color: result.ok ? '#389e0d' : '#c8161d' }}>
            {result.text}
          </View>
        ) : null}
      </View>
    </View>
  );
}
