import { Card, Empty, Flex } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { type DeskIndicators, type OfficialReport, type StatsChart, statsCharts } from '../../../../src/api';

/**
 * 统计图表 (issue 15 item 5): the charts of the chosen period(s), drawn with ECharts' SVG renderer from the same options
 * the 月报/年报 PDF prints (src/api/stats-charts.ts). SVG keeps them sharp when the page is printed (统计报表 → 打印).
 */
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const WIDTH = 560;
const HEIGHT = 340;

function Chart({ chart }: { chart: StatsChart }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, null, { renderer: 'svg', width: WIDTH, height: HEIGHT });
    c.setOption(chart.option);
    return () => c.dispose();
  }, [chart]);
  return <div ref={ref} className="stats-chart" data-testid={`chart-${chart.key}`} data-figures={JSON.stringify(chart.figures)} style={{ width: WIDTH, height: HEIGHT }} aria-label={chart.title} role="img" />;
}

export function StatsCharts({ report, indicators }: { report: OfficialReport; indicators: DeskIndicators | null }) {
  const charts = useMemo(() => statsCharts(report, indicators), [report, indicators]);
  if (!charts.length) return <Empty />;
  return (
    <Flex wrap gap={12} data-testid="stats-charts" className="stats-charts">
      {charts.map((c) => (
        <Card key={c.key} size="small" className="stats-chart-card" styles={{ body: { padding: 8 } }}>
          <Chart chart={c} />
        </Card>
      ))}
    </Flex>
  );
}
