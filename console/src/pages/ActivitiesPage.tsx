/** 积分细则与活动: the rules (read-only: the backend has no action that edits them) and activities with their check-in QR. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tabs } from 'tdesign-react/esm/tabs';
import { Tag } from 'tdesign-react/esm/tag';
import { call, newRequestId, type Activity, type Rule } from '../api';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice, PagedTable, useAll, usePaged } from '../ui/paged';
import { UnitSelect } from '../ui/pickers';
import { useAccess } from '../access';
import { QrImage } from '../ui/qr';

const { FormItem } = Form;
const STATE: Record<string, { label: string; theme: 'primary' | 'success' | 'default' }> = {
  upcoming: { label: '未开始', theme: 'primary' },
  open: { label: '可签到', theme: 'success' },
  ended: { label: '已结束', theme: 'default' },
};
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

function RulesTab() {
  const rules = useAll(async () => (await call('points', 'rules')).items, 'rules');
  const [category, setCategory] = useState('');
  const categories = [...new Set(rules.items.map((r) => r.category))];
  return (
    <div>
      <Space className="filters" align="center">
        <Select
          className="filters__category"
          value={category}
          onChange={(v) => setCategory(String(v ?? ''))}
          clearable
          placeholder="全部类别"
          options={categories.map((c) => ({ value: c, label: c }))}
        />
        <span className="hint">积分细则目前只读：后端尚无修改细则的操作。</span>
      </Space>
      <ErrorNotice message={rules.error} title="加载失败" />
      <Table<Rule>
        rowKey="ruleId"
        size="small"
        hover
        loading={rules.loading}
        data={rules.items.filter((r) => !category || r.category === category)}
        empty="没有积分细则"
        pagination={{ defaultPageSize: 15 }}
        columns={[
          { colKey: 'name', title: '细则' },
          { colKey: 'category', title: '类别', width: 120 },
          { colKey: 'points', title: '积分', width: 80 },
          {
            colKey: 'cap',
            title: '上限',
            width: 120,
            cell: ({ row }) => (row.cap ? `${row.cap.period === 'day' ? '每日' : '每月'} ${row.cap.max} 分` : '不限'),
          },
          { colKey: 'description', title: '说明', ellipsis: true },
        ]}
      />
    </div>
  );
}

function ActivitiesTab() {
  const access = useAccess();
  // An activity open to every branch is the system admin's (points.publishActivity's scope); a secretary publishes
  // for their own branch, a county admin for a branch of their county.
  const ownBranch = access.secretary ? access.me.scope.unitId : null;
  const paged = usePaged<Activity>((cursor) => call('points', 'activities', { cursor, limit: 20 }), 'activities');
  const rules = useAll(async () => (await call('points', 'rules')).items, 'rules');
  const [open, setOpen] = useState(false);
  // One id per opening of the dialog: a repeated click or a retry publishes once.
  const [requestId, setRequestId] = useState(() => newRequestId('activity'));
  const [published, setPublished] = useState<{ title: string; place: string; start: string; code: string } | null>(
    null,
  );
  const form = useFormInstance();

  return (
    <div>
      <Space className="filters">
        <Button
          className="activities__publish"
          onClick={() => {
            setRequestId(newRequestId('activity'));
            setOpen(true);
          }}
        >
          发布活动
        </Button>
        <span className="hint">签到码只在发布时显示，请当场打印或保存。</span>
      </Space>
      <PagedTable<Activity>
        paged={paged}
        rowKey="activityId"
        empty="没有未结束的活动"
        columns={[
          { colKey: 'title', title: '活动' },
          { colKey: 'place', title: '地点', cell: ({ row }) => row.place || '—' },
          { colKey: 'start', title: '开始', width: 150, cell: ({ row }) => formatDateTime(row.start) },
          { colKey: 'end', title: '结束', width: 150, cell: ({ row }) => formatDateTime(row.end) },
          {
            colKey: 'ruleId',
            title: '细则',
            cell: ({ row }) => rules.items.find((r) => r.ruleId === row.ruleId)?.name ?? row.ruleId,
          },
          {
            colKey: 'state',
            title: '状态',
            width: 90,
            cell: ({ row }) => (
              <Tag theme={STATE[row.state]?.theme ?? 'default'}>{STATE[row.state]?.label ?? row.state}</Tag>
            ),
          },
        ]}
      />
      <FormDialog
        header="发布活动"
        visible={open}
        onClose={() => setOpen(false)}
        form={form}
        confirmText="发布并生成签到码"
        width={620}
        initial={ownBranch ? { branchId: ownBranch } : undefined}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const r = await call('points', 'publishActivity', {
            title: f.text('title'),
            ruleId: f.text('ruleId'),
            branchId: f.optionalText('branchId'),
            place: f.text('place'),
            start: f.text('start'),
            end: f.text('end'),
            requestId,
          });
          paged.reload();
          setPublished({
            title: String(v.title).trim(),
            place: String(v.place ?? ''),
            start: String(v.start),
            code: r.code,
          });
          return `已发布，签到码 ${r.code}`;
        }}
      >
        <FormItem
          label="活动名称"
          name="title"
          rules={[required('活动名称'), minChars(2, '活动名称至少 2 个字'), maxChars(60, '活动名称最多 60 个字')]}
        >
          <Input placeholder="例如：主题党日 · 社区环境整治" />
        </FormItem>
        <FormItem label="积分细则" name="ruleId" rules={[requiredPick('积分细则')]}>
          <Select
            filterable
            options={rules.items.map((r) => ({ value: r.ruleId, label: `${r.name}（${r.points} 分）` }))}
            placeholder={rules.error ?? '选择签到后获得积分的细则'}
          />
        </FormItem>
        <FormItem
          label="党支部"
          name="branchId"
          rules={access.systemAdmin ? [] : [requiredPick('党支部')]}
          help={ownBranch ? `本支部：${access.me.scope.unitName}` : undefined}
        >
          <UnitSelect
            kinds={['branch']}
            clearable={access.systemAdmin}
            placeholder={access.systemAdmin ? '不限支部' : '选择党支部'}
            disabled={Boolean(ownBranch)}
          />
        </FormItem>
        <FormItem label="地点" name="place" rules={[maxChars(100, '地点最多 100 个字')]}>
          <Input />
        </FormItem>
        <FormItem
          label="开始时间"
          name="start"
          rules={[required('开始时间'), { pattern: DATE_TIME, message: '时间格式应为 YYYY-MM-DD HH:mm' }]}
        >
          <DatePicker enableTimePicker format="YYYY-MM-DD HH:mm" valueType="YYYY-MM-DD HH:mm" />
        </FormItem>
        <FormItem
          label="结束时间"
          name="end"
          rules={[
            required('结束时间'),
            { pattern: DATE_TIME, message: '时间格式应为 YYYY-MM-DD HH:mm' },
            {
              validator: (v: unknown) =>
                !form.getFieldValue('start') || String(v) > String(form.getFieldValue('start')),
              message: '结束时间必须晚于开始时间',
            },
          ]}
        >
          <DatePicker enableTimePicker format="YYYY-MM-DD HH:mm" valueType="YYYY-MM-DD HH:mm" />
        </FormItem>
      </FormDialog>
      <Dialog
        header="活动签到码"
        visible={published !== null}
        onClose={() => setPublished(null)}
        cancelBtn={{ content: '关闭' }}
        confirmBtn={{ content: '打印', onClick: () => window.print() }}
        width={440}
        className="activity-qr-dialog"
      >
        {published && (
          <div className="print-area activity-qr">
            <h2>{published.title}</h2>
            <div className="hint">
              {published.start}
              {published.place ? ` · ${published.place}` : ''}
            </div>
            <QrImage text={published.code} size={240} />
            <div className="activity-qr__code">
              签到码 <strong className="activity-qr__value">{published.code}</strong>
            </div>
            <div className="hint">党员在小程序「积分 → 签到」扫码或输入签到码</div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

export default function ActivitiesPage() {
  const [tab, setTab] = useState<string | number>('activities');
  return (
    <div className="page activities-page">
      <Tabs
        value={tab}
        onChange={setTab}
        list={[
          { value: 'activities', label: '活动与签到码', panel: <ActivitiesTab /> },
          { value: 'rules', label: '积分细则', panel: <RulesTab /> },
        ]}
      />
    </div>
  );
}
