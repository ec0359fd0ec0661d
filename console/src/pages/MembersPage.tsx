/** 党员与加入支部申请: members by unit and keyword (move, role), applications (approve/reject), roster import. */
import { useRef, useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Form } from 'tdesign-react/esm/form';
import { Input } from 'tdesign-react/esm/input';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { Tabs } from 'tdesign-react/esm/tabs';
import { Tag } from 'tdesign-react/esm/tag';
import { Textarea } from 'tdesign-react/esm/textarea';
import {
  call,
  messageOf,
  roleLabel,
  type Application,
  type ApplicationStatus,
  type Member,
  type RosterImport,
} from '../api';
import { downloadBase64, fileToBase64 } from '../ui/files';
import { formatDateTime } from '../ui/format';
import { fieldsOf, FormDialog, maxChars, required, requiredPick, useFormInstance } from '../ui/form';
import { ErrorNotice, PagedTable, usePaged } from '../ui/paged';
import { UnitSelect } from '../ui/pickers';
import { useAccess } from '../access';

const { FormItem } = Form;
const STATUS: Record<ApplicationStatus, { label: string; theme: 'warning' | 'success' | 'danger' | 'default' }> = {
  pending: { label: '待审批', theme: 'warning' },
  approved: { label: '已通过', theme: 'success' },
  rejected: { label: '已拒绝', theme: 'danger' },
};
const APPLICATION_STATUSES: ApplicationStatus[] = ['pending', 'approved', 'rejected'];

