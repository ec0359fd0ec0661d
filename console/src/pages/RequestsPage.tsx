/** 群众点单: the requests of the caller's branch or county (`requests.queue`), by status, overdue ones marked. */
import { useState } from 'react';
import { Radio } from 'tdesign-react/esm/radio';
import { Space } from 'tdesign-react/esm/space';
import { Tag } from 'tdesign-react/esm/tag';
import { call, type RequestRow, type RequestStatus } from '../api';
import { formatDateTime } from '../ui/format';
import { PagedTable, usePaged } from '../ui/paged';

const STATUSES: [RequestStatus | '', string][] = [
  ['', '全部'],
  ['submitted', '待受理'],
  ['accepted', '待派单'],
  ['open', '招募中'],
  ['inProgress', '办理中'],
  ['finished', '待确认'],
  ['confirmed', '已办结'],
  ['declined', '未受理'],
];
const THEME: Record<string, 'warning' | 'primary' | 'success' | 'default'> = {
  submitted: 'warning',
  accepted: 'warning',
  open: 'primary',
  inProgress: 'primary',
  finished: 'primary',
  confirmed: 'success',
};

export default function RequestsPage() {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const paged = usePaged<RequestRow>(
    (cursor) => call('requests', 'queue', { status: status || undefined, cursor }),
    status,
  );
  return (
    <div className="page requests-page">
      <Space className="filters" align="center" breakLine>
        <Radio.Group
          variant="default-filled"
          value={status}
          onChange={(v) => setStatus(STATUSES.find(([value]) => value === v)?.[0] ?? '')}
        >
          {STATUSES.map(([value, label]) => (
            <Radio.Button key={value || 'all'} value={value}>
              {label}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Space>
      <PagedTable<RequestRow>
        paged={paged}
        rowKey="id"
        empty="没有这个状态的点单"
        className="requests-table"
        columns={[
          { colKey: 'title', title: '标题', ellipsis: true },
          { colKey: 'kind', title: '类型', width: 140, cell: ({ row }) => `${row.kindLabel} · ${row.category}` },
          { colKey: 'unitName', title: '支部', width: 180 },
          {
            colKey: 'status',
            title: '状态',
            width: 160,
            cell: ({ row }) => (
              <Space size={4}>
                <Tag theme={THEME[row.status] ?? 'default'} variant="light">
                  {row.statusLabel}
                </Tag>
                {row.overdue ? (
                  <Tag theme="danger" variant="light">
                    已超时
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            colKey: 'taken',
            title: '认领',
            width: 80,
            cell: ({ row }) => (row.places ? `${row.taken}/${row.places}` : '—'),
          },
          { colKey: 'createdAt', title: '提交时间', width: 170, cell: ({ row }) => formatDateTime(row.createdAt) },
        ]}
      />
    </div>
  );
}
