/**
 * 党建地图: red landmarks, routes through them, 先锋岗/责任区 and 诚信经营户 — paged lists in the caller's scope
 * (a county admin their county, a secretary their branch's posts and shops), forms to add and edit them with a
 * picture, coordinates typed or taken from this computer's position, taking a place off the map and back, and a
 * red landmark's printable poster (A4 or A5: name, introduction and the mini-program code to scan for 打卡).
 */
import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { InputNumber } from 'tdesign-react/esm/input-number';
import { Loading } from 'tdesign-react/esm/loading';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Radio } from 'tdesign-react/esm/radio';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Switch } from 'tdesign-react/esm/switch';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import type { ActionInput, ActionOutput } from '../../../cloudfunctions/contract';
import { useAccess, useScopeCounty, type Access } from '../access';
import { call, messageOf, newRequestId } from '../api';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { coverPictures, heldNote, ImageUpload, NameWithWaiting } from '../ui/image-upload';
import { StoredImage } from '../ui/stored-image';
import { ErrorNotice, PagedTable, usePaged } from '../ui/paged';
import { UnitSelect } from '../ui/pickers';

const { FormItem } = Form;

type Listed = ActionOutput<'stations', 'mapAdminList'>['items'][number];
type Place = Extract<Listed, { type: 'place' }>;
type Route = Extract<Listed, { type: 'route' }>;
type Poster = ActionOutput<'stations', 'landmarkPoster'>;
type Tab = 'red' | 'route' | 'post' | 'area' | 'shop';

const TABS: { value: Tab; label: string }[] = [
  { value: 'red', label: '红色地标' },
  { value: 'route', label: '打卡路线' },
  { value: 'post', label: '党员先锋岗' },
  { value: 'area', label: '党员责任区' },
  { value: 'shop', label: '诚信经营户' },
];
const PLACE_TYPES = [
  { value: 'shop', label: '店铺' },
  { value: 'building', label: '楼栋' },
  { value: 'green', label: '绿地' },
  { value: 'street', label: '街巷' },
  { value: 'other', label: '其他' },
];
const BADGES = [
  { value: 'honest', label: '诚信经营户' },
  { value: 'member', label: '共产党员经营户' },
];
const number = (what: string, min: number, max: number) => ({
  validator: (v: unknown) => typeof v === 'number' && v >= min && v <= max,
  message: `${what}应在 ${min} 到 ${max} 之间`,
});

export default function MapPage() {
  const access = useAccess();
  const { county, ready } = useScopeCounty(access);
  if (!ready) return <Loading className="shell__loading" text="正在读取管理范围…" />;
  return <MapLists access={access} county={county} />;
}

