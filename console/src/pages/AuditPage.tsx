/**
 * 操作日志: every staff and admin change, in plain Chinese — who (role and name) did what to what, when — with the
 * fields before and after under their Chinese labels. Filtered by action and period, or narrowed from an entry to
 * the same person or the same record; exported to Excel.
 */
import { useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { DateRangePicker } from 'tdesign-react/esm/date-picker';
import { Dialog } from 'tdesign-react/esm/dialog';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Select } from 'tdesign-react/esm/select';
import { Space } from 'tdesign-react/esm/space';
import { Tag } from 'tdesign-react/esm/tag';
import { OPERATION_CHOICES } from '../../../domain/audit/labels';
import { call, messageOf, type AuditEntry } from '../api';
import { downloadBase64 } from '../ui/files';
import { formatDateTime, shanghaiDate } from '../ui/format';
import { PagedTable, usePaged } from '../ui/paged';

/** A narrowing picked from an entry: its id is sent to the server, its words are what the page shows. */
interface Narrow {
  id: string;
  label: string;
}
interface Filters {
  operation: string;
  range: string[];
  actor: Narrow | null;
  target: Narrow | null;
}
const EMPTY: Filters = { operation: '', range: [], actor: null, target: null };

const who = (entry: AuditEntry) => `${entry.roleLabel} ${entry.actorName || '一位用户'}`;

export default function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const [exporting, setExporting] = useState(false);
  const paged = usePaged<AuditEntry>(
    (cursor) =>
      call('admin', 'audit', {
        actor: filters.actor?.id,
        operation: filters.operation || undefined,
        targetId: filters.target?.id,
        from: filters.range[0] || undefined,
        to: filters.range[1] || undefined,
        cursor,
      }),
    JSON.stringify(filters),
  );
  const apply = (next: Filters) => {
    setDraft(next);
    setFilters(next);
  };

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
        <Select
          className="audit-page__action"
          value={draft.operation}
          onChange={(v) => setDraft((d) => ({ ...d, operation: String(v ?? '') }))}
          options={[...OPERATION_CHOICES]}
          filterable
          clearable
          placeholder="全部操作"
          style={{ width: 220 }}
        />
        <DateRangePicker
          value={draft.range}
          onChange={(v) => setDraft((d) => ({ ...d, range: (v as string[]) ?? [] }))}
          valueType="YYYY-MM-DD"
          clearable
          placeholder={['开始日期', '结束日期']}
        />
        <Button className="audit-page__search" onClick={() => setFilters(draft)}>
          搜索
        </Button>
        <Button variant="outline" loading={exporting} disabled={exporting} onClick={() => void exportXlsx()}>
          导出 Excel{filters.range.length === 2 ? '' : '（近 30 天）'}
        </Button>
        {filters.actor ? (
          <Tag closable className="audit-page__narrow" onClose={() => apply({ ...filters, actor: null })}>
            只看 {filters.actor.label}
          </Tag>
        ) : null}
        {filters.target ? (
          <Tag closable className="audit-page__narrow" onClose={() => apply({ ...filters, target: null })}>
            只看 {filters.target.label}
          </Tag>
        ) : null}
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
            colKey: 'operation',
            title: '操作',
            width: 150,
            cell: ({ row }) => (
              <Tag variant="light" theme="primary" className="audit-action">
                {row.operation}
              </Tag>
            ),
          },
          {
            colKey: 'sentence',
            title: '记录',
            ellipsis: true,
            cell: ({ row }) => <span className="audit-sentence">{row.sentence}</span>,
          },
          {
            colKey: 'op',
            title: '',
            width: 80,
            cell: ({ row }) => (
              <Button
                size="small"
                variant="text"
                theme="primary"
                className="audit-page__detail"
                onClick={() => setShown(row)}
              >
                详情
              </Button>
            ),
          },
        ]}
      />
      <Dialog
        header="操作详情"
        visible={shown !== null}
        onClose={() => setShown(null)}
        footer={false}
        width={720}
        className="audit-dialog"
      >
        {shown && (
          <div className="audit-detail">
            <p className="audit-detail__sentence">{shown.sentence}</p>
            <p className="audit-detail__when">
              {formatDateTime(shown.at)} · {shown.operation}
            </p>
            {shown.changes.length > 0 && shown.changes.every((c) => c.before === null) ? (
              // A new record, or what a read asked for: one column of values, no empty 修改前.
              <table className="audit-changes">
                <thead>
                  <tr>
                    <th>项目</th>
                    <th>内容</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.label}</th>
                      <td>{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : shown.changes.length > 0 ? (
              <table className="audit-changes">
                <thead>
                  <tr>
                    <th>项目</th>
                    <th>修改前</th>
                    <th>修改后</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.label}</th>
                      <td>{c.before ?? '—'}</td>
                      <td>{c.after ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="hint">这次操作没有可显示的字段变化。</p>
            )}
            <Space className="audit-detail__narrow">
              <Button
                variant="outline"
                size="small"
                onClick={() => {
                  apply({ ...EMPTY, actor: { id: shown.actor, label: who(shown) } });
                  setShown(null);
                }}
              >
                只看此人的操作
              </Button>
              {shown.targetId && shown.target ? (
                <Button
                  variant="outline"
                  size="small"
                  onClick={() => {
                    apply({ ...EMPTY, target: { id: shown.targetId!, label: shown.target! } });
                    setShown(null);
                  }}
                >
                  只看{shown.target}的记录
                </Button>
              ) : null}
            </Space>
          </div>
        )}
      </Dialog>
    </div>
  );
}
