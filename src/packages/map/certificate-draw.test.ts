import { drawCertificate, layout, wrap, WIDTH, type CertificateText, type Pen } from './certificate-draw';

/** A pen that measures as a font would: a Chinese character 1 em, anything else 0.55 em; it records what it wrote. */
function fakePen() {
  const written: { text: string; x: number; y: number; font: string }[] = [];
  const pen = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '400 20px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    measureText(text: string) {
      const px = Number(/(\d+)px/.exec(this.font)?.[1] ?? 20);
      let width = 0;
      for (const c of text) width += /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(c) ? px : px * 0.55;
      return { width };
    },
    fillText(text: string, x: number, y: number) {
      written.push({ text, x, y, font: this.font });
    },
    fillRect() {},
    strokeRect() {},
    beginPath() {},
    arc() {},
    moveTo() {},
    lineTo() {},
    closePath() {},
    fill() {},
    stroke() {},
  };
  return { pen: pen as unknown as Pen & { font: string }, written };
}

const text = (stops: number, route = '行走的党课：三基地三展馆一街区'): CertificateText => ({
  heading: '红色路线证书',
  nickname: '党员王建国',
  walked: `走完了以下路线的全部 ${stops} 站`,
  route,
  datesLabel: '起止日期',
  dates: '2026年12月6日 – 2026年12月7日',
  stopsLabel: '沿线打卡',
  stops: Array.from({ length: stops }, (_, i) => ({ name: `红色党课第${i + 1}基地`, date: '2026年12月6日' })),
  footer: '先锋驿站 · 党建地图',
});

test('wrap keeps English words whole and every line within the width; Chinese breaks between characters', () => {
  const { pen } = fakePen();
  pen.font = '400 20px sans-serif';
  const english = wrap(pen, 'Walking Party Class: three bases, three halls, one block', 200);
  expect(english.join(' ')).toBe('Walking Party Class: three bases, three halls, one block');
  for (const line of english) expect(pen.measureText(line).width).toBeLessThanOrEqual(200);
  const chinese = wrap(pen, '行走的党课：三基地三展馆一街区', 100);
  expect(chinese.join('')).toBe('行走的党课：三基地三展馆一街区');
  expect(chinese.every((l) => l.length <= 5)).toBe(true);
  // A word wider than the line is cut rather than left to cross the edge.
  for (const line of wrap(pen, 'Supercalifragilisticexpialidocious', 100))
    expect(pen.measureText(line).width).toBeLessThanOrEqual(100);
});

test('the certificate holds the person, the route, the dates and every stop, each line inside the card', () => {
  const { pen, written } = fakePen();
  const t = text(7);
  const { height } = layout(pen, t);
  drawCertificate(pen, t, height);
  const all = written.map((w) => w.text).join('\n');
  for (const part of [t.heading, t.nickname, t.walked, t.route, t.footer, '2026年12月6日 – 2026年12月7日'])
    expect(all).toContain(part);
  for (const [i, s] of t.stops.entries()) expect(all).toContain(`${i + 1}. ${s.name}  ·  ${s.date}`);
  for (const w of written) {
    pen.font = w.font;
    expect(pen.measureText(w.text).width).toBeLessThanOrEqual(WIDTH - 160);
    expect(w.y).toBeLessThan(height);
  }
});

test('a longer route makes a taller picture', () => {
  const { pen } = fakePen();
  expect(layout(pen, text(30)).height).toBeGreaterThan(layout(pen, text(7)).height + 23 * 30);
});