function MapLists({ access, county }: { access: Access; county: string | null }) {
  // A secretary keeps their branch's posts and shops; landmarks and routes are the admins'.
  const tabs = access.secretary ? TABS.filter((t) => t.value !== 'red' && t.value !== 'route') : TABS;
  const [tab, setTab] = useState<Tab>(tabs[0]!.value);
  const [archived, setArchived] = useState(false);
  const paged = usePaged<Listed>(
    (cursor) => call('stations', 'mapAdminList', { kind: tab, archived, cursor, limit: 20 }),
    `${tab}|${archived}`,
  );
  const [editing, setEditing] = useState<{ place: Place | null } | null>(null);
  const [editingRoute, setEditingRoute] = useState<{ route: Route | null } | null>(null);
  const [poster, setPoster] = useState<Place | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tabLabel = TABS.find((t) => t.value === tab)!.label;

  async function archive(row: Listed, off: boolean) {
    setError(null);
    try {
      await call('stations', 'archiveMapPlace', {
        kind: row.type,
        id: row.type === 'route' ? row.routeId : row.landmarkId,
        archived: off,
      });
      void MessagePlugin.success(off ? `「${row.name}」已从地图上撤下` : `「${row.name}」已恢复到地图上`);
      paged.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="page map-page">
      <Space className="filters" align="center">
        <Radio.Group
          variant="default-filled"
          value={tab}
          onChange={(v) => setTab(String(v) as Tab)}
          options={tabs}
          className="map-page__tabs"
        />
        <span className="hint">已撤下的</span>
        <Switch value={archived} onChange={(v) => setArchived(Boolean(v))} aria-label="只看已撤下的" />
        {!archived ? (
          <Button
            variant="outline"
            className="map-page__add"
            onClick={() => (tab === 'route' ? setEditingRoute({ route: null }) : setEditing({ place: null }))}
          >
            新增{tabLabel}
          </Button>
        ) : null}
        {access.countyAdmin && county ? <span className="hint scope-hint">只显示{county}的记录</span> : null}
        {access.secretary ? <span className="hint scope-hint">只显示本支部的先锋岗、责任区和经营户</span> : null}
      </Space>
      <ErrorNotice message={error} />
      <PagedTable<Listed>
        paged={paged}
        rowKey={tab === 'route' ? 'routeId' : 'landmarkId'}
        empty={archived ? `没有已撤下的${tabLabel}` : `还没有${tabLabel}`}
        tableLayout="fixed"
        columns={[
          {
            colKey: 'name',
            title: '名称',
            width: 200,
            ellipsis: true,
            cell: ({ row }) =>
              'picturesWaiting' in row ? <NameWithWaiting name={row.name} waiting={row.picturesWaiting} /> : row.name,
          },
          { colKey: 'county', title: '县区', width: 130, ellipsis: true },
          {
            colKey: 'detail',
            title: tab === 'route' ? '途经地标' : tab === 'red' ? '地址与打卡范围' : '地址与所属支部',
            ellipsis: true,
            cell: ({ row }) =>
              row.type === 'route'
                ? row.landmarks.map((l, i) => `${i + 1}. ${l.name}`).join('　')
                : [
                    row.address,
                    row.kind === 'red' ? `${row.radius} 米内可打卡` : row.branchName,
                    row.kind === 'post' || row.kind === 'area'
                      ? `${row.placeTypeLabel}・${row.holderMasked}`
                      : row.kind === 'shop'
                        ? `${row.badgeLabel}・${row.lit ? '已亮牌' : '暂未亮牌'}`
                        : '',
                  ]
                    .filter(Boolean)
                    .join('　'),
          },
          {
            colKey: 'op',
            title: '操作',
            width: 230,
            cell: ({ row }) => (
              <Space size={2}>
                {!archived ? (
                  <Button
                    size="small"
                    variant="text"
                    theme="primary"
                    className="map-row__edit"
                    onClick={() =>
                      row.type === 'route' ? setEditingRoute({ route: row }) : setEditing({ place: row })
                    }
                  >
                    编辑
                  </Button>
                ) : null}
                {row.type === 'place' && row.kind === 'red' && !archived ? (
                  <Button
                    size="small"
                    variant="text"
                    theme="primary"
                    className="map-row__poster"
                    onClick={() => setPoster(row)}
                  >
                    打印海报
                  </Button>
                ) : null}
                <Button
                  size="small"
                  variant="text"
                  theme={archived ? 'primary' : 'danger'}
                  className="map-row__archive"
                  onClick={() => void archive(row, !archived)}
                >
                  {archived ? '恢复到地图' : '从地图撤下'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <PlaceForm
          kind={tab === 'route' ? 'red' : tab}
          place={editing.place}
          county={county}
          access={access}
          onClose={() => setEditing(null)}
          onSaved={paged.reload}
        />
      ) : null}
      {editingRoute ? (
        <RouteForm
          route={editingRoute.route}
          county={county}
          onClose={() => setEditingRoute(null)}
          onSaved={paged.reload}
        />
      ) : null}
      {poster ? <PosterSheet place={poster} onClose={() => setPoster(null)} /> : null}
    </div>
  );
}

/** A red landmark, a 先锋岗 or 责任区, or a shop: the fields they share, and each kind's own. */
function PlaceForm(props: {
  kind: Exclude<Tab, 'route'>;
  place: Place | null;
  county: string | null;
  access: Access;
  onClose(): void;
  onSaved(): void;
}) {
  const { kind, place: p } = props;
  const form = useFormInstance();
  const [requestId] = useState(() => newRequestId('map'));
  // A position taken from this computer is WGS-84 (the server converts it); typed or kept ones are GCJ-02.
  const [datum, setDatum] = useState<'gcj02' | 'wgs84'>('gcj02');
  const [locating, setLocating] = useState<string | null>(null);
  const what = TABS.find((t) => t.value === kind)!.label;

  function here() {
    if (!navigator.geolocation) return setLocating('这台电脑无法提供位置，请手动填写经纬度');
    setLocating('正在获取位置…');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        form.setFieldsValue({
          lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
          lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
        });
        setDatum('wgs84');
        setLocating('已填入这台电脑的位置（保存时换算为地图坐标）');
      },
      () => setLocating('没有拿到位置，请允许浏览器使用位置，或手动填写经纬度'),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  return (
    <FormDialog
      header={p ? `编辑「${p.name}」` : `新增${what}`}
      visible
      onClose={props.onClose}
      form={form}
      width={720}
      className="map-place-form"
      initial={
        p
          ? {
              name: p.name,
              nameEn: p.nameEn,
              county: p.county,
              address: p.address,
              lat: p.location.lat,
              lng: p.location.lng,
              radius: p.radius,
              hours: p.hours,
              intro: p.intro,
              introEn: p.introEn,
              picture: p.pictures[0] ?? '',
              placeType: p.placeType ?? undefined,
              holderName: p.holderName,
              branchId: p.branchId ?? undefined,
              badge: p.badge ?? undefined,
              lit: p.lit ?? false,
              postKind: p.kind === 'area' ? 'area' : 'post',
            }
          : {
              county: props.county ?? '',
              radius: 200,
              lit: false,
              postKind: kind === 'area' ? 'area' : 'post',
              branchId: props.access.secretary ? props.access.me.branch?.branchId : undefined,
            }
      }
      onSubmit={async (v) => {
        const f = fieldsOf(v);
        const picture = f.text('picture');
        const common = {
          ...(p ? { landmarkId: p.landmarkId } : {}),
          name: f.text('name'),
          nameEn: f.optionalText('nameEn'),
          intro: f.optionalText('intro'),
          introEn: f.optionalText('introEn'),
          hours: f.optionalText('hours'),
          address: f.text('address'),
          location: { lat: f.number('lat'), lng: f.number('lng') },
          datum,
          pictures: props.access.secretary ? undefined : coverPictures(picture, p?.pictures),
          requestId,
        };
        let saved: { heldPictures: number };
        if (kind === 'red')
          saved = await call('stations', 'saveLandmark', {
            ...common,
            county: f.text('county'),
            radius: f.number('radius'),
          });
        else if (kind === 'shop')
          saved = await call('stations', 'saveShop', {
            ...common,
            badge: f.choice<ActionInput<'stations', 'saveShop'>['badge']>('badge'),
            lit: v.lit === true,
            branchId: f.text('branchId'),
          });
        else
          saved = await call('stations', 'savePost', {
            ...common,
            kind: f.choice<'post' | 'area'>('postKind'),
            placeType: f.choice<ActionInput<'stations', 'savePost'>['placeType']>('placeType'),
            holderName: f.text('holderName'),
            branchId: f.text('branchId'),
          });
        props.onSaved();
        return `已保存「${f.text('name')}」${heldNote(saved.heldPictures)}`;
      }}
    >
      <FormItem
        label="名称"
        name="name"
        rules={[required('名称'), minChars(2, '名称至少 2 个字'), maxChars(40, '名称最多 40 个字')]}
      >
        <Input />
      </FormItem>
      <FormItem label="英文名称" name="nameEn" rules={[maxChars(80, '英文名称最多 80 个字符')]}>
        <Input placeholder="可不填，英文页面显示中文名称" />
      </FormItem>
      {kind === 'post' || kind === 'area' ? (
        <FormItem label="类别" name="postKind" rules={[requiredPick('先锋岗或责任区')]}>
          <Radio.Group
            options={[
              { value: 'post', label: '党员先锋岗' },
              { value: 'area', label: '党员责任区' },
            ]}
          />
        </FormItem>
      ) : null}
      {kind === 'red' ? (
        <FormItem
          label="所在县区"
          name="county"
          rules={[required('所在县区'), minChars(2, '县区至少 2 个字'), maxChars(20, '县区最多 20 个字')]}
        >
          <Input placeholder="例如：玉林市容县" disabled={props.access.countyAdmin} />
        </FormItem>
      ) : (
        <FormItem label="所属党支部" name="branchId" rules={[requiredPick('所属党支部')]}>
          <UnitSelect kinds={['branch']} placeholder="选择党支部" disabled={props.access.secretary} />
        </FormItem>
      )}
      <FormItem
        label="地址"
        name="address"
        rules={[required('地址'), minChars(2, '地址至少 2 个字'), maxChars(100, '地址最多 100 个字')]}
      >
        <Input />
      </FormItem>
      <FormItem label="位置" help={locating ?? '纬度、经度按腾讯地图或高德地图上的数值填写'}>
        <Space align="center">
          <FormItem name="lat" rules={[required('纬度'), number('纬度', 3, 54)]} style={{ marginBottom: 0 }}>
            <InputNumber theme="normal" decimalPlaces={6} placeholder="纬度" className="map-form__lat" />
          </FormItem>
          <FormItem name="lng" rules={[required('经度'), number('经度', 73, 136)]} style={{ marginBottom: 0 }}>
            <InputNumber theme="normal" decimalPlaces={6} placeholder="经度" className="map-form__lng" />
          </FormItem>
          <Button variant="outline" onClick={here}>
            用这台电脑的位置
          </Button>
        </Space>
      </FormItem>
      {kind === 'red' ? (
        <FormItem
          label="打卡范围（米）"
          name="radius"
          rules={[required('打卡范围'), number('打卡范围', 10, 5000)]}
          help="离地标这么远以内才能打卡"
        >
          <InputNumber theme="normal" decimalPlaces={0} className="map-form__radius" />
        </FormItem>
      ) : null}
      {kind === 'post' || kind === 'area' ? (
        <>
          <FormItem label="岗位所在" name="placeType" rules={[requiredPick('岗位所在')]}>
            <Select options={PLACE_TYPES} />
          </FormItem>
          <FormItem
            label="党员姓名"
            name="holderName"
            rules={[required('党员姓名'), minChars(2, '姓名至少 2 个字'), maxChars(20, '姓名最多 20 个字')]}
            help="群众看到的是隐去中间字的姓名"
          >
            <Input />
          </FormItem>
        </>
      ) : null}
      {kind === 'shop' ? (
        <>
          <FormItem label="称号" name="badge" rules={[requiredPick('称号')]}>
            <Select options={BADGES} />
          </FormItem>
          <FormItem label="已亮牌" name="lit">
            <Switch />
          </FormItem>
        </>
      ) : null}
      <FormItem label="开放时间" name="hours" rules={[maxChars(60, '开放时间最多 60 个字')]}>
        <Input placeholder="例如：周二至周日 9:00-17:00" />
      </FormItem>
      <FormItem label="介绍" name="intro" rules={[maxChars(1000, '介绍最多 1000 个字')]}>
        <Textarea autosize={{ minRows: 3 }} />
      </FormItem>
      <FormItem label="英文介绍" name="introEn" rules={[maxChars(2000, '英文介绍最多 2000 个字符')]}>
        <Textarea />
      </FormItem>
      {/* Pictures are uploaded by admins (admin.uploadImage); a secretary's place keeps the ones it has. */}
      {props.access.secretary ? null : (
        <FormItem label="图片" name="picture">
          <ImageUpload />
        </FormItem>
      )}
    </FormDialog>
  );
}

/** A route: red landmarks of one county in walking order. */
function RouteForm(props: { route: Route | null; county: string | null; onClose(): void; onSaved(): void }) {
  const { route: r } = props;
  const form = useFormInstance();
  const [requestId] = useState(() => newRequestId('route'));
  const [landmarks, setLandmarks] = useState<{ value: string; label: string; county: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('stations', 'mapAdminList', { kind: 'red', limit: 50 }).then(
      (page) =>
        live &&
        setLandmarks(
          page.items.flatMap((l) =>
            l.type === 'place' ? [{ value: l.landmarkId, label: `${l.name}（${l.county}）`, county: l.county }] : [],
          ),
        ),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <FormDialog
      header={r ? `编辑「${r.name}」` : '新增打卡路线'}
      visible
      onClose={props.onClose}
      form={form}
      width={680}
      className="map-route-form"
      initial={
        r
          ? {
              name: r.name,
              nameEn: r.nameEn,
              county: r.county,
              intro: r.intro,
              introEn: r.introEn,
              landmarkIds: r.landmarks.map((l) => l.landmarkId),
            }
          : { county: props.county ?? '', landmarkIds: [] }
      }
      onSubmit={async (v) => {
        const f = fieldsOf(v);
        await call('stations', 'saveRoute', {
          ...(r ? { routeId: r.routeId } : {}),
          name: f.text('name'),
          nameEn: f.optionalText('nameEn'),
          intro: f.optionalText('intro'),
          introEn: f.optionalText('introEn'),
          county: f.text('county'),
          landmarkIds: f.list('landmarkIds'),
          requestId,
        });
        props.onSaved();
        return `已保存「${f.text('name')}」`;
      }}
    >
      <ErrorNotice message={error} title="地标加载失败" />
      <FormItem
        label="名称"
        name="name"
        rules={[required('名称'), minChars(2, '名称至少 2 个字'), maxChars(40, '名称最多 40 个字')]}
      >
        <Input />
      </FormItem>
      <FormItem label="英文名称" name="nameEn" rules={[maxChars(80, '英文名称最多 80 个字符')]}>
        <Input />
      </FormItem>
      <FormItem
        label="所在县区"
        name="county"
        rules={[required('所在县区'), minChars(2, '县区至少 2 个字'), maxChars(20, '县区最多 20 个字')]}
      >
        <Input placeholder="例如：玉林市容县" />
      </FormItem>
      <FormItem
        label="途经地标"
        name="landmarkIds"
        help="按行走顺序依次选择，至少 2 个"
        rules={[{ validator: (v: unknown) => Array.isArray(v) && v.length >= 2, message: '一条路线至少 2 个地标' }]}
      >
        <Select options={landmarks} multiple filterable placeholder="选择红色地标" />
      </FormItem>
      <FormItem label="介绍" name="intro" rules={[maxChars(1000, '介绍最多 1000 个字')]}>
        <Textarea />
      </FormItem>
      <FormItem label="英文介绍" name="introEn" rules={[maxChars(2000, '英文介绍最多 2000 个字符')]}>
        <Textarea />
      </FormItem>
    </FormDialog>
  );
}

/** The sheet's look on screen and on paper; printing shows the sheet alone, at the chosen size. */
const posterCss = (size: 'A4' | 'A5') => {
  const [w, h] = size === 'A4' ? [210, 297] : [148, 210];
  const k = size === 'A4' ? 1 : 0.72;
  return `
.poster-sheet { box-sizing: border-box; width: 100%; aspect-ratio: ${w} / ${h}; padding: 6% 8%; margin: 0 auto;
  background: #fffaf3; border: 1px solid #e7c9a9; color: #3a1d0e; text-align: center; display: flex;
  flex-direction: column; align-items: center; gap: 10px; overflow: hidden; font-family: 'PingFang SC', 'Microsoft YaHei', sans-serif; }
.poster-sheet__kind { color: #b3261e; font-size: 14px; letter-spacing: 2px; }
.poster-sheet__name { margin: 0; color: #b3261e; font-size: 28px; line-height: 1.3; }
.poster-sheet__name-en { color: #6b4a36; font-size: 14px; }
.poster-sheet__picture { max-width: 70%; max-height: 22%; object-fit: cover; border-radius: 6px; }
.poster-sheet__intro { margin: 0; font-size: 14px; line-height: 1.7; text-align: left; max-height: 24%; overflow: hidden; }
.poster-sheet__code { width: 38%; aspect-ratio: 1; image-rendering: pixelated; }
.poster-sheet__how { font-size: 15px; font-weight: 600; }
.poster-sheet__meta { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #6b4a36; }
@page { size: ${size} portrait; margin: 0; }
@media print {
  body.printing-poster * { visibility: hidden !important; }
  body.printing-poster .poster-sheet, body.printing-poster .poster-sheet * { visibility: visible !important; }
  body.printing-poster .poster-sheet { position: fixed; left: 0; top: 0; width: ${w}mm; height: ${h}mm; aspect-ratio: auto;
    border: none; padding: ${Math.round(18 * k)}mm ${Math.round(16 * k)}mm; gap: ${Math.round(5 * k)}mm;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body.printing-poster .poster-sheet__name { font-size: ${Math.round(34 * k)}pt; }
  body.printing-poster .poster-sheet__intro { font-size: ${Math.round(13 * k)}pt; }
  body.printing-poster .poster-sheet__how { font-size: ${Math.round(15 * k)}pt; }
  body.printing-poster .poster-sheet__meta { font-size: ${Math.round(10 * k)}pt; }
}`;
};

/**
 * The printable poster: one sheet (A4 or A5) with the landmark's name, its introduction, the code and what to do.
 * Printing shows the sheet alone (@media print in styles.css hides the console around it).
 */
function PosterSheet({ place, onClose }: { place: Place; onClose(): void }) {
  const [poster, setPoster] = useState<Poster | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [size, setSize] = useState<'A4' | 'A5'>('A4');
  useEffect(() => {
    let live = true;
    call('stations', 'landmarkPoster', { landmarkId: place.landmarkId }).then(
      (p) => live && setPoster(p),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [place.landmarkId]);
  useEffect(() => {
    // The page size the printer is asked for follows the choice.
    const style = document.createElement('style');
    style.textContent = posterCss(size);
    document.head.appendChild(style);
    document.body.classList.add('printing-poster');
    return () => {
      style.remove();
      document.body.classList.remove('printing-poster');
    };
  }, [size]);

  return (
    <Dialog
      header={`打印「${place.name}」的打卡海报`}
      visible
      width={720}
      onClose={onClose}
      className="poster-dialog"
      footer={
        <Space>
          <Radio.Group
            variant="default-filled"
            value={size}
            onChange={(v) => setSize(v === 'A5' ? 'A5' : 'A4')}
            options={[
              { value: 'A4', label: 'A4 纸' },
              { value: 'A5', label: 'A5 纸' },
            ]}
          />
          <Button theme="primary" className="poster__print" disabled={!poster} onClick={() => window.print()}>
            打印
          </Button>
          <Button variant="outline" onClick={onClose}>
            关闭
          </Button>
        </Space>
      }
    >
      <ErrorNotice message={error} title="海报生成失败" />
      {!poster && !error ? <Loading text="正在生成小程序码…" /> : null}
      {poster ? (
        <div className={`poster-sheet poster-sheet--${size}`} role="document" aria-label={`${poster.name}打卡海报`}>
          <div className="poster-sheet__kind">{poster.kindLabel}・红色打卡</div>
          <h1 className="poster-sheet__name">{poster.name}</h1>
          {poster.nameEn ? <div className="poster-sheet__name-en">{poster.nameEn}</div> : null}
          {poster.picture ? (
            <StoredImage className="poster-sheet__picture" src={poster.picture} alt={poster.name} />
          ) : null}
          {poster.intro ? <p className="poster-sheet__intro">{poster.intro}</p> : null}
          <img className="poster-sheet__code" src={poster.image} alt="打卡小程序码" />
          <div className="poster-sheet__how">
            {poster.codeKind === 'wxacode'
              ? '到达现场后，打开微信“扫一扫”扫描上方小程序码，即可打卡'
              : '到达现场后，用手机扫描上方二维码，即可打卡'}
          </div>
          <div className="poster-sheet__meta">
            {poster.hours ? <span>开放时间：{poster.hours}</span> : null}
            {poster.address ? <span>地址：{poster.address}</span> : null}
          </div>
        </div>
      ) : null}
      <Tag theme="default" variant="light" className="poster__tip">
        打印时只打印海报本身；请在打印设置中选择与上方相同的纸张大小
      </Tag>
    </Dialog>
  );
}
