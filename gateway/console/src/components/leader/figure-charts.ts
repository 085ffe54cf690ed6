import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { UnitFigures } from '../../api/leader-queries';

/** What the leader's charts may draw: bars and lines on a grid, with a legend and tooltips. */
export type LeaderChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const AXIS_TEXT = { color: '#4e5969' };
const COLOURS = ['#1d5fb8', '#2b7a0b', '#b3261e', '#ad4e00'];

/** Twelve months of cases: filed and completed as bars, overdue and late as lines. */
export function caseTrendOption(t: NonNullable<UnitFigures['caseTrend']>): LeaderChartOption {
  return {
    color: COLOURS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: AXIS_TEXT },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: t.months, axisLabel: AXIS_TEXT },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
    series: [
      { name: '受理', type: 'bar', data: t.filed },
      { name: '办结', type: 'bar', data: t.completed },
      { name: '逾期', type: 'line', data: t.overdue },
      { name: '超时办结', type: 'line', data: t.late },
    ],
  };
}

/** Twelve months of satisfaction (average score) and complaints received. */
export function opinionTrendOption(
  s: UnitFigures['satisfactionTrend'],
  c: UnitFigures['complaintTrend'],
): LeaderChartOption {
  const months = s?.months ?? c?.months ?? [];
  return {
    color: [COLOURS[0]!, COLOURS[2]!],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: AXIS_TEXT },
    grid: { left: 40, right: 40, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months, axisLabel: AXIS_TEXT },
    yAxis: [
      { type: 'value', name: '满意度', min: 0, max: 5, axisLabel: AXIS_TEXT },
      { type: 'value', name: '投诉', minInterval: 1, axisLabel: AXIS_TEXT },
    ],
    series: [
      { name: '满意度均分', type: 'line', data: s?.average ?? [], connectNulls: false },
      { name: '投诉举报', type: 'bar', yAxisIndex: 1, data: c?.received ?? [] },
    ],
  };
}

/** The units of the tier below side by side: cases filed and overdue in the period. */
export function childrenOption(children: UnitFigures['children']): LeaderChartOption {
  return {
    color: [COLOURS[0]!, COLOURS[2]!],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: AXIS_TEXT },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: {
      type: 'category',
      data: children.map((u) => u.name),
      axisLabel: { ...AXIS_TEXT, interval: 0, rotate: children.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
    series: [
      { name: '受理', type: 'bar', data: children.map((u) => u.caseStats?.filed ?? 0) },
      { name: '逾期', type: 'bar', data: children.map((u) => u.caseStats?.overdue ?? 0) },
    ],
  };
}

/** Cards by level in the period, as bars in their own colours. */
export function cardsOption(cards: { label: string; count: number; colour: string }[]): LeaderChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: cards.map((c) => c.label), axisLabel: AXIS_TEXT },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT },
    series: [
      {
        name: '办件数',
        type: 'bar',
        data: cards.map((c) => ({ value: c.count, itemStyle: { color: c.colour } })),
      },
    ],
  };
}
