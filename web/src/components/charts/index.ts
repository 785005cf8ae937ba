export { TimeSeriesChart } from './time-series-chart';
export type { ChartPoint, ChartRange, ChartSeries, TimeSeriesChartProps } from './time-series-chart';
