import fs from 'node:fs';
import { processMemory } from '../process-memory';
import { UNCACHED_MARKER } from './peer-gateway';

/**
 * The processes of a running stack and of the gateways compared with it, by what their command line
 * contains; the first that matches names a process (our second gateway before the stack's).
 */
const PROCESSES: Record<string, string> = {
  'gateway, cache off': UNCACHED_MARKER,
  launcher: 'deploy/dist/local/start.js',
  gateway: 'gateway/dist/main.js',
  powers: 'services/powers/dist/main.js',
  cases: 'services/cases/dist/main.js',
  evaluations: 'services/evaluations/dist/main.js',
  complaints: 'services/complaints/dist/main.js',
  alerts: 'services/alerts/dist/main.js',
  'hive peer': 'bench/city/hive-peer.js',
};

/** Peak resident memory (MiB, the kernel's VmHWM) of every Sunlight process, and of the largest PostgreSQL process. */
export function peakMemory(): Record<string, number> {
  const out: Record<string, number> = {};
  const named = new Set<number>();
  for (const [name, needle] of Object.entries(PROCESSES)) {
    const found = processMemory(needle).filter((p) => !named.has(p.pid));
    found.forEach((p) => named.add(p.pid));
    if (found.length) out[name] = Math.max(...found.map((p) => p.peakMiB));
  }
  const pg = processMemory('postgres');
  if (pg.length) out['postgres (largest process)'] = Math.max(...pg.map((p) => p.peakMiB));
  return out;
}

/** CPU seconds (user + system) used so far by every Sunlight process, this benchmark, and the rest of the machine (PostgreSQL), by name. */
export function cpuSeconds(): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const out: Record<string, number> = {};
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const name = Object.entries(PROCESSES).find(([, needle]) => cmd.includes(needle))?.[0];
      if (!name) continue;
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out[name] = (out[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // the process ended meanwhile
    }
  }
  // PostgreSQL's backends come and go with the pools, so they are counted as the rest of the
  // machine: everything busy minus the Sunlight processes and this benchmark process itself.
  const [user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  const machine = (user! + nice! + system! + irq! + softirq! + steal!) / ticks;
  const own = process.cpuUsage();
  out['benchmark client'] = (own.user + own.system) / 1e6;
  out['postgres and the rest'] = machine - Object.values(out).reduce((a, b) => a + b, 0);
  return out;
}

/** Share of one core each process used between two `cpuSeconds()` readings `seconds` apart. */
export function cpuShare(
  before: Record<string, number>,
  after: Record<string, number>,
  seconds: number,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, Math.round(((v - (before[k] ?? 0)) / seconds) * 100) / 100] as const)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1]),
  );
}
