/**
 * Provenance, for admins only: where a seeded station, site or service comes from (the article's headline and the
 * quote, 「出处」) and a 「示例」 mark for what is illustrative. The mini-program shows residents neither.
 */
import { useEffect, useRef, useState } from 'react';
import { Tag } from 'tdesign-react/esm/tag';
import { Tooltip } from 'tdesign-react/esm/tooltip';
import { ARTICLE_TITLES } from '../../../domain/stations/labels';

export interface Provenance {
  source: { article: string; quote: string; title?: string } | null;
  illustrative: boolean;
  /** What of a sourced record is illustrative (「地址、坐标、开放时间和电话为示例」). */
  note?: string;
}

const titleOf = (source: NonNullable<Provenance['source']>) =>
  source.title ?? ARTICLE_TITLES[source.article] ?? '报道原文';

export function IllustrativeTag() {
  return (
    <Tag theme="warning" variant="light" size="small" className="provenance__illustrative">
      示例
    </Tag>
  );
}

/** One cell: 「示例」 and/or the article's headline (the quote on hover); an admin's own record says 后台录入. */
export function ProvenanceCell({ provenance }: { provenance: Provenance | undefined }) {
  if (!provenance) return <span className="hint provenance--loading">读取中</span>;
  const { source, illustrative, note } = provenance;
  return (
    <span className="provenance">
      {illustrative || note ? <IllustrativeTag /> : null}
      {source ? (
        <Tooltip content={`「${source.quote}」${note ? `（${note}）` : ''}`} placement="top-left">
          <span className="provenance__source">《{titleOf(source)}》</span>
        </Tooltip>
      ) : illustrative ? (
        <span className="hint">无出处</span>
      ) : (
        <span className="hint">后台录入</span>
      )}
    </span>
  );
}

/** The block a drawer opens with: 出处 with its quote, and what is illustrative. */
export function ProvenanceBlock({ provenance }: { provenance: Provenance }) {
  const { source, illustrative, note } = provenance;
  if (!source && !illustrative && !note) return null;
  return (
    <div className="provenance-block">
      {source ? (
        <div>
          <span className="provenance-block__label">出处</span>《{titleOf(source)}》：「{source.quote}」
        </div>
      ) : null}
      {illustrative || note ? (
        <div>
          <IllustrativeTag />
          <span className="provenance-block__note">
            {note || '这条记录是演示用的示例，不出自报道原文'}（小程序不向居民显示示例标记和出处）
          </span>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Details of the rows a page shows, fetched once per id (in parallel), for columns the list answer does not carry.
 * A failed read leaves the row without (its cell shows …).
 */
export function useRowDetails<D>(ids: readonly string[], fetch: (id: string) => Promise<D>): Map<string, D> {
  const [found, setFound] = useState<Map<string, D>>(new Map());
  const asked = useRef(new Set<string>());
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const key = ids.join('|');
  useEffect(() => {
    // No cancelling on a change of rows: an answer still belongs to its id, and the ids asked are not asked again.
    const missing = key ? key.split('|').filter((id) => !asked.current.has(id)) : [];
    for (const id of missing) asked.current.add(id);
    void Promise.all(
      missing.map((id) =>
        fetchRef.current(id).then(
          (d) => [id, d] as const,
          () => {
            asked.current.delete(id);
            return null;
          },
        ),
      ),
    ).then((pairs) => {
      const got = pairs.filter((p): p is readonly [string, D] => p !== null);
      if (got.length > 0) setFound((m) => new Map([...m, ...got]));
    });
  }, [key]);
  return found;
}
