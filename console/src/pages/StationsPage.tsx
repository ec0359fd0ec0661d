/**
 * 驿站与预约项目: stations (kind filter, keyword, paged; create and edit), and per station its bookable
 * items, weekly templates (generateSlots), the day's slots and closures (closeSlots with a reason).
 */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Checkbox } from 'tdesign-react/esm/checkbox';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Drawer } from 'tdesign-react/esm/drawer';
import { Form, type FormInstanceFunctions } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { InputNumber } from 'tdesign-react/esm/input-number';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import { TimePicker } from 'tdesign-react/esm/time-picker';
import { Loading } from 'tdesign-react/esm/loading';
import { SERVICE_CATALOGUE, STATION_KINDS, type StationKind } from '../../../domain/stations/labels';
import { placeFilter, useAccess, useScopeCounty, type Access } from '../access';
import { call, messageOf, type Item, type Slot, type SlotTemplate, type Station, type StationDetail } from '../api';
import { formatTime, shanghaiDate } from '../ui/format';
import {
  fieldsOf,
  FormDialog,
  maxChars,
  minChars,
  required,
  requiredPick,
  useFormInstance,
  type Values,
} from '../ui/form';
import { coverPictures, heldNote, ImageUpload, NameWithWaiting } from '../ui/image-upload';
import { ErrorNotice, PagedTable, useAll, useNarrowedPaged } from '../ui/paged';
import { IllustrativeTag, ProvenanceBlock, ProvenanceCell, useRowDetails } from '../ui/provenance';

