/** 疫苗接种点: sites (create/edit), status notices (open/paused), and their slots with green-channel seats. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Drawer } from 'tdesign-react/esm/drawer';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { InputNumber } from 'tdesign-react/esm/input-number';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import { Loading } from 'tdesign-react/esm/loading';
import { TimePicker } from 'tdesign-react/esm/time-picker';
import { placeFilter, useAccess, useScopeCounty, type Access } from '../access';
import { call, messageOf, type Site, type SiteDetail, type VaccineSlot } from '../api';
import { formatTime, shanghaiDate } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice, PagedTable, useAll, useNarrowedPaged } from '../ui/paged';
import { ProvenanceBlock, ProvenanceCell, useRowDetails } from '../ui/provenance';
import { coverPictures, heldNote, ImageUpload, NameWithWaiting } from '../ui/image-upload';
import { parseVaccines, vaccinesText } from '../ui/vaccines';
import { scopeHint, TemplateFields, templateInitial, templateOf, templateRules } from './StationsPage';

const { FormItem } = Form;
const ID = /^[a-z0-9-]+$/;

function SiteSlots({
  site,
  detail,
  access,
  onClose,
}: {
  site: Site;
  detail: SiteDetail | undefined;
  access: Access;
  onClose(): void;
}) {
  const [date, setDate] = useState(shanghaiDate(1));
  const slots = useAll(
    async () => (await call('vaccine', 'slots', { siteId: site.siteId, date })).slots,
    `${site.siteId}|${date}`,
  );
  const [open, setOpen] = useState(false);
  const form = useFormInstance();
  return (
    <Drawer header={`${site.name} · 接种时段`} visible size="760px" onClose={onClose} footer={false}>
      {detail ? (
        <ProvenanceBlock
          provenance={{ source: detail.source, illustrative: site.illustrative, note: detail.illustrativeNote }}
        />
      ) : null}
      <Space className="filters" align="center">
        <DatePicker value={date} valueType="YYYY-MM-DD" onChange={(v) => setDate(String(v))} />
        {access.editsPlaces ? <Button onClick={() => setOpen(true)}>按周模板生成</Button> : null}
      </Space>
      <ErrorNotice message={slots.error} />
      <Table<VaccineSlot>
        rowKey="slotId"
        size="small"
        loading={slots.loading}
        data={slots.items}
        empty="这一天没有时段"
        columns={[
          { colKey: 'time', title: '时段', cell: ({ row }) => `${formatTime(row.start)}–${formatTime(row.end)}` },
          { colKey: 'capacity', title: '名额', width: 80 },
          { colKey: 'remaining', title: '剩余', width: 80 },
          { colKey: 'greenRemaining', title: '绿色通道剩余', width: 120 },
        ]}
      />
      <FormDialog
        header="生成接种时段"
        visible={open}
        onClose={() => setOpen(false)}
        form={form}
        confirmText="生成时段"
        width={620}
        initial={{ ...templateInitial(), slotMinutes: 30, capacity: 20, greenSeats: 4, releaseTime: '18:00' }}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const r = await call('vaccine', 'generateSlots', {
            siteId: site.siteId,
            from: f.text('from'),
            to: f.text('to'),
            template: {
              ...templateOf(v),
              green: { seats: f.number('greenSeats'), releaseTime: f.text('releaseTime') },
            },
          });
          slots.reload();
          return `新建 ${r.created} 个时段，已存在 ${r.existing} 个`;
        }}
      >
        <TemplateFields form={form} />
        <FormItem
          label="绿色通道名额"
          name="greenSeats"
          rules={[
            ...templateRules.int(0, 1000, '绿色通道名额'),
            {
              validator: (v: unknown) => Number(v) <= Number(form.getFieldValue('capacity')),
              message: '绿色通道名额不能超过每段名额',
            },
          ]}
          help="为 60 岁及以上老人保留"
        >
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem label="前一天释放" name="releaseTime" rules={templateRules.time('释放时间')}>
          <TimePicker format="HH:mm" />
        </FormItem>
      </FormDialog>
    </Drawer>
  );
}

const siteDetail = async (siteId: string) => (await call('vaccine', 'siteDetail', { siteId })).site;

/**
 * Staff see only the sites they are assigned to and their slots, with no editing; a county admin only their county's
 * sites; the system admin every site.
 */
export default function SitesPage() {
  const access = useAccess();
  const { county, ready } = useScopeCounty(access);
  if (!ready) return <Loading className="shell__loading" text="正在读取管理范围…" />;
  return <SitesList access={access} county={county} />;
}

