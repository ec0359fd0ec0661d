import { useMemo } from 'react';
import { Image, View, Text } from '@tarojs/components';
import { create } from 'qrcode';

/** An SVG of the code's QR, built in JS (no canvas), so it renders the same on weapp and H5. */
export function qrSvg(text: string): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const margin = 2;
  let path = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) if (modules.get(y, x)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
  }
  const box = size + margin * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** The pickup code as a QR for staff to scan, with the digits under it for typing. */
export default function QrCode({ value, caption }: { value: string; caption?: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(value))}`, [value]);
  return (
    <View className="qr-code" style={{ textAlign: 'center' }}>
      <Image
        src={src}
        style={{ width: '360rpx', height: '360rpx' }}
        className="qr-code__image"
        nativeProps={{ alt: `二维码：${value}` }}
      />
      <View>
        <Text className="qr-code__value" style={{ fontSize: '40rpx', letterSpacing: '8rpx', fontWeight: 600 }}>
          {value}
        </Text>
      </View>
      {caption ? <Text className="muted">{caption}</Text> : null}
    </View>
  );
}
