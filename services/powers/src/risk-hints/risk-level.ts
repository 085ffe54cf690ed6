import { registerEnumType } from 'type-graphql';

/** The colour a risk level is shown in: 一级 red, 二级 orange, 三级 yellow. */
export enum RiskColour {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
}
registerEnumType(RiskColour, {
  name: 'RiskColour',
  description: 'Colour of a risk level: 一级 RED (highest), 二级 ORANGE, 三级 YELLOW.',
});

const LEVELS: Record<number, { colour: RiskColour; label: string }> = {
  1: { colour: RiskColour.RED, label: '一级（红色）' },
  2: { colour: RiskColour.ORANGE, label: '二级（橙色）' },
  3: { colour: RiskColour.YELLOW, label: '三级（黄色）' },
};

/**
 * A risk point's level (1, 2 or 3) as shown: its colour and its label in words. The catalog only
 * accepts 1..3; a stored level outside it is shown as the highest, never as a milder one.
 */
export function riskLevel(level: number): { colour: RiskColour; label: string } {
  return LEVELS[level] ?? LEVELS[1]!;
}
