/** 操作日志: every staff and admin action, searchable by who, what, which document and when; exported to Excel. */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { DateRangePicker } from 'tdesign-react/esm/date-picker';
import { Dialog } from 'tdesign-react/esm/dialog';
import { Input } from 'tdesign-react/esm/input';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Space } from 'tdesign-react/esm/space';
import { Tag } from 'tdesign-react/esm/tag';
import { call, messageOf, roleLabel, type AuditEntry } from '../api';
import { downloadBase64 } from '../ui/files';
import { formatDateTime, preview, shanghaiDate } from '../ui/format';
import { PagedTable, usePaged } from '../ui/paged';

interface Filters {
  actor: string;
  action: string;
  targetId: string;
  range: string[];
}
const EMPTY: Filters = { actor: '', action: '', targetId: '', range: [] };

export default function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const [exporting, setExporting] = useState(false);
  const paged = usePaged<AuditEntry>(
    (cursor) =>
      call('admin', 'audit', {
        actor: filters.actor || undefined,
        operation: filters.action || undefined,
        targetId: filters.targetId || undefined,
        from: filters.range[0] || undefined,
        to: filters.range[1] || undefined,
        cursor,
      }),
    JSON.stringify(filters),
  );
  const set = (k: keyof Filters) => (v: unknown) =>
    setDraft((d) => ({ ...d, [k]: k === 'range' ? (v as string[]) : String(v ?? '') }));
  const search = () =>
    setFilters({ ...draft, actor: draft.actor.trim(), action: draft.action.trim(), targetId: draft.targetId.trim() });

  async function exportXlsx() {
    if (exporting) return;
    const [from = shanghaiDate(-30), to = shanghaiDate()] = filters.range.length === 2 ? filters.range : [];
    setExporting(true);
    try {
      const file = await call('admin', 'auditExport', { from, to });
      downloadBase64(file.filename, file.base64);
      void MessagePlugin.success(`已导出 ${from} 至 ${to} 的操作日志`);
    } catch (e) {
      void MessagePlugin.error(messageOf(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="page audit-page">
      <Space className="filters" align="center" breakLine>
        <Input
          className="audit-page__actor"
          value={draft.actor}
          onChange={set('actor')}
          onEnter={search}
          placeholder="操作人 openid"
          clearable
        />
        <Input
          className="audit-page__action"
          value={draft.action}
          onChange={set('action')}
          onEnter={search}
          placeholder="操作，如 saveGoods"
          clearable
        />
        <Input
          className="audit-page__target"
          value={draft.targetId}
          onChange={set('targetId')}
          onEnter={search}
          placeholder="对象编号"
          clearable
        />
        <DateRangePicker
          value={draft.range}
          onChange={set('range')}
          valueType="YYYY-MM-DD"
          clearable
          placeholder={['开始日期', '结束日期']}
        />
        <Button className="audit-page__search" onClick={search}>
          搜索
        </Button>
        <Button variant="outline" loading={exporting} disabled={exporting} onClick={() => void exportXlsx()}>
          导出 Excel{filters.range.length === 2 ? '' : '（近 30 天）'}
        </Button>
      </Space>
      <PagedTable<AuditEntry>
        paged={paged}
        rowKey="auditId"
        empty="没有符合条件的操作记录"
        className="audit-table"
        tableLayout="fixed"
        columns={[
          { colKey: 'at', title: '时间', width: 150, cell: ({ row }) => formatDateTime(row.at) },
          {
            colKey: 'actorName',
            title: '操作人',
            width: 140,
            ellipsis: true,
            cell: ({ row }) => row.actorName || row.actor,
          },
          { colKey: 'role', title: '角色', width: 110, cell: ({ row }) => roleLabel(row.role) },
          {
            colKey: 'action',
            title: '操作',
            width: 190,
            cell: ({ row }) => (
              <Tag variant="light" className="audit-action">
                {row.fn}.{row.action}
              </Tag>
            ),
          },
          { colKey: 'targetId', title: '对象', width: 170, ellipsis: true, cell: ({ row }) => row.targetId ?? '—' },
          { colKey: 'after', title: '变更后', ellipsis: true, cell: ({ row }) => preview(row.after, 60) },
          {
            colKey: 'op',
            title: '',
            width: 70,
            cell: ({ row }) => (
              <Button size="small" variant="text" theme="primary" onClick={() => setShown(row)}>
                详情
              </Button>
            ),
          },
        ]}
      />
      <Dialog header="操作详情" visible={shown !== null} onClose={() => setShown(null)} footer={false} width={720}>
        {shown && (
          <div className="audit-detail">
            <p>
              {formatDateTime(shown.at)} · {shown.actorName || shown.actor}（{roleLabel(shown.role)}）· {shown.fn}.
              {shown.action} · {shown.targetId ?? '—'}
            </p>
            <div className="audit-detail__grid">
              <div>
                <h4>变更前</h4>
                <pre>{JSON.stringify(shown.before, null, 2) ?? '—'}</pre>
              </div>
              <div>
                <h4>变更后</h4>
                <pre>{JSON.stringify(shown.after, null, 2) ?? '—'}</pre>
              </div>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
