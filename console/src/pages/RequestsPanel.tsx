/** 群众点单 on the dashboard: per branch, how many asked, 办结率, the average time to finish and 满意率 (`requests.stats`). */
import { useEffect, useState } from 'react';
import { Card } from 'tdesign-react/esm/card';
import { Table } from 'tdesign-react/esm/table';
import { call, messageOf, type RequestStats } from '../api';
import { ErrorNotice } from '../ui/paged';

/** A rate as a percentage, whether the server sends a fraction (0.8) or a percentage (80). */
export const percent = (n: number | undefined) =>
  typeof n === 'number' && Number.isFinite(n) ? `${Math.round(n <= 1 ? n * 100 : n)}%` : '—';
const hours = (n: number | undefined) =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? `${n.toFixed(1)} 小时` : '—';

export default function RequestsPanel({
  from,
  to,
  unitId,
}: {
  from: string | undefined;
  to: string | undefined;
  unitId: string;
}) {
  const [data, setData] = useState<RequestStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    if (!from || !to) return undefined;
    let live = true;
    setLoading(true);
    setError(null);
    call('requests', 'stats', { from, to, unitId: unitId || undefined }).then(
      (d) => live && (setData(d), setLoading(false)),
      (e: unknown) => live && (setData(null), setError(messageOf(e)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [from, to, unitId]);
  const t = data?.total;
  const figures: [string, string, string][] = [
    ['requests', '群众点单', t ? t.requests.toLocaleString('zh-CN') : '—'],
    ['confirmed', '已办结', t ? t.confirmed.toLocaleString('zh-CN') : '—'],
    ['finish-rate', '办结率', percent(t?.finishRate)],
    ['avg-hours', '平均办结用时', hours(t?.avgHours)],
    ['satisfaction', '满意率', t?.confirmed ? percent(t.satisfaction) : '—'],
  ];
  return (
    <Card className="dashboard-page__requests requests-panel" title="群众点单 · 支部下单 · 党员接单" bordered>
      <ErrorNotice message={error} title="点单数据加载失败" />
      <div className="figures requests-panel__figures">
        {figures.map(([key, label, value]) => (
          <div key={key} className={`figure requests-figure requests-figure--${key}`}>
            <div className="figure__label">{label}</div>
            <div className="figure__value">{loading && !data ? '…' : value}</div>
          </div>
        ))}
      </div>
      <Table
        rowKey="unitId"
        size="small"
        loading={loading}
        data={data?.byBranch ?? []}
        empty="所选时段没有点单"
        columns={[
          { colKey: 'name', title: '支部' },
          { colKey: 'requests', title: '点单', width: 80 },
          { colKey: 'confirmed', title: '办结', width: 80 },
          { colKey: 'finishRate', title: '办结率', width: 90, cell: ({ row }) => percent(row.finishRate) },
          { colKey: 'avgHours', title: '平均用时', width: 110, cell: ({ row }) => hours(row.avgHours) },
          {
            colKey: 'satisfaction',
            title: '满意率',
            width: 90,
            cell: ({ row }) => (row.confirmed ? percent(row.satisfaction) : '—'),
          },
        ]}
      />
    </Card>
  );
}
