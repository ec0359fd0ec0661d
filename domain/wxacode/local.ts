import QRCode from 'qrcode';
import type { MiniCode, MiniCodeRequest, MiniCodes } from './port';

/**
 * The local stand-in for WeChat's mini-program code: a plain QR holding the page's H5 address with the scene
 * (`http://host/#/packages/map/pages/landmark/index?scene=RXJQ2021`), or `scene=<code>` alone where the host gave no
 * address. The app's scan reads the scene from either (src/packages/map/scene.ts).
 */
export class LocalMiniCodes implements MiniCodes {
  /** `base`: where the H5 app's pages start, e.g. `http://127.0.0.1:8080/#/` (the host's qrBase); '' for none. */
  constructor(private readonly base = '') {}

  async create({ scene, page, width = 430 }: MiniCodeRequest): Promise<MiniCode> {
    const query = `scene=${encodeURIComponent(scene)}`;
    const text = this.base ? `${this.base}${page.replace(/^\//, '')}?${query}` : query;
    const image = await QRCode.toDataURL(text, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: Math.min(1280, Math.max(280, Math.round(width))),
    });
    return { image, kind: 'qr', text };
  }
}
