import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { verifyPickup } from '../../../../services/points';
import { errorMessage } from '../../../../services/transport';

/** Station staff verify (核销) a redemption's pickup code: scanned on weapp, typed on H5. */
export default function VerifyPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const verify = async (value: string) => {
    const digits = value.trim();
    if (!/^\d{8}$/.test(digits)) {
      setResult({ ok: false, text: '取货码是 8 位数字' });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const res = await verifyPickup(digits);
      setResult({ ok: true, text: `核销成功：${res.goodsName} ×${res.qty}，请交付商品` });
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
      <View className="card">
        <View className="card__title">核销兑换订单</View>
        <Text className="muted">扫描或输入党员出示的 8 位取货码</Text>
        <Input
          className="verify-input"
          type="number"
          value={code}
          maxlength={8}
          placeholder="8 位取货码"
          onInput={(e) => setCode(e.detail.value)}
          style={{ margin: '24rpx 0', padding: '16rpx', border: '2rpx solid #e5e5e5', borderRadius: '12rpx', fontSize: '36rpx' }}
        />
        <Button className="verify-submit" type="primary" block loading={busy} disabled={busy} onClick={() => void verify(code)}>
          核销
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block onClick={() => void scan()}>
            扫码核销
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
