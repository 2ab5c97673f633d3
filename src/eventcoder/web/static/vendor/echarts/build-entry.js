// The parts of ECharts eventcoder's pages use: line and bar charts (timeline), a force graph (network).
import * as echarts from 'echarts/core';
import { LineChart, BarChart, GraphChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([LineChart, BarChart, GraphChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent,
             TitleComponent, CanvasRenderer]);
window.echarts = echarts;
