/** Pieces the help pages share: status tags, request cards, the timeline, photos, stars, tabs and the community picker. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Field } from '../../components/form-field';
import { a11y } from '../../components/layout/a11y';
import Picture from '../../components/picture';
import StateView from '../../components/state-view';
import {
  listCommunities,
  uploadPhoto,
  type Community,
  type RequestCard,
  type RequestStatus,
  type TimelineStep,
} from '../../services/requests';
import { errorMessage } from '../../services/transport';
import { formatTime } from '../../utils/time';
import FileInput from './file-input';
import { readFile, readTempFile, type PhotoData } from './photos';
import { routeUrl } from '../../routes';
import './help.scss';

export const DETAIL = (id: string) => routeUrl('helpDetail', { id });
export const go = (url: string) => void Taro.navigateTo({ url });

export function StatusTag({
  status,
  label,
  overdue,
}: {
  status: RequestStatus | string;
  label: string;
  overdue?: boolean;
}) {
  return (
    <View className="help-card__tags">
      <Text className={`help-status help-status--${status}`}>{label}</Text>
      {overdue ? <Text className="help-status help-status--overdue">已超时</Text> : null}
    </View>
  );
}

const KIND_PICTURE = {
  wish: { icon: 'heart', tint: '#c8161d', label: '微心愿' },
  issue: { icon: 'home', tint: '#0958d9', label: '诉求' },
} as const;

/** A request in a list: its first photo (or a placeholder by kind), title, kind · category, branch and time, status. */
export function RequestCardView({
  card,
  extra,
  children,
  onOpen,
  resident = false,
}: {
  card: RequestCard;
  /** The resident's own list: no places or claim counts (those are for the branch and the claimants). */
  resident?: boolean;
  extra?: ReactNode;
  children?: ReactNode;
  onOpen?: () => void;
}) {
  const open = onOpen ?? (() => go(DETAIL(card.id)));
  return (
    <View className={`help-card help-card--${card.status}`}>
      <View className="help-card__pic">
        <Picture src={card.photos[0]} placeholder={KIND_PICTURE[card.kind]} alt={card.title} size="s" />
      </View>
      <View className="help-card__main">
        <View
          className="help-card__open"
          {...a11y({ role: 'link', label: `${card.kindLabel}：${card.title}，${card.statusLabel}，查看详情` })}
          onClick={open}
        >
          <View className="help-card__title">{card.title}</View>
          <View className="help-card__meta">{`${card.kindLabel} · ${card.category} · ${card.unitName}`}</View>
          {card.postName ? (
            <View className="help-card__meta help-card__post">{`找他办事：${card.postName}`}</View>
          ) : null}
          <View className="help-card__meta">{`${formatTime(card.createdAt)}${!resident && (card.status === 'open' || card.places > 1) ? ` · 已认领 ${card.taken}/${card.places}` : ''}`}</View>
          <View className="help-card__foot">
            <StatusTag status={card.status} label={card.statusLabel} overdue={card.overdue} />
            {extra}
          </View>
        </View>
        {children ? <View className="help-card__actions">{children}</View> : null}
      </View>
    </View>
  );
}

export function Timeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return <View className="muted">暂无进展</View>;
  const newestFirst = [...steps].sort((a, b) => b.at - a.at);
  return (
    <View className="help-timeline">
      {newestFirst.map((s, i) => (
        <View key={`${s.at}-${i}`} className={`help-timeline__step help-timeline__step--${s.status}`}>
          <View className="help-timeline__dot" />
          <View className="help-timeline__head">{s.statusLabel}</View>
          {s.text ? <View className="help-timeline__text">{s.text}</View> : null}
          {s.photos?.length ? <Gallery urls={s.photos} /> : null}
          {s.pendingPhotos?.length ? <Gallery urls={s.pendingPhotos} pending /> : null}
          <View className="help-timeline__when">{`${formatTime(s.at)}${s.by ? ` · ${s.by}` : ''}`}</View>
        </View>
      ))}
    </View>
  );
}

/**
 * What a confirmation names about a request: what, who asked, where and when —
 * 「「楼道灯坏了」（李秀兰，三单元门口，12-06 10:00 提交）」. The contact only where the viewer may see it (the detail).
 */
export function requestFacts(r: {
  title: string;
  unitName: string;
  createdAt: number;
  place?: { name: string } | null;
  contact?: { name: string };
}): string {
  const facts = [
    r.contact?.name ? `居民${r.contact.name}` : '',
    r.place?.name || r.unitName,
    `${formatTime(r.createdAt)} 提交`,
  ];
  return `「${r.title}」（${facts.filter(Boolean).join('，')}）`;
}

