import { isScaleName, SCALES, type Scale } from './scale';

const USAGE = 'usage: npm run generate -- [--scale city|small] [--seed <whole number>]';

/** `--scale` (default city) and `--seed` (default 1) from the command line. */
export function parseGenerateArgs(argv: readonly string[]): { scale: Scale; seed: number } {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    return inline ? inline.slice(name.length + 3) : i >= 0 ? argv[i + 1] : undefined;
  };
  for (const a of argv)
    if (a.startsWith('--') && !/^--(scale|seed)(=|$)/.test(a)) throw new Error(`unknown option ${a}\n${USAGE}`);
  const scale = value('scale') ?? 'city';
  if (!isScaleName(scale)) throw new Error(`--scale must be ${Object.keys(SCALES).join(' or ')}\n${USAGE}`);
  const seed = Number(value('seed') ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number\n${USAGE}`);
  return { scale: SCALES[scale], seed };
}