const { FormItem } = Form;
const KIND_OPTIONS = (Object.keys(STATION_KINDS) as StationKind[]).map((value) => ({
  value,
  label: STATION_KINDS[value],
}));
const SERVICE_OPTIONS = SERVICE_CATALOGUE.map((s) => ({ value: s.code, label: s.name }));
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: `周${'一二三四五六日'[d - 1]}` }));
const ID = /^[a-z0-9-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const templateRules = {
  weekdays: [{ validator: (v: unknown) => Array.isArray(v) && v.length > 0, message: '请至少选择一天' }],
  time: (what: string) => [required(what), { pattern: /^\d{2}:\d{2}$/, message: '时间格式应为 HH:mm' }],
  int: (min: number, max: number, what: string) => [
    required(what),
    {
      validator: (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
      message: `${what}必须是 ${min} 到 ${max} 之间的整数`,
    },
  ],
};

/** Date-range, weekdays, hours, slot length and capacity: the weekly template both slot generators take. */
export function TemplateFields({ form }: { form: FormInstanceFunctions }) {
  return (
    <>
      <FormItem
        label="开始日期"
        name="from"
        rules={[
          required('开始日期'),
          { pattern: DATE, message: '日期格式应为 YYYY-MM-DD' },
          { validator: (v: unknown) => String(v) >= shanghaiDate(), message: '不能为过去的日期生成时段' },
        ]}
      >
        <DatePicker valueType="YYYY-MM-DD" />
      </FormItem>
      <FormItem
        label="结束日期"
        name="to"
        rules={[
          required('结束日期'),
          { pattern: DATE, message: '日期格式应为 YYYY-MM-DD' },
          {
            validator: (v: unknown) => String(v) >= String(form.getFieldValue('from') ?? ''),
            message: '结束日期不能早于开始日期',
          },
        ]}
      >
        <DatePicker valueType="YYYY-MM-DD" />
      </FormItem>
      <FormItem label="每周" name="weekdays" rules={templateRules.weekdays}>
        <Checkbox.Group options={WEEKDAYS} />
      </FormItem>
      <FormItem label="每日开始" name="start" rules={templateRules.time('每日开始时间')}>
        <TimePicker format="HH:mm" />
      </FormItem>
      <FormItem
        label="每日结束"
        name="end"
        rules={[
          ...templateRules.time('每日结束时间'),
          {
            validator: (v: unknown) => String(v) > String(form.getFieldValue('start') ?? ''),
            message: '结束时间必须晚于开始时间',
          },
        ]}
      >
        <TimePicker format="HH:mm" />
      </FormItem>
      <FormItem label="每段分钟" name="slotMinutes" rules={templateRules.int(10, 480, '每段分钟数')}>
        <InputNumber theme="normal" />
      </FormItem>
      <FormItem label="每段名额" name="capacity" rules={templateRules.int(1, 1000, '每段名额')}>
        <InputNumber theme="normal" />
      </FormItem>
    </>
  );
}

export const templateInitial = () => ({
  from: shanghaiDate(1),
  to: shanghaiDate(14),
  weekdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
  slotMinutes: 60,
  capacity: 5,
});
export function templateOf(v: Values): SlotTemplate {
  const f = fieldsOf(v);
  return {
    weekdays: f.numbers('weekdays'),
    start: f.text('start'),
    end: f.text('end'),
    slotMinutes: f.number('slotMinutes'),
    capacity: f.number('capacity'),
  };
}

function StationItems({ station, access, onClose }: { station: Station; access: Access; onClose(): void }) {
  const detail = useAll(
    async () => [await call('stations', 'detail', { stationId: station.stationId })],
    station.stationId,
  );
  const items = detail.items[0]?.items ?? [];
  const shown = detail.items[0]?.station;
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [generating, setGenerating] = useState<Item | null>(null);
  const [closing, setClosing] = useState<Item | null>(null);
  const [viewing, setViewing] = useState<Item | null>(null);
  const [date, setDate] = useState(shanghaiDate(1));
  const itemForm = useFormInstance();
  const templateForm = useFormInstance();
  const closeForm = useFormInstance();
  const slots = useAll(
    async () => (viewing ? (await call('stations', 'slots', { itemId: viewing.itemId, date })).slots : []),
    `${viewing?.itemId}|${date}`,
  );

  return (
    <Drawer
      header={`${station.name} · 预约项目`}
      visible
      size="880px"
      onClose={onClose}
      footer={false}
      className="station-items"
    >
      <ErrorNotice message={detail.error} title="加载失败" />
      {shown ? (
        <div className="station-provenance">
          <ProvenanceBlock
            provenance={{ source: shown.source, illustrative: shown.illustrative, note: shown.illustrativeNote }}
          />
          {shown.services.length > 0 ? (
            <div className="station-provenance__services">
              <span className="provenance-block__label">服务</span>
              {shown.services.map((svc) => (
                <span key={svc.code} className="station-provenance__service" title={svc.source?.quote ?? ''}>
                  {svc.name}
                  {svc.illustrative ? <IllustrativeTag /> : null}
                </span>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {access.editsPlaces ? (
        <Space className="filters">
          <Button className="station-items__new" onClick={() => setEditing('new')}>
            新增预约项目
          </Button>
        </Space>
      ) : null}
      <Table<Item>
        rowKey="itemId"
        size="small"
        loading={detail.loading}
        data={items}
        empty="这个驿站还没有可预约的项目"
        columns={[
          { colKey: 'name', title: '项目' },
          { colKey: 'kind', title: '类型', width: 90, cell: ({ row }) => (row.kind === 'room' ? '场地' : '服务') },
          { colKey: 'description', title: '说明', ellipsis: true },
          {
            colKey: 'source',
            title: '出处',
            width: 220,
            cell: ({ row }) => (
              <ProvenanceCell
                provenance={{ source: row.source, illustrative: row.illustrative, note: row.illustrativeNote }}
              />
            ),
          },
          {
            colKey: 'op',
            title: '操作',
            width: access.editsPlaces ? 280 : 150,
            cell: ({ row }) => (
              <Space size={2}>
                {access.editsPlaces ? (
                  <>
                    <Button size="small" variant="text" theme="primary" onClick={() => setEditing(row)}>
                      编辑
                    </Button>
                    <Button
                      size="small"
                      variant="text"
                      theme="primary"
                      className="item__generate"
                      onClick={() => setGenerating(row)}
                    >
                      按周模板生成
                    </Button>
                  </>
                ) : null}
                <Button size="small" variant="text" theme="primary" onClick={() => setViewing(row)}>
                  查看时段
                </Button>
                <Button
                  size="small"
                  variant="text"
                  theme="danger"
                  className="item__close"
                  onClick={() => setClosing(row)}
                >
                  关闭时段
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {viewing && (
        <div className="slots-view">
          <Space align="center" className="filters">
            <strong>{viewing.name}</strong>
            <DatePicker value={date} valueType="YYYY-MM-DD" onChange={(v) => setDate(String(v))} />
          </Space>
          <ErrorNotice message={slots.error} />
          <Table<Slot>
            rowKey="slotId"
            size="small"
            loading={slots.loading}
            data={slots.items}
            empty="这一天没有时段"
            columns={[
              { colKey: 'time', title: '时段', cell: ({ row }) => `${formatTime(row.start)}–${formatTime(row.end)}` },
              { colKey: 'capacity', title: '名额', width: 80 },
              { colKey: 'remaining', title: '剩余', width: 80 },
              { colKey: 'waiting', title: '候补', width: 80 },
              {
                colKey: 'closed',
                title: '状态',
                width: 90,
                cell: ({ row }) => (row.closed ? <Tag theme="danger">已关闭</Tag> : <Tag theme="success">开放</Tag>),
              },
            ]}
          />
        </div>
      )}
      <FormDialog
        header={editing === 'new' ? '新增预约项目' : '编辑预约项目'}
        visible={editing !== null}
        onClose={() => setEditing(null)}
        form={itemForm}
        initial={
          editing && editing !== 'new'
            ? { name: editing.name, kind: editing.kind, description: editing.description ?? '' }
            : { kind: 'service' }
        }
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          await call('stations', 'saveItem', {
            itemId: editing !== 'new' ? editing?.itemId : undefined,
            stationId: station.stationId,
            name: f.text('name'),
            kind: f.choice<Item['kind']>('kind'),
            description: f.text('description'),
          });
          detail.reload();
          return `已保存「${f.text('name')}」`;
        }}
      >
        <FormItem
          label="名称"
          name="name"
          rules={[required('项目名称'), minChars(2, '名称至少 2 个字'), maxChars(40, '名称最多 40 个字')]}
        >
          <Input placeholder="例如：法律咨询（三官一律）" />
        </FormItem>
        <FormItem label="类型" name="kind" rules={[requiredPick('类型')]}>
          <Select
            options={[
              { value: 'service', label: '服务' },
              { value: 'room', label: '场地' },
            ]}
          />
        </FormItem>
        <FormItem label="说明" name="description" rules={[maxChars(300, '说明最多 300 个字')]}>
          <Textarea />
        </FormItem>
      </FormDialog>
      <FormDialog
        header={generating ? `为「${generating.name}」按周模板生成时段` : '生成时段'}
        visible={generating !== null}
        onClose={() => setGenerating(null)}
        form={templateForm}
        confirmText="生成时段"
        width={620}
        initial={templateInitial()}
        onSubmit={async (v) => {
          const r = await call('stations', 'generateSlots', {
            itemId: generating!.itemId,
            from: fieldsOf(v).text('from'),
            to: fieldsOf(v).text('to'),
            template: templateOf(v),
          });
          slots.reload();
          return `新建 ${r.created} 个时段，已存在 ${r.existing} 个`;
        }}
      >
        <TemplateFields form={templateForm} />
      </FormDialog>
      <FormDialog
        header={closing ? `关闭「${closing.name}」一天的时段` : '关闭时段'}
        visible={closing !== null}
        onClose={() => setClosing(null)}
        form={closeForm}
        confirmText="关闭并通知已预约的人"
        initial={{ date: shanghaiDate(1), reason: '' }}
        onSubmit={async (v) => {
          const r = await call('stations', 'closeSlots', {
            itemId: closing!.itemId,
            date: fieldsOf(v).text('date'),
            reason: fieldsOf(v).text('reason'),
          });
          slots.reload();
          return `已关闭 ${r.closed} 个时段，取消 ${r.cancelled ?? 0} 个预约`;
        }}
      >
        <FormItem
          label="日期"
          name="date"
          rules={[required('日期'), { pattern: DATE, message: '日期格式应为 YYYY-MM-DD' }]}
        >
          <DatePicker valueType="YYYY-MM-DD" />
        </FormItem>
        <FormItem
          label="原因"
          name="reason"
          rules={[required('关闭原因'), minChars(2, '关闭原因至少 2 个字'), maxChars(60, '关闭原因不能超过 60 个字')]}
          help="会通知已预约的居民"
        >
          <Input placeholder="例如：场地检修" />
        </FormItem>
      </FormDialog>
    </Drawer>
  );
}

/**
 * Staff see only the stations they are assigned to, with no editing of stations or items (they may look at slots and
 * close a day); a county admin only their county's stations; the system admin every station.
 */
export default function StationsPage() {
  const access = useAccess();
  const { county, ready } = useScopeCounty(access);
  if (!ready) return <Loading className="shell__loading" text="正在读取管理范围…" />;
  return <StationsList access={access} county={county} />;
}

function StationsList({ access, county }: { access: Access; county: string | null }) {
  const [kind, setKind] = useState<StationKind | ''>('');
  const [keywordInput, setKeywordInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const mine = placeFilter(access, 'station', county);
  const paged = useNarrowedPaged<Station>(
    (cursor, limit) =>
      call('stations', 'list', { kind: kind || undefined, keyword: keyword || undefined, cursor, limit }),
    mine ? (items) => items.filter((s) => mine({ id: s.stationId, county: s.county })) : null,
    `${kind}|${keyword}`,
  );
  const details = useRowDetails(
    paged.items.map((row) => row.stationId),
    (stationId) => call('stations', 'detail', { stationId }),
  );
  const [editing, setEditing] = useState<{ station: StationDetail['station'] | null; services: string[] } | null>(null);
  const [itemsOf, setItemsOf] = useState<Station | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const form = useFormInstance();

  async function edit(station: Station) {
    setLoadError(null);
    try {
      const d = await call('stations', 'detail', { stationId: station.stationId });
      setEditing({ station: d.station, services: d.station.services.map((s) => s.code) });
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }

  const s = editing?.station;
  return (
    <div className="page stations-page">
      <Space className="filters" align="center">
        <Select
          className="filters__kind"
          value={kind}
          onChange={(v) => setKind(KIND_OPTIONS.find((o) => o.value === v)?.value ?? '')}
          options={KIND_OPTIONS}
          clearable
          placeholder="全部类型"
        />
        <Input
          className="filters__keyword"
          value={keywordInput}
          onChange={(v) => setKeywordInput(String(v))}
          onEnter={() => setKeyword(keywordInput.trim())}
          placeholder="名称或地址"
          clearable
          onClear={() => setKeyword('')}
        />
        <Button onClick={() => setKeyword(keywordInput.trim())}>搜索</Button>
        {access.editsPlaces ? (
          <Button variant="outline" onClick={() => setEditing({ station: null, services: [] })}>
            新增驿站
          </Button>
        ) : null}
        {mine ? <span className="hint scope-hint">{scopeHint(access, county)}</span> : null}
      </Space>
      <ErrorNotice message={loadError} />
      <PagedTable<Station>
        paged={paged}
        rowKey="stationId"
        empty={mine ? '你的管理范围内没有符合条件的驿站' : '没有符合条件的驿站'}
        tableLayout="fixed"
        columns={[
          {
            colKey: 'name',
            title: '名称',
            width: 200,
            ellipsis: true,
            cell: ({ row }) => <NameWithWaiting name={row.name} waiting={row.picturesWaiting} />,
          },
          { colKey: 'kindLabel', title: '类型', width: 120 },
          { colKey: 'county', title: '县区', width: 120, ellipsis: true },
          { colKey: 'address', title: '地址', ellipsis: true },
          {
            colKey: 'source',
            title: '出处',
            width: 250,
            cell: ({ row }) => {
              const d = details.get(row.stationId)?.station;
              return (
                <ProvenanceCell
                  provenance={
                    d ? { source: d.source, illustrative: row.illustrative, note: d.illustrativeNote } : undefined
                  }
                />
              );
            },
          },
          {
            colKey: 'op',
            title: '操作',
            width: access.editsPlaces ? 160 : 110,
            cell: ({ row }) => (
              <Space size={2}>
                {access.editsPlaces ? (
                  <Button size="small" variant="text" theme="primary" onClick={() => void edit(row)}>
                    编辑
                  </Button>
                ) : null}
                <Button
                  size="small"
                  variant="text"
                  theme="primary"
                  className="station__items"
                  onClick={() => setItemsOf(row)}
                >
                  项目与时段
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {itemsOf && <StationItems station={itemsOf} access={access} onClose={() => setItemsOf(null)} />}
      <FormDialog
        header={s ? `编辑「${s.name}」` : '新增驿站'}
        visible={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        width={680}
        initial={
          s
            ? {
                stationId: s.stationId,
                name: s.name,
                nameEn: s.nameEn ?? '',
                kind: s.kind,
                county: s.county,
                district: s.district,
                address: s.address,
                openHours: s.openHours ?? '',
                phone: s.phone ?? '',
                intro: s.intro ?? '',
                cover: s.pictures[0] ?? '',
                services: editing?.services ?? [],
              }
            : { services: [] }
        }
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const saved = await call('stations', 'saveStation', {
            stationId: f.text('stationId'),
            name: f.text('name'),
            nameEn: f.optionalText('nameEn'),
            kind: f.choice<StationKind>('kind'),
            county: f.text('county'),
            district: f.text('district'),
            address: f.text('address'),
            openHours: f.optionalText('openHours'),
            phone: f.optionalText('phone'),
            intro: f.optionalText('intro'),
            services: f.list('services'),
            ...(s?.location ? { location: s.location } : {}),
            pictures: coverPictures(f.text('cover'), s?.pictures),
          });
          paged.reload();
          return `已保存「${f.text('name')}」${heldNote(saved.heldPictures)}`;
        }}
      >
        <FormItem
          label="编号"
          name="stationId"
          rules={[
            required('编号'),
            { pattern: ID, message: '只能包含小写字母、数字和连字符' },
            maxChars(64, '编号最多 64 个字符'),
          ]}
          help={s ? '编号不能修改' : '例如 st-yf-chengbei'}
        >
          <Input disabled={Boolean(s)} />
        </FormItem>
        <FormItem
          label="名称"
          name="name"
          rules={[required('名称'), minChars(2, '名称至少 2 个字'), maxChars(40, '名称最多 40 个字')]}
        >
          <Input />
        </FormItem>
        <FormItem label="英文名称" name="nameEn" rules={[maxChars(80, '英文名称最多 80 个字符')]}>
          <Input placeholder="选填：英文页面显示，不填则显示中文名称" />
        </FormItem>
        <FormItem label="类型" name="kind" rules={[requiredPick('类型')]}>
          <Select options={KIND_OPTIONS} />
        </FormItem>
        <FormItem
          label="县区"
          name="county"
          rules={[required('县区'), minChars(2, '县区至少 2 个字'), maxChars(20, '县区最多 20 个字')]}
        >
          <Input placeholder="例如：桂林市永福县" />
        </FormItem>
        <FormItem label="街道/乡镇" name="district" rules={[required('街道或乡镇'), maxChars(20, '最多 20 个字')]}>
          <Input />
        </FormItem>
        <FormItem
          label="地址"
          name="address"
          rules={[required('地址'), minChars(2, '地址至少 2 个字'), maxChars(100, '地址最多 100 个字')]}
        >
          <Input />
        </FormItem>
        <FormItem label="开放时间" name="openHours" rules={[maxChars(60, '最多 60 个字')]}>
          <Input placeholder="例如：周一至周日 08:00-21:00" />
        </FormItem>
        <FormItem
          label="电话"
          name="phone"
          rules={[
            { validator: (v: unknown) => !v || /^[0-9-]{7,20}$/.test(String(v).trim()), message: '电话格式不正确' },
          ]}
        >
          <Input />
        </FormItem>
        <FormItem label="服务" name="services">
          <Select options={SERVICE_OPTIONS} multiple filterable minCollapsedNum={6} placeholder="选择提供的服务" />
        </FormItem>
        <FormItem label="简介" name="intro" rules={[maxChars(500, '简介最多 500 个字')]}>
          <Textarea />
        </FormItem>
        <FormItem label="照片" name="cover" help="群众在驿站列表和详情里看到的第一张照片">
          <ImageUpload alt="驿站照片" />
        </FormItem>
      </FormDialog>
    </div>
  );
}

/** Why the list is shorter than the whole system's: whose stations or sites it shows. */
export function scopeHint(access: Access, county: string | null): string {
  if (access.staff) return '只显示你负责的驿站和接种点';
  if (access.countyAdmin) return county ? `只显示${county}的记录` : '你的管理范围已失效，请联系系统管理员';
  return '';
}