function MembersTab() {
  // Moving a member between branches is an admin's (org.moveMember); a secretary reads and imports their branch.
  const moves = useAccess().me.role === 'admin';
  const [unitId, setUnitId] = useState('');
  const [keywordInput, setKeywordInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const paged = usePaged<Member>(
    (cursor) =>
      call('org', 'members', { unitId: unitId || undefined, keyword: keyword || undefined, cursor, limit: 20 }),
    `${unitId}|${keyword}`,
  );
  const [moving, setMoving] = useState<Member | null>(null);
  const [importing, setImporting] = useState(false);
  const moveForm = useFormInstance();

  return (
    <div className="members-tab">
      <Space className="filters" align="center">
        <UnitSelect className="filters__unit" value={unitId} onChange={setUnitId} clearable placeholder="全部组织" />
        <Input
          className="filters__keyword"
          value={keywordInput}
          onChange={(v) => setKeywordInput(String(v))}
          onEnter={() => setKeyword(keywordInput.trim())}
          placeholder="姓名或昵称"
          clearable
          onClear={() => setKeyword('')}
        />
        <Button onClick={() => setKeyword(keywordInput.trim())}>搜索</Button>
        <Button className="members-tab__import" variant="outline" onClick={() => setImporting(true)}>
          导入花名册
        </Button>
      </Space>
      <PagedTable<Member>
        paged={paged}
        rowKey="openid"
        empty="没有符合条件的成员"
        columns={[
          { colKey: 'realName', title: '姓名', cell: ({ row }) => row.realName || '—' },
          { colKey: 'nickname', title: '昵称' },
          { colKey: 'role', title: '角色', cell: ({ row }) => roleLabel(row.role) },
          { colKey: 'branchName', title: '所在支部', cell: ({ row }) => row.branchName || '—' },
          { colKey: 'balance', title: '积分', width: 80 },
          ...(moves
            ? [
                {
                  colKey: 'op',
                  title: '操作',
                  width: 100,
                  cell: ({ row }: { row: Member }) => (
                    <Button size="small" variant="text" theme="primary" onClick={() => setMoving(row)}>
                      调动支部
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDialog
        header={moving ? `调动「${moving.realName || moving.nickname}」到其他支部` : '调动支部'}
        visible={moving !== null}
        onClose={() => setMoving(null)}
        form={moveForm}
        confirmText="确认调动"
        onSubmit={async (v) => {
          await call('org', 'moveMember', { openid: moving!.openid, branchId: fieldsOf(v).text('branchId') });
          paged.reload();
          return '已调动，积分台账随人保留';
        }}
      >
        <FormItem label="调入支部" name="branchId" rules={[requiredPick('调入的党支部')]}>
          <UnitSelect kinds={['branch']} placeholder="选择党支部" />
        </FormItem>
      </FormDialog>
      <ImportDialog
        visible={importing}
        onClose={() => {
          setImporting(false);
          paged.reload();
        }}
      />
    </div>
  );
}

/** Roster import: pick a branch and an .xlsx; rows are reported one by one; importing twice changes nothing. */
function ImportDialog({ visible, onClose }: { visible: boolean; onClose(): void }) {
  const [branchId, setBranchId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'branch' | 'file' | 'form'; text: string } | null>(null);
  const [result, setResult] = useState<RosterImport | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function run() {
    if (busy) return;
    if (!branchId) return setError({ field: 'branch', text: '请选择要导入的党支部' });
    if (!file) return setError({ field: 'file', text: '请选择花名册文件（.xlsx）' });
    if (!file.name.toLowerCase().endsWith('.xlsx')) return setError({ field: 'file', text: '只能导入 .xlsx 文件' });
    if (file.size > 40 * 1024) return setError({ field: 'file', text: '文件超过 40 KB，请分批导入' });
    setBusy(true);
    setError(null);
    try {
      setResult(await call('org', 'importRoster', { branchId, fileBase64: await fileToBase64(file) }));
    } catch (e) {
      setError({ field: 'form', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  async function template() {
    try {
      const t = await call('org', 'rosterTemplate');
      downloadBase64(t.filename, t.base64);
    } catch (e) {
      void MessagePlugin.error(messageOf(e));
    }
  }

  return (
    <Dialog
      header="导入支部花名册"
      visible={visible}
      width={640}
      className="import-dialog"
      onClose={() => {
        setResult(null);
        setFile(null);
        setError(null);
        onClose();
      }}
      confirmBtn={{ content: '开始导入', loading: busy, disabled: busy, className: 'import-dialog__run' }}
      cancelBtn={{ content: '关闭', disabled: busy }}
      onConfirm={() => void run()}
      closeOnOverlayClick={false}
    >
      <p className="hint">
        同一个人再次导入不会重复添加；名单中的人通过邀请申请加入时，申请标注「与花名册一致」，核对后一键通过。
        名单上的入党日期（可不填）在通过后成为该党员的入党日期，不覆盖书记已填写的日期。
        <Button variant="text" theme="primary" onClick={() => void template()}>
          下载模板
        </Button>
      </p>
      <Form labelWidth={96} colon={false}>
        <FormItem
          label="党支部"
          status={error?.field === 'branch' ? 'error' : undefined}
          tips={error?.field === 'branch' ? error.text : undefined}
        >
          <UnitSelect
            className="import-dialog__branch"
            kinds={['branch']}
            value={branchId}
            onChange={(v) => {
              setBranchId(v);
              setError(null);
            }}
            placeholder="选择党支部"
          />
        </FormItem>
        <FormItem
          label="花名册"
          status={error?.field === 'file' ? 'error' : undefined}
          tips={error?.field === 'file' ? error.text : undefined}
        >
          <Space align="center">
            <Button variant="outline" onClick={() => input.current?.click()}>
              选择文件
            </Button>
            <span className="import-dialog__file">{file ? file.name : '未选择'}</span>
          </Space>
        </FormItem>
      </Form>
      {/* Outside the form: a form item hands its children a value, which a file input cannot take. */}
      <input
        ref={input}
        className="import-dialog__input"
        type="file"
        accept=".xlsx"
        hidden
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setResult(null);
          setError(null);
        }}
      />
      <ErrorNotice message={error?.field === 'form' ? error.text : null} title="导入失败" />
      {result && (
        <div className="import-result">
          <p className="import-result__summary">
            新增 {result.added} 人，{result.dated > 0 ? `补填入党日期 ${result.dated} 人，` : ''}未变化{' '}
            {result.unchanged} 人，{result.errors.length} 行有问题
          </p>
          {result.errors.length > 0 && (
            <Table
              rowKey="row"
              size="small"
              data={result.errors}
              maxHeight={200}
              columns={[
                { colKey: 'row', title: '行号', width: 80 },
                { colKey: 'reason', title: '原因' },
              ]}
            />
          )}
        </div>
      )}
    </Dialog>
  );
}

function ApplicationsTab() {
  const [status, setStatus] = useState<ApplicationStatus | ''>('pending');
  const [branchId, setBranchId] = useState('');
  const paged = usePaged<Application>(
    (cursor) => call('org', 'applications', { status: status || undefined, branchId: branchId || undefined, cursor }),
    `${status}|${branchId}`,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Application | null>(null);
  const rejectForm = useFormInstance();

  async function approve(a: Application) {
    if (busyId) return;
    setBusyId(a.applicationId);
    try {
      await call('org', 'review', { applicationId: a.applicationId, decision: 'approve' });
      void MessagePlugin.success(`已通过「${a.realName}」的申请，角色改为党员`);
      paged.reload();
    } catch (e) {
      void MessagePlugin.error(messageOf(e));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="applications-tab">
      <Space className="filters" align="center">
        <Select
          className="filters__status"
          value={status}
          onChange={(v) => setStatus(APPLICATION_STATUSES.find((s) => s === v) ?? '')}
          clearable
          placeholder="全部状态"
          options={APPLICATION_STATUSES.map((value) => ({ value, label: STATUS[value].label }))}
        />
        <UnitSelect
          className="filters__unit"
          kinds={['branch']}
          value={branchId}
          onChange={setBranchId}
          clearable
          placeholder="全部支部"
        />
      </Space>
      <PagedTable<Application>
        paged={paged}
        rowKey="applicationId"
        empty={status === 'pending' ? '没有待审批的申请' : '没有符合条件的申请'}
        columns={[
          { colKey: 'realName', title: '姓名' },
          { colKey: 'phoneMasked', title: '手机' },
          { colKey: 'branchName', title: '申请加入' },
          { colKey: 'createdAt', title: '申请时间', cell: ({ row }) => formatDateTime(row.createdAt) },
          {
            colKey: 'status',
            title: '状态',
            cell: ({ row }) => (
              <Space size={4}>
                <Tag theme={STATUS[row.status]?.theme ?? 'default'}>{STATUS[row.status]?.label ?? row.status}</Tag>
                {row.matchedRoster ? (
                  <Tag theme="success" variant="light">
                    与花名册一致
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            colKey: 'op',
            title: '操作',
            width: 150,
            cell: ({ row }) =>
              row.status === 'pending' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    className="application__approve"
                    loading={busyId === row.applicationId}
                    disabled={busyId !== null}
                    onClick={() => void approve(row)}
                  >
                    通过
                  </Button>
                  <Button
                    size="small"
                    variant="outline"
                    theme="danger"
                    disabled={busyId !== null}
                    onClick={() => setRejecting(row)}
                  >
                    拒绝
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <FormDialog
        header={rejecting ? `拒绝「${rejecting.realName}」的申请` : '拒绝申请'}
        visible={rejecting !== null}
        onClose={() => setRejecting(null)}
        form={rejectForm}
        confirmText="确认拒绝"
        onSubmit={async (v) => {
          await call('org', 'review', {
            applicationId: rejecting!.applicationId,
            decision: 'reject',
            reason: String(v.reason).trim(),
          });
          paged.reload();
          return '已拒绝该申请';
        }}
      >
        <FormItem label="原因" name="reason" rules={[required('拒绝原因'), maxChars(100, '原因最多 100 个字')]}>
          <Textarea placeholder="申请人会看到这条原因" />
        </FormItem>
      </FormDialog>
    </div>
  );
}

export default function MembersPage() {
  const [tab, setTab] = useState<string | number>('members');
  return (
    <div className="page members-page">
      <Tabs
        value={tab}
        onChange={setTab}
        list={[
          { value: 'members', label: '党员名册', panel: <MembersTab /> },
          { value: 'applications', label: '加入支部申请', panel: <ApplicationsTab /> },
        ]}
      />
    </div>
  );
}
