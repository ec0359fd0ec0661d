import { create } from 'qrcode';
import { qrSvg } from '.';

test('the SVG draws exactly the dark modules of the QR code for the value', () => {
  const svg = qrSvg('12345678');
  const { modules } = create('12345678', { errorCorrectionLevel: 'M' });
  let dark = 0;
  for (let y = 0; y < modules.size; y += 1) for (let x = 0; x < modules.size; x += 1) if (modules.get(y, x)) dark += 1;
  expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
  expect(svg).toContain(`viewBox="0 0 ${modules.size + 4} ${modules.size + 4}"`);
  expect(qrSvg('87654321')).not.toBe(svg);
});
