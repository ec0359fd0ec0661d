/** The dashboard's trend charts: ECharts core with only the line chart and the parts it uses (its own chunk). */
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Dashboard } from '../api';
import { CHART_PALETTE } from '../theme';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({
  trend,
  series,
  className,
}: {
  trend: Dashboard['trend'];
  series: readonly { key: keyof Dashboard['trend'][number]; name: string }[];
  className: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      // No drawing animation: a desk screen (and its screenshot) shows the whole period at once.
      animation: false,
      color: [...CHART_PALETTE],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: trend.map((t) => t.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        smooth: true,
        showSymbol: trend.length < 40,
        areaStyle: { opacity: 0.08 },
        data: trend.map((t) => t[s.key]),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [trend, series]);
  return <div ref={el} className={`chart ${className}`} />;
}

const SERVINGS = [
  { key: 'bookingsCheckedIn', name: '驿站服务人次' },
  { key: 'dosesGiven', name: '疫苗接种人次' },
] as const;
const POINTS = [
  { key: 'pointsEarned', name: '发放积分' },
  { key: 'pointsSpent', name: '兑换积分' },
] as const;

export default function TrendCharts({ trend }: { trend: Dashboard['trend'] }) {
  return (
    <div className="charts">
      <Chart trend={trend} series={SERVINGS} className="chart--servings" />
      <Chart trend={trend} series={POINTS} className="chart--points" />
    </div>
  );
}
