/**
 * 通知公告 and 政治生日. A secretary publishes to their branch's members, a county admin to their county (members,
 * residents or both), the system admin to everyone; each notice can be pinned, given a last day or ended, and shows
 * how many have read it. 政治生日: a branch's birthdays of a month (for a 主题党日) and the 入党日期 a secretary enters.
 */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Checkbox } from 'tdesign-react/esm/checkbox';
import { DatePicker } from 'tdesign-react/esm/date-picker';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Tabs } from 'tdesign-react/esm/tabs';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import type { ActionOutput, ItemOf } from '../../../cloudfunctions/contract';
import { NOTICE_AUDIENCES, NOTICE_SCOPES, type NoticeAudience, type NoticeScope } from '../../../domain/notices/labels';
import { call, messageOf, newRequestId } from '../api';
import { useAccess } from '../access';
import { formatDateTime, shanghaiDate } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice, PagedTable, usePaged } from '../ui/paged';
import { MemberPicker, UnitSelect, useUnits } from '../ui/pickers';

const { FormItem } = Form;
type Managed = ItemOf<ActionOutput<'org', 'managedNotices'>>;
type Birthday = ActionOutput<'org', 'birthdays'>['items'][number];

const dayOfMs = (ms: number) => formatDateTime(ms).slice(0, 10);

