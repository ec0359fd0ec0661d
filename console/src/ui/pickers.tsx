/** Pickers over the server's lists: units of the organisation tree, members by name, stations, sites. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, type SelectProps } from 'tdesign-react/esm/select';
import { inTreeOrder } from './tree';

export { inTreeOrder };
import { call, messageOf, UNIT_KINDS, type Page, type Site, type Station, type Unit, type UnitKind } from '../api';

let treeCache: Promise<Unit[]> | null = null;
/** The organisation tree, fetched once per page load (pages that change it call `forgetUnits`). */
export function loadUnits(): Promise<Unit[]> {
  treeCache ??= call('org', 'tree').then((r) => r.units ?? []);
  treeCache.catch(() => (treeCache = null));
  return treeCache;
}
export function forgetUnits(): void {
  treeCache = null;
}

export function useUnits(): { units: Unit[]; error: string | null } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadUnits().then(
      (u) => live && setUnits(u),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { units, error };
}

export function UnitSelect(props: {
  value?: string;
  onChange?: (value: string) => void;
  kinds?: UnitKind[];
  placeholder?: string;
  clearable?: boolean;
  className?: string;
  disabled?: boolean;
}) {
  const { units, error } = useUnits();
  const options = useMemo(
    () =>
      inTreeOrder(units)
        .filter((u) => !props.kinds || props.kinds.includes(u.kind))
        .map((u) => ({
          value: u.unitId,
          label: `${'　'.repeat(props.kinds ? 0 : u.depth)}${u.name}（${UNIT_KINDS[u.kind] ?? u.kind}）`,
        })),
    [units, props.kinds],
  );
  return (
    <Select
      className={props.className}
      value={props.value}
      onChange={(v) => props.onChange?.(String(v ?? ''))}
      options={options}
      filterable
      clearable={props.clearable}
      disabled={props.disabled}
      placeholder={error ? `组织架构加载失败：${error}` : (props.placeholder ?? '选择组织')}
      status={error ? 'error' : 'default'}
    />
  );
}

/** Finds a member by name or nickname (`org.searchMembers`); the value is the openid. */
export function MemberPicker(props: { value?: string; onChange?: (value: string) => void; className?: string }) {
  const [options, setOptions] = useState<SelectProps['options']>([]);
  const [loading, setLoading] = useState(false);
  const [hint, setHint] = useState('输入姓名或昵称搜索');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const search = (keyword: string) => {
    clearTimeout(timer.current);
    if (!keyword.trim()) return;
    timer.current = setTimeout(() => {
      setLoading(true);
      call('org', 'searchMembers', { keyword: keyword.trim() })
        .then((r) => {
          setOptions(
            r.items.map((m) => ({
              value: m.openid,
              label: `${m.realName || m.nickname}${m.branchName ? `（${m.branchName}）` : ''}`,
            })),
          );
          setHint(r.items.length ? '' : '没有找到该成员');
        })
        .catch((e: unknown) => setHint(messageOf(e)))
        .finally(() => setLoading(false));
    }, 250);
  };
  return (
    <Select
      className={props.className}
      value={props.value}
      onChange={(v) => props.onChange?.(String(v ?? ''))}
      options={options}
      filterable
      onSearch={search}
      loading={loading}
      empty={hint || '没有找到该成员'}
      placeholder="输入姓名或昵称搜索"
    />
  );
}

async function allPages<T>(load: (cursor?: string) => Promise<Page<T>>, max = 10): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i += 1) {
    const page = await load(cursor);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

export const loadStations = () => allPages<Station>((cursor) => call('stations', 'list', { cursor, limit: 50 }));
export const loadSites = () => allPages<Site>((cursor) => call('vaccine', 'sites', { cursor, limit: 50 }));

function useOptions<T, O extends { value: string; label: string }>(load: () => Promise<T[]>, toOption: (t: T) => O) {
  const [options, setOptions] = useState<O[]>([]);
  const [error, setError] = useState<string | null>(null);
  const toRef = useRef(toOption);
  useEffect(() => {
    let live = true;
    load().then(
      (items) => live && setOptions(items.map(toRef.current)),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return { options, error };
}

export function StationSelect(props: {
  value?: string | string[];
  onChange?: (value: never) => void;
  multiple?: boolean;
  className?: string;
  placeholder?: string;
  /** Only this county's stations (a county admin's choices). */
  county?: string | null;
}) {
  const all = useOptions(loadStations, (s: Station) => ({
    value: s.stationId,
    label: `${s.name}（${s.county}）`,
    county: s.county,
  }));
  const error = all.error;
  const options = useMemo(
    () =>
      all.options
        .filter((o) => !props.county || o.county === props.county)
        .map(({ value, label }) => ({ value, label })),
    [all.options, props.county],
  );
  return (
    <Select
      className={props.className}
      value={props.value}
      onChange={(v) => props.onChange?.(v as never)}
      options={options}
      multiple={props.multiple}
      filterable
      clearable
      placeholder={error ?? props.placeholder ?? '选择驿站'}
      status={error ? 'error' : 'default'}
      minCollapsedNum={3}
    />
  );
}

export function SiteSelect(props: {
  value?: string | string[];
  onChange?: (value: never) => void;
  multiple?: boolean;
  className?: string;
  placeholder?: string;
}) {
  const { options, error } = useOptions(loadSites, (s: Site) => ({ value: s.siteId, label: `${s.name}（${s.town}）` }));
  return (
    <Select
      className={props.className}
      value={props.value}
      onChange={(v) => props.onChange?.(v as never)}
      options={options}
      multiple={props.multiple}
      filterable
      clearable
      placeholder={error ?? props.placeholder ?? '选择接种点'}
      status={error ? 'error' : 'default'}
      minCollapsedNum={3}
    />
  );
}
