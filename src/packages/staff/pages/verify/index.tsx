import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ElderPage, useElderMode } from '../../../../components/elder-mode';
import FormField from '../../../../components/form-field';
import { useIntention } from '../../../../components/intention';
import '../../staff.scss';
import { verifyPickup } from '../../../../services/points';
import { verifyBooking } from '../../../../services/stations';
import { releaseIdNumber, verifyAppointment } from '../../../../services/vaccine';
import { errorMessage, ServiceError } from '../../../../services/transport';

type Mode = 'pickup' | 'booking' | 'vaccine' | 'release';
interface ModeSpec {
  tab: string;
  title: string;
  hint: string;
  run: (code: string) => Promise<string>;
  /** What a valid entry looks like, and the message when it does not; 8-digit codes unless said. */
  entry?: { pattern: RegExp; length: number; placeholder: string; invalid: string };
}
const EIGHT_DIGITS = { pattern: /^\d{8}$/, length: 8, placeholder: '8 位数字', invalid: '请输入 8 位数字' };
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
    entry: { pattern: /^\d{17}[\dX]$/, length: 18, placeholder: '18 位身份证号', invalid: '身份证号应为 18 位' },
  },
};

const ACTION_WORD: Record<Mode, string> = { pickup: '核销', booking: '签到', vaccine: '核验', release: '释放' };
/** What the confirmation says will happen for a code, before anything is written. */
const CONSEQUENCE: Record<Mode, (code: string) => string> = {
  pickup: (code) => `核销取货码 ${code}：订单记为已取货，请随后交付商品。核销后不能撤销`,
  booking: (code) => `为预约码 ${code} 签到：记为已到场。签到后不能撤销`,
  vaccine: (code) => `核验接种预约码 ${code}：记为已接种本剂次。核验后不能撤销`,
  release: (id) =>
    `释放身份证号 ${id.slice(0, 6)}********${id.slice(14)}：所有账号对该号码的添加与未来预约都会取消，已接种记录保留。请确认已当面核对身份证原件`,
};

/** Station staff verify (核销) a pickup code or check a booking in: scanned on weapp, typed on H5. */
export default function VerifyPage() {
  const [elder] = useElderMode();
  const [mode, setMode] = useState<Mode>('pickup');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const current = MODES[mode];
  const entry = current.entry ?? EIGHT_DIGITS;
  const intent = useIntention({ mode, code });

  const verify = (value: string) => {
    const digits = value.trim().toUpperCase();
    setResult(null);
    if (!entry.pattern.test(digits)) {
      setError(digits ? entry.invalid : `请输入${entry.placeholder}`);
      return;
    }
    setError(null);
    void intent.run(() => current.run(digits), {
      key: { mode, digits },
      confirm: {
        title: `确认${ACTION_WORD[mode]}`,
        content: CONSEQUENCE[mode](digits),
        confirmText: ACTION_WORD[mode],
      },
      onSuccess: (text) => {
        setResult({ ok: true, text });
        setCode('');
      },
      onError: (e) => {
        // A refusal about the code itself belongs beside the code; anything else under the button.
        if (e instanceof ServiceError && (e.field === 'code' || e.field === 'idNumber')) setError(errorMessage(e));
        else setResult({ ok: false, text: errorMessage(e) });
      },
    });
  };

  const scan = async () => {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      verify(scanned);
    } catch {
      // The camera was closed.
    }
  };

  return (
    <ElderPage elder={elder} className="verify-page">
      <View className="verify-tabs" role="tablist">
        {(Object.keys(MODES) as Mode[]).map((m) => (
          <View
            key={m}
            role="tab"
            aria-selected={m === mode}
            className={`verify-mode verify-mode--${m} ${m === mode ? 'verify-mode--active' : ''}`}
            onClick={() => {
              setMode(m);
              setResult(null);
              setError(null);
            }}
          >
            {MODES[m].tab}
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card__title">{current.title}</View>
        <Text className="muted verify-hint">{current.hint}</Text>
        <FormField
          label={entry.length === 8 ? `${ACTION_WORD[mode]}码` : '身份证号'}
          name="code"
          className="verify-input"
          type={entry.length === 8 ? 'number' : 'idcard'}
          value={code}
          maxlength={entry.length}
          placeholder={entry.placeholder}
          onChange={setCode}
          error={error}
        />
        <View className="form-actions">
          <Button
            className="verify-submit"
            type="primary"
            block
            loading={intent.busy}
            disabled={intent.busy}
            onClick={() => verify(code)}
          >
            {ACTION_WORD[mode]}
          </Button>
          {process.env.TARO_ENV === 'weapp' && !current.entry ? (
            <Button className="verify-scan" block disabled={intent.busy} onClick={() => void scan()}>
              扫码
            </Button>
          ) : null}
        </View>
        {result ? (
          <View
            className={`verify-result ${result.ok ? 'verify-result--ok' : 'verify-result--error'}`}
            role={result.ok ? 'status' : 'alert'}
          >
            {result.text}
          </View>
        ) : null}
      </View>
    </ElderPage>
  );
}