function SitesList({ access, county }: { access: Access; county: string | null }) {
  const [vaccine, setVaccine] = useState('');
  const mine = placeFilter(access, 'site', county);
  const paged = useNarrowedPaged<Site>(
    (cursor, limit) => call('vaccine', 'sites', { cursor, limit, vaccine: vaccine.trim() || undefined }),
    mine
      ? async (items) => {
          // The list does not carry a site's county: a county admin's narrowing reads each site's details.
          if (!access.countyAdmin) return items.filter((s) => mine({ id: s.siteId, county: '' }));
          const shown = await Promise.all(items.map((s) => siteDetail(s.siteId)));
          return items.filter((s, i) => mine({ id: s.siteId, county: shown[i]!.county }));
        }
      : null,
    vaccine.trim(),
  );
  const details = useRowDetails(
    paged.items.map((row) => row.siteId),
    siteDetail,
  );
  const [editing, setEditing] = useState<SiteDetail | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<Site | null>(null);
  const [slotsOf, setSlotsOf] = useState<Site | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const form = useFormInstance();
  const statusForm = useFormInstance();
  const status = Form.useWatch('status', statusForm);

  async function edit(site: Site) {
    setLoadError(null);
    try {
      const d = await call('vaccine', 'siteDetail', { siteId: site.siteId });
      setEditing(d.site);
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }
  const s = editing === 'new' ? null : editing;

  return (
    <div className="page sites-page">
      <Space className="filters" align="center">
        <Input
          className="filters__keyword"
          value={vaccine}
          onChange={(v) => setVaccine(String(v))}
          placeholder="按疫苗筛选（名称或编码）"
          clearable
        />
        {access.editsPlaces ? (
          <Button variant="outline" onClick={() => setEditing('new')}>
            新增接种点
          </Button>
        ) : null}
        {mine ? <span className="hint scope-hint">{scopeHint(access, county)}</span> : null}
      </Space>
      <ErrorNotice message={loadError} />
      <PagedTable<Site>
        paged={paged}
        rowKey="siteId"
        empty={mine ? '你的管理范围内没有符合条件的接种点' : '没有符合条件的接种点'}
        tableLayout="fixed"
        columns={[
          {
            colKey: 'name',
            title: '名称',
            width: 200,
            ellipsis: true,
            cell: ({ row }) => <NameWithWaiting name={row.name} waiting={row.picturesWaiting} />,
          },
          { colKey: 'town', title: '乡镇', width: 90 },
          { colKey: 'address', title: '地址', ellipsis: true },
          {
            colKey: 'source',
            title: '出处',
            width: 250,
            cell: ({ row }) => {
              const d = details.get(row.siteId);
              return (
                <ProvenanceCell
                  provenance={
                    d ? { source: d.source, illustrative: row.illustrative, note: d.illustrativeNote } : undefined
                  }
                />
              );
            },
          },
          { colKey: 'todayRemaining', title: '今日余量', width: 90 },
          {
            colKey: 'status',
            title: '状态',
            width: 160,
            cell: ({ row }) =>
              row.status === 'paused' ? (
                <Space size={4}>
                  <Tag theme="danger">暂停</Tag>
                  <span className="hint site-notice" title={row.notice ?? ''}>
                    {row.notice}
                  </span>
                </Space>
              ) : (
                <Tag theme="success">正常接种</Tag>
              ),
          },
          {
            colKey: 'op',
            title: '操作',
            width: access.editsPlaces ? 200 : 80,
            cell: ({ row }) => (
              <Space size={2}>
                {access.editsPlaces ? (
                  <>
                    <Button size="small" variant="text" theme="primary" onClick={() => void edit(row)}>
                      编辑
                    </Button>
                    <Button size="small" variant="text" theme="primary" onClick={() => setStatusOf(row)}>
                      状态公告
                    </Button>
                  </>
                ) : null}
                <Button size="small" variant="text" theme="primary" onClick={() => setSlotsOf(row)}>
                  时段
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {slotsOf && (
        <SiteSlots
          site={slotsOf}
          detail={details.get(slotsOf.siteId)}
          access={access}
          onClose={() => setSlotsOf(null)}
        />
      )}
      <FormDialog
        header={statusOf ? `「${statusOf.name}」的状态与公告` : '状态'}
        visible={statusOf !== null}
        onClose={() => setStatusOf(null)}
        form={statusForm}
        initial={{ status: statusOf?.status ?? 'open', notice: statusOf?.notice ?? '' }}
        onSubmit={async (v) => {
          await call('vaccine', 'setStatus', {
            siteId: statusOf!.siteId,
            status: fieldsOf(v).choice<Site['status']>('status'),
            notice: fieldsOf(v).optionalText('notice'),
          });
          paged.reload();
          return v.status === 'paused' ? '已暂停接种并发布公告' : '已恢复正常接种';
        }}
      >
        <FormItem label="状态" name="status" rules={[requiredPick('状态')]}>
          <Select
            options={[
              { value: 'open', label: '正常接种' },
              { value: 'paused', label: '暂停接种' },
            ]}
          />
        </FormItem>
        <FormItem
          label="公告"
          name="notice"
          rules={[
            {
              validator: (v: unknown) => status !== 'paused' || String(v ?? '').trim().length > 0,
              message: '暂停接种时请填写公告',
            },
            maxChars(100, '公告最多 100 个字'),
          ]}
        >
          <Textarea placeholder={status === 'paused' ? '例如：疫苗到货延迟，本周六暂停接种' : '恢复正常后公告会清空'} />
        </FormItem>
      </FormDialog>
      <FormDialog
        header={s ? `编辑「${s.name}」` : '新增接种点'}
        visible={editing !== null}
        onClose={() => setEditing(null)}
        form={form}
        width={700}
        className="site-dialog"
        initial={
          s
            ? {
                siteId: s.siteId,
                name: s.name,
                county: s.county,
                town: s.town,
                address: s.address,
                openHours: s.openHours ?? '',
                contact: s.contact ?? '',
                vaccines: vaccinesText(s.offers),
                branchName: s.volunteerBranch?.name ?? '',
                volunteers: s.volunteerBranch?.volunteers ?? 0,
                dailyCapacity: s.dailyCapacity ?? 0,
                cover: s.pictures[0] ?? '',
              }
            : { volunteers: 0, dailyCapacity: 0, vaccines: '' }
        }
        onSubmit={async (v) => {
          const vaccines = parseVaccines(String(v.vaccines ?? ''));
          if (typeof vaccines === 'string') throw new Error(vaccines);
          const f = fieldsOf(v);
          const saved = await call('vaccine', 'saveSite', {
            siteId: f.text('siteId'),
            name: f.text('name'),
            county: f.text('county'),
            town: f.text('town'),
            address: f.text('address'),
            openHours: f.optionalText('openHours'),
            contact: f.optionalText('contact'),
            vaccines,
            amenities: s?.amenities ?? [],
            volunteerBranch: { name: f.text('branchName'), volunteers: f.number('volunteers') },
            dailyCapacity: f.number('dailyCapacity'),
            ...(s?.location ? { location: s.location } : {}),
            pictures: coverPictures(f.text('cover'), s?.pictures),
          });
          paged.reload();
          return `已保存「${f.text('name')}」${heldNote(saved.heldPictures)}`;
        }}
      >
        <FormItem
          label="编号"
          name="siteId"
          rules={[required('编号'), { pattern: ID, message: '只能包含小写字母、数字和连字符' }]}
          help={s ? '编号不能修改' : '例如 vs-yf-10'}
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
        <FormItem label="县区" name="county" rules={[required('县区'), minChars(2, '县区至少 2 个字')]}>
          <Input />
        </FormItem>
        <FormItem label="乡镇" name="town" rules={[required('乡镇')]}>
          <Input />
        </FormItem>
        <FormItem
          label="地址"
          name="address"
          rules={[required('地址'), minChars(2, '地址至少 2 个字'), maxChars(100, '地址最多 100 个字')]}
        >
          <Input />
        </FormItem>
        <FormItem label="开放时间" name="openHours">
          <Input />
        </FormItem>
        <FormItem
          label="联系电话"
          name="contact"
          rules={[
            { validator: (v: unknown) => !v || /^[0-9-]{7,20}$/.test(String(v).trim()), message: '电话格式不正确' },
          ]}
        >
          <Input />
        </FormItem>
        <FormItem
          label="疫苗"
          name="vaccines"
          rules={[
            {
              validator: (v: unknown) => typeof parseVaccines(String(v ?? '')) !== 'string',
              message: '每行：编码,名称,厂家,剂次,间隔天数（剂次 1–5）',
            },
          ]}
          help="每行一种：编码,名称,厂家,剂次,间隔天数"
        >
          <Textarea autosize={{ minRows: 2, maxRows: 6 }} placeholder="flu,流感疫苗,华兰生物,1,0" />
        </FormItem>
        <FormItem
          label="志愿服务支部"
          name="branchName"
          rules={[required('志愿服务支部'), minChars(2, '至少 2 个字'), maxChars(40, '最多 40 个字')]}
        >
          <Input />
        </FormItem>
        <FormItem label="志愿者人数" name="volunteers" rules={templateRules.int(0, 10_000, '志愿者人数')}>
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem label="每日接种量" name="dailyCapacity" rules={templateRules.int(0, 100_000, '每日接种量')}>
          <InputNumber theme="normal" />
        </FormItem>
        <FormItem label="照片" name="cover" help="群众在接种点列表和详情里看到的第一张照片">
          <ImageUpload alt="接种点照片" />
        </FormItem>
      </FormDialog>
    </div>
  );
}
