/**
 * A picture through the file-storage port (`admin.uploadImage`). A large photo is scaled down in the
 * browser first (longest side ≤ 800 px, JPEG, stepped quality): the mall shows it small, and the upload
 * stays well inside the function's 2 MB limit. The server checks type (by its bytes) and size again.
 */
import { useRef, useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Space } from 'tdesign-react/esm/space';
import { Tag } from 'tdesign-react/esm/tag';
import type { ActionInput } from '../../../cloudfunctions/contract';
import { call, messageOf } from '../api';
import { fileToBase64 } from './files';
import { rememberUrl, StoredImage } from './stored-image';

/** The picture types `admin.uploadImage` takes. */
type ImageType = ActionInput<'admin', 'uploadImage'>['contentType'];
const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'] satisfies ImageType[];
const isImageType = (type: string): type is ImageType => TYPES.includes(type);
const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
/** Pictures up to this size go as they are; larger ones are scaled down to fit it. */
const MAX_UPLOAD_BYTES = 400 * 1024;

async function shrink(file: File): Promise<Blob> {
  if (file.size <= MAX_UPLOAD_BYTES) return file;
  const bitmap = await createImageBitmap(file);
  for (const side of [800, 600, 400]) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.85, 0.7, 0.55, 0.4]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_UPLOAD_BYTES) return blob;
    }
  }
  throw new Error('图片过大，压缩后仍超过上传限制，请换一张图片');
}

/**
 * The pictures to save when a form edits only the first (the cover): the cover first, the others as they were;
 * undefined when nothing is chosen and there were none, so the save leaves the document's pictures alone.
 */
export function coverPictures(cover: string, before: readonly string[] | undefined): string[] | undefined {
  const rest = (before ?? []).slice(1).filter((p) => p !== cover);
  if (!cover) return before && before.length > 0 ? rest : undefined;
  return [cover, ...rest];
}

/** What the admin is told after a save that sent pictures to WeChat's content check. */
export const heldNote = (held: number | boolean): string => (held ? '，新照片审核通过后向群众显示' : '');

/** A row's name, marked while new pictures of it wait for their check (residents still see the old ones). */
export function NameWithWaiting({ name, waiting }: { name: string; waiting?: number | boolean }) {
  return (
    <Space size={4} className="name-with-waiting">
      <span className="name-with-waiting__name">{name}</span>
      {waiting ? (
        <Tag theme="warning" variant="light" size="small" title="新照片审核通过后向群众显示">
          照片审核中
        </Tag>
      ) : null}
    </Space>
  );
}

export function ImageUpload(props: {
  value?: string;
  onChange?: (url: string) => void;
  className?: string;
  /** What the preview shows, for a screen reader (default 商品图片). */
  alt?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    const type = file.type;
    if (!isImageType(type)) return setError('只能上传 JPG、PNG 或 WebP 图片');
    if (file.size > MAX_SOURCE_BYTES) return setError('图片不能超过 10 MB');
    setBusy(true);
    try {
      const blob = await shrink(file);
      const uploaded = await call('admin', 'uploadImage', {
        contentType: isImageType(blob.type) ? blob.type : type,
        dataBase64: await fileToBase64(blob),
      });
      // The form keeps the file id (stored ids last; a cloud address expires); the preview its address.
      rememberUrl(uploaded.fileId, uploaded.url);
      props.onChange?.(uploaded.fileId);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className={`image-upload ${props.className ?? ''}`}>
      <Space align="center">
        {props.value ? (
          <StoredImage className="image-upload__preview" src={props.value} alt={props.alt ?? '商品图片'} />
        ) : (
          <div className="image-upload__empty">暂无图片</div>
        )}
        <Button variant="outline" loading={busy} disabled={busy} onClick={() => input.current?.click()}>
          {props.value ? '更换图片' : '上传图片'}
        </Button>
        {props.value && !busy ? (
          <Button variant="text" onClick={() => props.onChange?.('')}>
            移除
          </Button>
        ) : null}
      </Space>
      <input
        ref={input}
        className="image-upload__input"
        type="file"
        accept={TYPES.join(',')}
        hidden
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {error ? (
        <div className="field-error image-upload__error">{error}</div>
      ) : (
        <div className="field-hint">JPG、PNG 或 WebP，自动压缩</div>
      )}
    </div>
  );
}
