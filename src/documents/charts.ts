import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Charts rendered server-side (issue 15: the 月报/年报 PDF): ECharts' SVG renderer without a DOM
 * (`init(null, null, { renderer: 'svg', ssr: true })` + `renderToSVGString()`), tree-shaken to the parts the statistics
 * use. The options come from src/api/stats-charts.ts, the same the statistics page draws.
 */
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export function chartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
