/** A QR code image drawn in the browser (the `qrcode` package), and a print-only area for it. */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({ text, size = 200, className }: { text: string; size?: number; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? (
    <img className={className} src={src} width={size} height={size} alt="二维码" />
  ) : (
    <div className={className} style={{ width: size, height: size }} />
  );
}
