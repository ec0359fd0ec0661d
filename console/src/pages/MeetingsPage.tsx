/** 三会一课: a branch's meetings (planned, held with attendance, cancelled), planning one, and the branch's 联系点. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Card } from 'tdesign-react/esm/card';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import type { ActionOutput, ItemOf } from '../../../cloudfunctions/contract';
import { MEETING_TYPES, type MeetingType } from '../../../domain/meetings/labels';
import { call, messageOf, newRequestId } from '../api';
import { useAccess } from '../access';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, minChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice } from '../ui/notice';
import { useAll } from '../ui/paged';
import { MemberPicker, UnitSelect } from '../ui/pickers';
import { QrImage } from '../ui/qr';

type Meeting = ItemOf<ActionOutput<'points', 'branchMeetings'>>;
type Liaison = ItemOf<ActionOutput<'points', 'liaisons'>>;
const { FormItem } = Form;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const THEME = { planned: 'primary', held: 'success', cancelled: 'default' } as const;

function Liaisons({ branchId, canLink }: { branchId: string; canLink: boolean }) {
  const list = useAll(async () => (await call('points', 'liaisons', { branchId })).items, `liaisons:${branchId}`);
  const [openid, setOpenid] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Liaison | null>(null);
  const act = async (action: 'linkLiaison' | 'unlinkLiaison', who: string) => {
    setBusy(true);
    setError(null);
    try {
      await call('points', action, { branchId, openid: who });
      setOpenid('');
      list.reload();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="联系点" className="meetings__liaisons" bordered>
      <p className="hint">联系这个党支部的同志：列席支部的会议时用签到码签到，会议记录里记为列席。</p>
      <ErrorNotice message={error ?? list.error} />
      <Table<Liaison>
        rowKey="openid"
        size="small"
        loading={list.loading}
        data={list.items}
        empty="还没有联系点"
        columns={[
          { colKey: 'name', title: '姓名' },
          { colKey: 'linkedAt', title: '设为联系点', width: 160, cell: ({ row }) => formatDateTime(row.linkedAt) },
          ...(canLink
            ? [
                {
                  colKey: 'op',
                  title: '',
                  width: 100,
                  cell: ({ row }: { row: Liaison }) => (
                    <Button
                      variant="text"
                      theme="danger"
                      disabled={busy}
                      className="meetings__unlink"
                      onClick={() => setRemoving(row)}
                    >
                      取消
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canLink ? (
        <Space className="meetings__link" align="center">
          <MemberPicker value={openid} onChange={setOpenid} className="meetings__link-who" />
          <Button
            disabled={!openid || busy}
            onClick={() => void act('linkLiaison', openid)}
            className="meetings__link-add"
          >
            设为联系点
          </Button>
        </Space>
      ) : null}
      <Dialog
        header="取消联系点"
        visible={removing !== null}
        onClose={() => setRemoving(null)}
        confirmBtn={{ content: '取消联系点', className: 'meetings__unlink-confirm' }}
        cancelBtn="不取消"
        onConfirm={() => {
          if (removing) void act('unlinkLiaison', removing.openid);
          setRemoving(null);
        }}
      >
        {removing ? `「${removing.name}」将不再是这个党支部的联系点，已记录的列席不变。` : null}
      </Dialog>
    </Card>
  );
}

export default function MeetingsPage() {
  const access = useAccess();
  const own = access.secretary ? access.me.scope.unitId : null;
  const [branchId, setBranchId] = useState<string>(own ?? '');
  const meetings = useAll(
    async () => (branchId ? (await call('points', 'branchMeetings', { branchId })).items : []),
    `meetings:${branchId}`,
  );
  const [open, setOpen] = useState(false);
  const [requestId, setRequestId] = useState(() => newRequestId('meeting'));
  const [planned, setPlanned] = useState<{ title: string; code: string } | null>(null);
  const form = useFormInstance();

  return (
    <div className="meetings">
      <Space className="filters" align="center">
        <UnitSelect
          kinds={['branch']}
          value={branchId || undefined}
          onChange={setBranchId}
          disabled={Boolean(own)}
          placeholder="选择党支部"
          className="meetings__branch"
        />
        <Button
          className="meetings__plan"
          disabled={!branchId}
          onClick={() => {
            setRequestId(newRequestId('meeting'));
            setOpen(true);
          }}
        >
          安排会议
        </Button>
        <span className="hint">党员收到会议通知，会前 24 小时和 1 小时再提醒；会后在小程序里记录会议和照片。</span>
      </Space>
      <ErrorNotice message={meetings.error} title="加载失败" />
      <Table<Meeting>
        rowKey="meetingId"
        size="small"
        hover
        loading={meetings.loading}
        data={meetings.items}
        empty={branchId ? '这个党支部还没有会议' : '请先选择党支部'}
        pagination={{ defaultPageSize: 15 }}
        columns={[
          { colKey: 'typeName', title: '类型', width: 130 },
          { colKey: 'title', title: '主题' },
          { colKey: 'startAt', title: '时间', width: 160, cell: ({ row }) => formatDateTime(row.startAt) },
          { colKey: 'place', title: '地点', ellipsis: true },
          {
            colKey: 'status',
            title: '状态',
            width: 90,
            cell: ({ row }) => <Tag theme={THEME[row.status]}>{row.statusName}</Tag>,
          },
          {
            colKey: 'attendance',
            title: '出勤（出席/请假/缺席）',
            width: 190,
            cell: ({ row }) =>
              row.status === 'held'
                ? `${row.presentCount} / ${row.leaveCount} / ${row.absentCount}（应到 ${row.expectedCount}）`
                : `应到 ${row.expectedCount}`,
          },
        ]}
      />
      {branchId ? <Liaisons branchId={branchId} canLink={access.me.role === 'admin'} /> : null}
      <FormDialog
        header="安排会议"
        visible={open}
        onClose={() => setOpen(false)}
        form={form}
        confirmText="安排并通知党员"
        width={620}
        initial={{ type: 'general' }}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const r = await call('points', 'planMeeting', {
            type: f.choice<MeetingType>('type'),
            title: f.text('title'),
            agenda: f.text('agenda'),
            place: f.text('place'),
            start: f.text('start'),
            end: f.text('end'),
            branchId,
            requestId,
          });
          meetings.reload();
          setPlanned({ title: f.text('title'), code: r.code });
          return '已安排，已通知支部全体党员';
        }}
      >
        <FormItem label="会议类型" name="type" rules={[requiredPick('会议类型')]}>
          <Select options={Object.entries(MEETING_TYPES).map(([value, label]) => ({ value, label }))} />
        </FormItem>
        <FormItem
          label="会议主题"
          name="title"
          rules={[required('会议主题'), minChars(2, '主题至少 2 个字'), maxChars(40, '主题最多 40 个字')]}
        >
          <Input placeholder="例如：学习贯彻全会精神" />
        </FormItem>
        <FormItem label="议程" name="agenda" rules={[maxChars(500, '议程最多 500 个字')]}>
          <Textarea autosize={{ minRows: 3 }} />
        </FormItem>
        <FormItem label="地点" name="place" rules={[required('地点'), maxChars(60, '地点最多 60 个字')]}>
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
        header="会议已安排"
        visible={planned !== null}
        onClose={() => setPlanned(null)}
        cancelBtn={null}
        confirmBtn="知道了"
        onConfirm={() => setPlanned(null)}
      >
        {planned ? (
          <div className="meetings__code">
            <p>「{planned.title}」的签到码，请在会场展示（会前 10 分钟起可签到）：</p>
            <QrImage text={planned.code} />
            <p className="meetings__code-text">{planned.code}</p>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
