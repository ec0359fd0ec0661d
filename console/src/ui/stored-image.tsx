/**
 * Pictures are stored by file id and answered by address (domain/files/address.ts): a local file at `/files/<id>`,
 * a CloudBase one as its `cloud://` fileID, which a browser cannot fetch — the console asks `admin.fileUrls` for
 * its temporary HTTPS address, once per picture.
 */
import { useEffect, useState } from 'react';
import { call } from '../api';

// domain/files/address.ts's rule, written again: a client imports no runtime code of the domain but labels.
const LOCAL_FILE_ID = /^[0-9a-f]{32}\.(jpg|png|webp)$/;
const known = new Map<string, string>();

/** Remembers where a just-uploaded picture can be fetched (the upload answered it). */
export function rememberUrl(fileId: string, url: string): void {
  if (url) known.set(fileId, url);
}

/** Where the browser fetches a stored picture ('' while a cloud one's address is asked for, or for none). */
export function useShownUrl(stored: string | null | undefined): string {
  const value = stored ?? '';
  const direct = LOCAL_FILE_ID.test(value) ? `/files/${value}` : value.startsWith('cloud://') ? null : value;
  const [asked, setAsked] = useState(() => known.get(value) ?? '');
  useEffect(() => {
    if (direct !== null) return;
    const cached = known.get(value);
    if (cached) return setAsked(cached);
    let live = true;
    setAsked('');
    call('admin', 'fileUrls', { fileIds: [value] })
      .then(({ items }) => {
        const url = items[0]?.url ?? '';
        rememberUrl(value, url);
        if (live) setAsked(url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, direct]);
  return direct ?? asked;
}

/** An <img> of a stored picture; nothing until its address is known. */
export function StoredImage({ src, ...rest }: { src: string | null | undefined; className?: string; alt: string }) {
  const url = useShownUrl(src);
  return url ? <img src={url} {...rest} /> : <span className={`${rest.className ?? ''} thumb--empty`} />;
}
