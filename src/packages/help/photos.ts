/** Reading a chosen photo as base64 for `requests.uploadPhoto`, made small enough first (the server takes ≤ 2 MB). */
import Taro from '@tarojs/taro';

export interface PhotoData {
  contentType: string;
  dataBase64: string;
}

const MAX_SIDE = 1600;
const MAX_BYTES = 2 * 1024 * 1024;

/** weapp: a temp file path from chooseImage (already compressed by `sizeType: ['compressed']`). */
export function readTempFile(path: string): PhotoData {
  const fs = Taro.getFileSystemManager();
  const dataBase64 = fs.readFileSync(path, 'base64') as string;
  const contentType = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
  return { contentType, dataBase64 };
}

const asDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('读取照片失败'));
    reader.readAsDataURL(file);
  });

const loadImage = (url: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('无法识别的图片'));
    img.src = url;
  });

/** H5: a File from the file input, scaled down to 1600 px on its long side as JPEG when it is large. */
export async function readFile(file: File): Promise<PhotoData> {
  if (!file.type.startsWith('image/')) throw new Error('请选择照片（JPG 或 PNG）');
  const original = await asDataUrl(file);
  let dataUrl = original;
  if (file.size > 400 * 1024) {
    const img = await loadImage(original);
    const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    dataUrl = canvas.toDataURL('image/jpeg', 0.82);
  }
  const [head, dataBase64 = ''] = dataUrl.split(',');
  const contentType = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/jpeg';
  if (dataBase64.length * 0.75 > MAX_BYTES) throw new Error('照片太大，请换一张（不超过 2 MB）');
  return { contentType, dataBase64 };
}
