import { z } from 'zod';
import { AppError } from '../core/errors';
import { action, type ActionContext } from '../core/router';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, sniffImage } from './image';
import { isStoredPicture } from './address';

/** Who may upload pictures: admins (goods, stations, sites are theirs to edit). */
export const UPLOADERS = ['admin'] as const;

/** The base64 of the largest picture, and a little slack for padding. */
export const MAX_IMAGE_BASE64 = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const TOO_BIG = `图片不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
const TYPE_NAMES = 'JPG、PNG 或 WebP';

/** The input of every picture upload (admin.uploadImage, requests.uploadPhoto). */
export const imageInput = z.strictObject({
  contentType: z.enum(IMAGE_TYPES, { error: `图片格式只能是 ${TYPE_NAMES}` }),
  dataBase64: z
    .string()
    .min(1, '请选择图片')
    .max(MAX_IMAGE_BASE64 + 100, TOO_BIG),
});

/** Decodes and checks an uploaded picture by its real bytes (type) and size; answers it with the host's store. */
export function decodeImage(
  { contentType, dataBase64 }: z.output<typeof imageInput>,
  ctx: Pick<ActionContext, 'services'>,
) {
  const text = dataBase64.replace(/^data:[^,]{1,80},/, '');
  if (!BASE64.test(text) || text.length % 4 !== 0) throw new AppError('INVALID_ARGUMENT', '图片数据不是合法的 base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw new AppError('INVALID_ARGUMENT', '图片是空的');
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('INVALID_ARGUMENT', TOO_BIG);
  const actual = sniffImage(bytes);
  if (!actual) throw new AppError('INVALID_ARGUMENT', `文件不是图片，请上传 ${TYPE_NAMES}`);
  if (actual !== contentType)
    throw new AppError('INVALID_ARGUMENT', `图片格式与声明不符（实际是 ${actual.slice(6).toUpperCase()}）`);
  const store = ctx.services?.files;
  if (!store) throw new AppError('INTERNAL', '此环境未配置文件存储');
  return { bytes, actual, store };
}

/** Upload one picture: checked by its real bytes (type) and size, then kept by the host's file store. */
export const uploadImage = action({
  input: imageInput,
  access: UPLOADERS,
  async run({ contentType, dataBase64 }, ctx) {
    const { bytes, actual, store } = decodeImage({ contentType, dataBase64 }, ctx);
    const fileId = await store.put(bytes, actual);
    ctx.audit?.({ targetId: fileId, before: null, after: { fileId, contentType: actual, bytes: bytes.length } });
    return { fileId, url: await store.url(fileId) };
  },
});

/**
 * Where a browser can fetch stored pictures: the same `/files/<id>` locally; in the cloud a temporary HTTPS
 * URL for each `cloud://` fileID (the console is a browser; a mini-program <Image> takes the fileID as is).
 */
export const fileUrls = action({
  input: z.strictObject({ fileIds: z.array(z.string().trim().min(1).max(300)).min(1).max(50) }),
  access: 'signedIn',
  async run({ fileIds }, ctx) {
    const store = ctx.services?.files;
    if (!store) throw new AppError('INTERNAL', '此环境未配置文件存储');
    const items = [];
    for (const fileId of fileIds) items.push({ fileId, url: await store.url(fileId) });
    return { items };
  },
});

/** A picture a form saves (domain/files/address.ts), refused in plain Chinese when it is not a stored one. */
export const pictureRef = z
  .string()
  .trim()
  .min(1, '请上传图片')
  .max(300)
  .refine(isStoredPicture, '图片无效，请重新上传');
