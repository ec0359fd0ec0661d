/** 数据看板: figures for a period and scope, trend charts (ECharts, its own chunk) and an Excel export. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Card } from 'tdesign-react/esm/card';
import { DateRangePicker } from 'tdesign-react/esm/date-picker';
import { MessagePlugin } from 'tdesign-react/esm/message';
import { Radio } from 'tdesign-react/esm/radio';
import { Space } from 'tdesign-react/esm/space';
import { Table } from 'tdesign-react/esm/table';
import { call, messageOf, type Dashboard } from '../api';
import { downloadBase64 } from '../ui/files';
import { shanghaiDate } from '../ui/format';
import { ErrorNotice } from '../ui/paged';
import { UnitSelect } from '../ui/pickers';
import RequestsPanel from './RequestsPanel';
import { starText } from '../../../domain/stars/labels';

const TrendCharts = lazy(() => import('./TrendCharts'));
const PRESETS: Record<string, () => string[]> = {
  '7': () => [shanghaiDate(-6), shanghaiDate()],
  '30': () => [shanghaiDate(-29), shanghaiDate()],
  '90': () => [shanghaiDate(-89), shanghaiDate()],
};

export default function DashboardPage() {
  const [preset, setPreset] = useState('30');
  const [range, setRange] = useState<string[]>(PRESETS['30']!());
  const [unitId, setUnitId] = useState('');
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [from, to] = range;

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    setLoading(true);
    setError(null);
    call('admin', 'dashboard', { from, to, unitId: unitId || undefined }).then(
      (d) => live && (setData(d), setLoading(false)),
      (e: unknown) => live && (setData(null), setError(messageOf(e)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [from, to, unitId]);

  async function exportXlsx() {
    if (exporting || !from || !to) return;
    setExporting(true);
    try {
      const file = await call('admin', 'dashboardExport', { from, to, unitId: unitId || undefined });
      downloadBase64(file.filename, file.base64);
    } catch (e) {
      void MessagePlugin.error(messageOf(e));
    } finally {
      setExporting(false);
    }
  }

  const figures: [string, string, number | undefined][] = [
    ['bookings', '驿站服务人次', data?.servings.bookingsCheckedIn],
    ['doses', '疫苗接种人次', data?.servings.dosesGiven],
    ['earned', '发放积分', data?.pointsEarned],
    ['spent', '兑换积分', data?.pointsSpent],
    ['orders', '已领取订单', data?.ordersPickedUp],
    ['active', '活跃党员', data?.activeMembers],
  ];

  const checkinRows = data
    ? [
        ...data.mapCheckins.landmarks.map((l) => ({
          key: `l-${l.landmarkId}`,
          name: l.name,
          kind: '地标',
          checkins: l.checkins,
          completions: '—',
        })),
        ...data.mapCheckins.routes.map((r) => ({
          key: `r-${r.routeId}`,
          name: r.name,
          kind: '路线',
          checkins: r.checkins,
          completions: r.completions,
        })),
      ]
    : [];

  return (
    <div className="page dashboard-page">
      <Space className="filters" align="center" breakLine>
        <Radio.Group
          variant="default-filled"
          value={preset}
          onChange={(v) => {
            setPreset(String(v));
            const p = PRESETS[String(v)];
            if (p) setRange(p());
          }}
        >
          <Radio.Button value="7">近 7 天</Radio.Button>
          <Radio.Button value="30">近 30 天</Radio.Button>
          <Radio.Button value="90">近 90 天</Radio.Button>
        </Radio.Group>
        <DateRangePicker
          value={range}
          valueType="YYYY-MM-DD"
          onChange={(v) => {
            setPreset('');
            setRange(v as string[]);
          }}
        />
        <UnitSelect className="filters__unit" value={unitId} onChange={setUnitId} clearable placeholder="全部范围" />
        <Button variant="outline" loading={exporting} disabled={exporting || !data} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      </Space>
      <ErrorNotice message={error} title="看板数据加载失败" />
      <div className="figures">
        {figures.map(([key, label, value]) => (
          <Card key={key} className={`figure figure--${key}`} bordered loading={loading && !data}>
            <div className="figure__label">{label}</div>
            <div className="figure__value">{typeof value === 'number' ? value.toLocaleString('zh-CN') : '—'}</div>
          </Card>
        ))}
      </div>
      <div className="dashboard-page__lower">
        <Card className="dashboard-page__charts" title="趋势" bordered>
          {data ? (
            <Suspense fallback={<div className="chart-placeholder">正在加载图表…</div>}>
              <TrendCharts trend={data.trend} />
            </Suspense>
          ) : (
            <div className="chart-placeholder">{loading ? '正在加载…' : '暂无数据'}</div>
          )}
        </Card>
        <Card className="dashboard-page__top" title="积分前列的支部" bordered>
          <Table
            rowKey="branchId"
            size="small"
            data={data?.topBranches ?? []}
            empty="暂无数据"
            columns={[
              { colKey: 'rank', title: '名次', width: 60, cell: ({ rowIndex }) => rowIndex + 1 },
              { colKey: 'name', title: '支部' },
              { colKey: 'points', title: '积分', width: 80 },
            ]}
          />
        </Card>
        <Card
          className="dashboard-page__stars"
          title={data ? `达标创星 · ${data.stars.quarterLabel}` : '达标创星'}
          bordered
        >
          {data ? (
            <p className="hint">
              已确认 {data.stars.signedOff} 个支部
              {data.stars.byStars
                .map((n, stars) => (n > 0 && stars > 0 ? `，${stars} 星 ${n} 个` : ''))
                .reverse()
                .join('')}
              {data.stars.proposed > 0 ? `；待审核 ${data.stars.proposed} 个` : ''}
            </p>
          ) : null}
          <Table
            rowKey="branchId"
            size="small"
            data={data?.stars.top ?? []}
            empty="这个季度还没有确认的星级"
            columns={[
              { colKey: 'name', title: '支部' },
              { colKey: 'stars', title: '星级', width: 110, cell: ({ row }) => starText(row.stars) },
            ]}
          />
        </Card>
        <Card className="dashboard-page__checkins" title="红色打卡人次" bordered>
          {data ? (
            <p className="hint">
              这段时间共打卡 {data.mapCheckins.total.toLocaleString('zh-CN')} 人次
              {data.mapCheckins.truncated ? '（记录较多，只统计了前面一部分）' : ''}
            </p>
          ) : null}
          <Table
            rowKey="key"
            size="small"
            data={checkinRows}
            empty="这段时间还没有人打卡"
            columns={[
              { colKey: 'name', title: '地标 / 路线' },
              { colKey: 'kind', title: '类别', width: 56 },
              { colKey: 'checkins', title: '打卡人次', width: 76 },
              { colKey: 'completions', title: '走完全程', width: 76 },
            ]}
          />
        </Card>
      </div>
      <RequestsPanel from={from} to={to} unitId={unitId} />
    </div>
  );
}
