import fs from 'node:fs';
import path from 'node:path';

/** Whether `pid` runs and is no zombie (a zombie still answers signal 0). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust the signal
  }
}

/**
 * Stops the PostgreSQL server a dead launcher left running on `dataDir` (a launcher killed with
 * SIGKILL cannot stop it; its services follow it, the server does not). Only the holder of the
 * DATA_DIR lock calls this, so a server running there can only be such an orphan. Invariants:
 * only a process whose command line (Linux /proc) is `postgres … -D <dataDir>` is signalled, so a
 * recycled pid is left alone; it gets PostgreSQL's fast shutdown (SIGINT), then SIGQUIT after
 * `timeoutMs`. Resolves with the pid it stopped, or undefined when there was none.
 */
export async function stopOrphanedPostmaster(dataDir: string, timeoutMs = 15_000): Promise<number | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  let args: string[];
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined; // no server recorded, or it is gone
  }
  const dirArg = args[args.indexOf('-D') + 1];
  const isOurs =
    pid > 0 &&
    path.basename(args[0] ?? '') === 'postgres' &&
    !!dirArg &&
    path.resolve(dirArg) === path.resolve(dataDir);
  if (!isOurs || !running(pid)) return undefined;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (running(pid) && fs.existsSync(pidFile)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  while (running(pid)) await new Promise((r) => setTimeout(r, 100));
  return pid;
}
