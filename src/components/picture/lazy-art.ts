import { useEffect, useState } from 'react';

/**
 * The illustration of a place kind (a station kind, or 'vaccine') for a main-package list, loaded lazily
 * and on H5 only. The artwork (src/artwork) must stay out of the weapp main package (its 450 KB budget),
 * and a main-package page cannot reliably show a subpackage's files; so on weapp this answers null and the
 * card keeps its compact icon tile, while the subpackage pages (details, mall) show the full illustration.
 * The lazy import sits in a branch the weapp build drops (TARO_ENV is a build constant): no chunk there.
 */
export function usePlaceArt(kind: string): string | null {
  const [uri, setUri] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (process.env.TARO_ENV === 'h5') {
      void import('../../artwork').then((art) => {
        if (live) setUri(art.placeArt(kind));
      });
    }
    return () => {
      live = false;
    };
  }, [kind]);
  return uri;
}
