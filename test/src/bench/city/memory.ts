import { processMemory } from '../process-memory';

/** The processes of a running stack, by the entry point in their command line. */
const PROCESSES: Record<string, string> = {
  launcher: 'deploy/dist/local/start.js',
  gateway: 'gateway/dist/main.js',
  powers: 'services/powers/dist/main.js',
  cases: 'services/cases/dist/main.js',
  evaluations: 'services/evaluations/dist/main.js',
  complaints: 'services/complaints/dist/main.js',
  alerts: 'services/alerts/dist/main.js',
};

/** Peak resident memory (MiB, the kernel's VmHWM) of every Sunlight process, and of the largest PostgreSQL process. */
export function peakMemory(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, needle] of Object.entries(PROCESSES)) {
    const found = processMemory(needle);
    if (found.length) out[name] = Math.max(...found.map((p) => p.peakMiB));
  }
  const pg = processMemory('postgres');
  if (pg.length) out['postgres (largest process)'] = Math.max(...pg.map((p) => p.peakMiB));
  return out;
}
