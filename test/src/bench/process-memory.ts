import fs from 'node:fs';

/** Resident and peak memory (MiB) of the processes whose command line contains `needle` (Linux /proc). */
export function processMemory(needle: string): { pid: number; rssMiB: number; peakMiB: number }[] {
  const out: { pid: number; rssMiB: number; peakMiB: number }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmd.includes(needle)) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      out.push({ pid: Number(entry), rssMiB: Math.round(kb('VmRSS') / 1024), peakMiB: Math.round(kb('VmHWM') / 1024) });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}