/** The tabs' container (not among a11y()'s roles): a tab must sit in a tablist. */
const TABLIST: Record<string, string> = process.env.TARO_ENV === 'h5' ? { role: 'tablist' } : { ariaRole: 'tablist' };

/** Status tabs over a list (a horizontal strip that scrolls at 375 px). */
export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  name,
}: {
  tabs: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  name: string;
}) {
  return (
    <View className={`help-tabs help-tabs--${name}`} {...TABLIST}>
      {tabs.map((t) => (
        <Text
          key={t.value}
          className={`help-tab help-tab--${t.value || 'all'} ${t.value === value ? 'help-tab--active' : ''}`}
          {...a11y({ role: 'tab', selected: t.value === value, label: t.label })}
          onClick={() => onChange(t.value)}
        >
          {t.label}
        </Text>
      ))}
    </View>
  );
}

export function TextAreaField({
  label,
  name,
  value,
  onChange,
  placeholder,
  maxlength,
  error,
  hint,
  required,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  maxlength: number;
  error?: string | null;
  hint?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint} required={required}>
      <View style={{ width: '100%' }}>
        <Textarea
          className="help-textarea"
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
          nativeProps={{ 'aria-label': label }}
        />
        <Text className="help-count">{`${value.length}/${maxlength}`}</Text>
      </View>
    </Field>
  );
}

export function CheckRow({
  checked,
  onChange,
  label,
  name,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  name: string;
}) {
  return (
    <View
      className={`help-check help-check--${name} ${checked ? 'help-check--on' : ''}`}
      {...a11y({ role: 'switch', checked, label })}
      onClick={() => onChange(!checked)}
    >
      <View className="help-check__box">{checked ? '✓' : ''}</View>
      <Text>{label}</Text>
    </View>
  );
}

export function Stars({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const words = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
  return (
    <View className="help-stars">
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          className={`help-stars__star help-stars__star--${n} ${n <= value ? 'help-stars__star--on' : ''}`}
          {...a11y({ role: 'button', pressed: n <= value, label: `${n} 星` })}
          onClick={() => onChange(n)}
        >
          {n <= value ? '★' : '☆'}
        </Text>
      ))}
      <Text className="help-stars__label">{value ? words[value] : '请打分'}</Text>
    </View>
  );
}

export interface Photo {
  fileId: string;
  url: string;
  /** Waiting for its content check: only its uploader sees it until it passes. */
  pending?: boolean;
}

/** Beside a photo waiting for its content check, and what that means. */
const PENDING = '审核中';
const PENDING_NOTE = '审核中的照片只有你能看到，审核通过后其他人才能看到';