function NoticesTab() {
  const access = useAccess();
  const { units } = useUnits();
  const paged = usePaged<Managed>((cursor) => call('org', 'managedNotices', { cursor, limit: 20 }), 'notices');
  const [open, setOpen] = useState(false);
  // One id per opening of the dialog: a repeated click or a retry publishes once.
  const [requestId, setRequestId] = useState(() => newRequestId('notice'));
  const [ending, setEnding] = useState<Managed | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useFormInstance();
  const [scope, setScope] = useState<NoticeScope>('branch');

  // What each role may publish to: a secretary their branch; a county admin their county; the system admin anything.
  const scopes: NoticeScope[] = access.secretary ? ['branch'] : access.countyAdmin ? ['county'] : ['all', 'county'];
  const initialScope = scopes[0]!;

  const act = async (row: Managed, run: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(row.noticeId);
    setError(null);
    try {
      await run();
      paged.reload();
      setEnding(null);
      void MessagePlugin.success(done);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <Space className="filters" align="center">
        <Button
          className="notices__publish"
          onClick={() => {
            setRequestId(newRequestId('notice'));
            setScope(initialScope);
            setOpen(true);
          }}
        >
          发布通知
        </Button>
        <span className="hint">党员会在小程序「消息」里收到通知；首页显示置顶和最新的通知。</span>
      </Space>
      <ErrorNotice message={error} title="操作失败" />
      <PagedTable<Managed>
        paged={paged}
        rowKey="noticeId"
        empty="还没有发布过通知"
        columns={[
          {
            colKey: 'title',
            title: '标题',
            cell: ({ row }) => (
              <span>
                {row.pinned ? (
                  <Tag theme="danger" variant="light" className="notice-row__pin">
                    置顶
                  </Tag>
                ) : null}{' '}
                {row.title}
              </span>
            ),
          },
          {
            colKey: 'scope',
            title: '发给',
            width: 200,
            cell: ({ row }) =>
              row.scope === 'branch'
                ? `${row.fromName}党员`
                : `${row.scope === 'all' ? '全系统' : row.fromName}${NOTICE_AUDIENCES[row.audience]}`,
          },
          { colKey: 'publishedAt', title: '发布时间', width: 150, cell: ({ row }) => formatDateTime(row.publishedAt) },
          {
            colKey: 'expiresAt',
            title: '截止',
            width: 120,
            cell: ({ row }) =>
              row.ended ? <Tag>已结束</Tag> : row.expiresAt ? `${dayOfMs(row.expiresAt - 1)} 止` : '长期',
          },
          { colKey: 'readCount', title: '已读人数', width: 90, cell: ({ row }) => `${row.readCount} 人` },
          {
            colKey: 'actions',
            title: '操作',
            width: 180,
            cell: ({ row }) =>
              row.ended ? null : (
                <Space>
                  <Button
                    size="small"
                    variant="text"
                    className="notice-row__pin-button"
                    loading={busy === row.noticeId}
                    onClick={() =>
                      void act(
                        row,
                        () => call('org', 'pinNotice', { noticeId: row.noticeId, pinned: !row.pinned }),
                        row.pinned ? '已取消置顶' : '已置顶',
                      )
                    }
                  >
                    {row.pinned ? '取消置顶' : '置顶'}
                  </Button>
                  <Button
                    size="small"
                    variant="text"
                    theme="danger"
                    className="notice-row__end"
                    onClick={() => setEnding(row)}
                  >
                    结束
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormDialog
        header="发布通知"
        visible={open}
        onClose={() => setOpen(false)}
        form={form}
        confirmText="发布"
        width={640}
        initial={{ scope: initialScope, audience: 'members', pinned: false }}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const chosen = f.choice<NoticeScope>('scope');
          const countyUnit = units.find((u) => u.unitId === f.text('countyUnit'));
          const r = await call('org', 'publishNotice', {
            title: f.text('title'),
            body: f.text('body'),
            scope: chosen,
            county: chosen === 'county' && access.systemAdmin ? countyUnit?.county : undefined,
            audience: chosen === 'branch' ? 'members' : f.choice<NoticeAudience>('audience'),
            pinned: v.pinned === true,
            expiresOn: f.optionalText('expiresOn') ?? null,
            requestId,
          });
          paged.reload();
          return r.told > 0 ? `已发布，已通知 ${r.told} 名党员` : '已发布';
        }}
      >
        <FormItem label="标题" name="title" rules={[required('标题'), maxChars(40, '标题最多 40 个字')]}>
          <Input placeholder="例如：本周五下午召开支部党员大会" />
        </FormItem>
        <FormItem label="正文" name="body" rules={[required('正文'), maxChars(2000, '正文最多 2000 个字')]}>
          <Textarea autosize={{ minRows: 5, maxRows: 12 }} />
        </FormItem>
        <FormItem label="发布范围" name="scope" rules={[requiredPick('发布范围')]}>
          <Select
            disabled={scopes.length === 1}
            onChange={(v) => setScope(v as NoticeScope)}
            options={scopes.map((s) => ({
              value: s,
              label:
                s === 'branch' && access.secretary
                  ? `本支部党员（${access.me.scope.unitName}）`
                  : s === 'county' && access.countyAdmin
                    ? `本县（市、区）：${access.me.scope.unitName}`
                    : NOTICE_SCOPES[s],
            }))}
          />
        </FormItem>
        {scope === 'county' && access.systemAdmin ? (
          <FormItem label="县（市、区）" name="countyUnit" rules={[requiredPick('县（市、区）')]}>
            <UnitSelect kinds={['county']} placeholder="选择县（市、区）" />
          </FormItem>
        ) : null}
        {scope === 'branch' ? null : (
          <FormItem label="发给" name="audience" rules={[requiredPick('发给谁')]}>
            <Select
              options={(Object.keys(NOTICE_AUDIENCES) as NoticeAudience[]).map((a) => ({
                value: a,
                label: NOTICE_AUDIENCES[a],
              }))}
            />
          </FormItem>
        )}
        <FormItem label="截止日期" name="expiresOn" help="最后显示的一天；不填则一直显示，直到结束它">
          <DatePicker format="YYYY-MM-DD" valueType="YYYY-MM-DD" clearable />
        </FormItem>
        <FormItem label="置顶" name="pinned">
          <Checkbox>在首页和通知列表中置顶</Checkbox>
        </FormItem>
      </FormDialog>
      <Dialog
        header={ending ? `结束通知「${ending.title}」` : '结束通知'}
        visible={ending !== null}
        onClose={() => setEnding(null)}
        confirmBtn={{
          content: '确认结束',
          theme: 'danger',
          loading: busy !== null,
          disabled: busy !== null,
          className: 'notice-end__confirm',
        }}
        onConfirm={() =>
          void (ending && act(ending, () => call('org', 'endNotice', { noticeId: ending.noticeId }), '已结束'))
        }
        width={460}
      >
        <p>结束后「{ending?.title}」不再出现在首页和通知列表中；已读人数和已发出的消息仍保留。</p>
      </Dialog>
    </div>
  );
}

/** This month and the next five, 'YYYY-MM', from today in Shanghai. */
function months(): string[] {
  const today = shanghaiDate().slice(0, 7);
  const [y, m] = today.split('-').map(Number) as [number, number];
  return [0, 1, 2, 3, 4, 5].map((i) => {
    const n = y * 12 + (m - 1) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

function BirthdaysTab() {
  const access = useAccess();
  const choices = months();
  const [month, setMonth] = useState(choices[0]!);
  const [branchId, setBranchId] = useState(access.secretary ? (access.me.scope.unitId ?? '') : '');
  const paged = usePaged<Birthday>(
    async () =>
      branchId
        ? {
            items: (await call('org', 'birthdays', { month, branchId })).items,
            nextCursor: null,
          }
        : { items: [], nextCursor: null },
    `${month}|${branchId}`,
  );
  const [open, setOpen] = useState(false);
  const form = useFormInstance();
  return (
    <div>
      <Space className="filters" align="center">
        {access.secretary ? null : (
          <UnitSelect
            className="birthdays__branch"
            kinds={['branch']}
            value={branchId}
            onChange={setBranchId}
            placeholder="选择党支部"
          />
        )}
        <Select
          className="birthdays__month"
          value={month}
          onChange={(v) => setMonth(String(v))}
          options={choices.map((m) => ({ value: m, label: `${m.slice(0, 4)}年${Number(m.slice(5))}月` }))}
        />
        <Button className="birthdays__set" variant="outline" onClick={() => setOpen(true)}>
          登记入党日期
        </Button>
        <span className="hint">
          党员在入党纪念日早上 8 点收到政治生日贺卡；入党日期只有本人、支部书记和管理员能看到。
        </span>
      </Space>
      <PagedTable<Birthday>
        paged={paged}
        rowKey="openid"
        empty={branchId ? '这个月没有党员过政治生日' : '请先选择党支部'}
        columns={[
          { colKey: 'nickname', title: '党员' },
          { colKey: 'day', title: '政治生日', width: 140 },
          { colKey: 'joinDate', title: '入党日期', width: 140 },
          { colKey: 'years', title: '党龄', width: 120, cell: ({ row }) => `入党 ${row.years} 周年` },
        ]}
      />
      <FormDialog
        header="登记入党日期"
        visible={open}
        onClose={() => setOpen(false)}
        form={form}
        confirmText="保存入党日期"
        width={560}
        onSubmit={async (v) => {
          const f = fieldsOf(v);
          const r = await call('org', 'setJoinDate', { openid: f.text('openid'), joinDate: f.text('joinDate') });
          paged.reload();
          return `已保存入党日期 ${r.joinDate ?? ''}`;
        }}
      >
        <FormItem label="党员" name="openid" rules={[requiredPick('党员')]}>
          <MemberPicker />
        </FormItem>
        <FormItem label="入党日期" name="joinDate" rules={[requiredPick('入党日期')]} help="每次修改都记入操作日志">
          <DatePicker format="YYYY-MM-DD" valueType="YYYY-MM-DD" />
        </FormItem>
      </FormDialog>
    </div>
  );
}

export default function NoticesPage() {
  const [tab, setTab] = useState<string | number>('notices');
  return (
    <div className="page notices-page">
      <Tabs
        value={tab}
        onChange={setTab}
        list={[
          { value: 'notices', label: '通知公告', panel: <NoticesTab /> },
          { value: 'birthdays', label: '政治生日', panel: <BirthdaysTab /> },
        ]}
      />
    </div>
  );
}