/** Up to `max` photos: chosen on the phone (camera or album), uploaded at once, shown with a 删除 on each. */
export function PhotoField({
  label,
  name,
  value,
  onChange,
  max = 6,
  error,
  hint,
  required,
}: {
  label: string;
  name: string;
  value: Photo[];
  onChange: (photos: Photo[]) => void;
  max?: number;
  error?: string | null;
  hint?: string;
  required?: boolean;
}) {
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const room = max - value.length;

  const upload = async (items: (() => PhotoData | Promise<PhotoData>)[]) => {
    setProblem(null);
    setUploading(items.length);
    const added: Photo[] = [];
    for (const read of items.slice(0, room)) {
      try {
        const data = await read();
        added.push(await uploadPhoto(data.contentType, data.dataBase64));
      } catch (e) {
        setProblem(e instanceof Error && !('code' in e) ? e.message : errorMessage(e));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    setUploading(0);
    if (added.length) onChange([...value, ...added]);
  };

  const choose = async () => {
    if (room <= 0 || uploading) return;
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      await upload(res.tempFilePaths.map((p) => () => readTempFile(p)));
    } catch {
      // The person closed the chooser.
    }
  };

  return (
    <Field
      label={label}
      name={name}
      error={error ?? problem}
      hint={
        value.some((p) => p.pending)
          ? `${hint ?? `最多 ${max} 张，已选 ${value.length} 张`}。${PENDING_NOTE}`
          : (hint ?? `最多 ${max} 张，已选 ${value.length} 张`)
      }
      required={required}
    >
      <View className="help-photos">
        {value.map((p, i) => (
          <View key={p.fileId} className="help-photos__item">
            <Image
              className="help-photos__img"
              src={p.url}
              mode="aspectFill"
              nativeProps={{ alt: `第 ${i + 1} 张照片${p.pending ? `（${PENDING}）` : ''}` }}
            />
            {p.pending ? <Text className="help-photos__pending">{PENDING}</Text> : null}
            <Text
              className="help-photos__remove"
              {...a11y({ role: 'button', label: `删除第 ${i + 1} 张照片` })}
              onClick={() => onChange(value.filter((x) => x.fileId !== p.fileId))}
            >
              删除
            </Text>
          </View>
        ))}
        {room > 0 ? (
          process.env.TARO_ENV === 'h5' ? (
            <View className={`help-photos__add help-photos__add--${name}`}>
              <Text className="help-photos__plus">＋</Text>
              <Text>{uploading ? '上传中…' : '添加照片'}</Text>
              <FileInput
                label={`${label}：添加照片`}
                disabled={uploading > 0}
                onFiles={(files) => void upload(files.map((f) => () => readFile(f)))}
              />
            </View>
          ) : (
            <View
              className={`help-photos__add help-photos__add--${name}`}
              {...a11y({ role: 'button', label: `${label}：添加照片` })}
              onClick={() => void choose()}
            >
              <Text className="help-photos__plus">＋</Text>
              <Text>{uploading ? '上传中…' : '添加照片'}</Text>
            </View>
          )
        ) : null}
      </View>
    </Field>
  );
}

/**
 * Photos to look at: tap one to see it full screen. `pending`: the viewer's own photos still waiting for their content
 * check, each marked 审核中, with a line saying only they see them.
 */
export function Gallery({ urls, pending = false }: { urls: string[]; pending?: boolean }) {
  if (urls.length === 0) return null;
  return (
    <View className={`help-gallery${pending ? ' help-gallery--pending' : ''}`}>
      {urls.map((u, i) => (
        <View key={u} className="help-gallery__item">
          <Image
            className="help-gallery__img"
            src={u}
            mode="aspectFill"
            nativeProps={{ alt: `照片 ${i + 1}${pending ? `（${PENDING}）` : ''}` }}
            onClick={() => void Taro.previewImage({ urls, current: u })}
          />
          {pending ? <Text className="help-gallery__pending">{PENDING}</Text> : null}
        </View>
      ))}
      {pending ? <View className="muted help-gallery__note">{PENDING_NOTE}</View> : null}
    </View>
  );
}

/** The community's party branch: first the county, then the branch (only branches with a secretary are listed). */
export function CommunityPicker({
  value,
  onChange,
  error,
  hintFor = (c) => `将交给「${c.name}」书记受理`,
}: {
  value: Community | null;
  onChange: (c: Community) => void;
  error?: string | null;
  hintFor?: (c: Community) => string;
}) {
  const [all, setAll] = useState<Community[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [county, setCounty] = useState<string | null>(value?.county ?? null);
  const load = () => {
    setLoadError(null);
    listCommunities().then(
      (r) => setAll(r.items),
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  };
  useEffect(load, []);
  const counties = useMemo(() => [...new Set((all ?? []).map((c) => c.county))], [all]);
  useEffect(() => {
    if (!county && counties.length === 1) setCounty(counties[0]!);
  }, [counties, county]);
  return (
    <Field
      label="所在社区的党支部"
      name="unitId"
      error={error}
      hint={value ? hintFor(value) : '先选县区，再选社区党支部'}
      required
    >
      <View className="help-community">
        {loadError ? (
          <StateView kind="error" message={loadError} onAction={load} />
        ) : all === null ? (
          <StateView kind="loading" />
        ) : null}
        <View className="help-chips help-community__counties">
          {counties.map((c) => (
            <Text
              key={c}
              className={`help-chip help-chip--county ${c === county ? 'help-chip--on' : ''}`}
              {...a11y({ role: 'button', pressed: c === county, label: c })}
              onClick={() => setCounty(c)}
            >
              {c}
            </Text>
          ))}
        </View>
        {county ? (
          <View className="help-community__list">
            {(all ?? [])
              .filter((c) => c.county === county)
              .map((c) => (
                <View
                  key={c.unitId}
                  className={`help-community__row help-community__row--${c.unitId} ${value?.unitId === c.unitId ? 'help-community__row--on' : ''}`}
                  {...a11y({ role: 'button', pressed: value?.unitId === c.unitId, label: c.name })}
                  onClick={() => onChange(c)}
                >
                  <Text>{c.name}</Text>
                  <Text>{value?.unitId === c.unitId ? '✓ 已选' : '选择 ›'}</Text>
                </View>
              ))}
          </View>
        ) : null}
      </View>
    </Field>
  );
}

/** A row of label and value on a detail page. */
export function InfoRow({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <View className={`help-row ${className}`}>
      <Text className="help-row__label">{label}</Text>
      <Text className="help-row__value">{value}</Text>
    </View>
  );
}
