import fs from 'node:fs';
import path from 'node:path';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'launcher.lock';

/** Another running launcher holds the data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another launcher (pid ${pid}, lock ${path.join(dataDir, LOCK_FILE)}); ` +
        'stop it, or give this one another DATA_DIR',
    );
    this.name = 'DataDirInUseError';
  }
}

/** Whether a process with this id runs (one we may not signal runs too). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/launcher.lock`, holding this process's id, for as long as the process runs.
 * Invariants: a lock whose process runs is never taken (throws {@link DataDirInUseError}); a lock
 * whose process is gone (a launcher killed with SIGKILL) is stale and taken over; the lock is
 * removed when this process exits, but only while it still holds this process's id. The lock is
 * created with O_EXCL, so two launchers starting together cannot both take a free one.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const own = `${process.pid}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, own, { flag: 'wx', mode: 0o644 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw e;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (holder > 0 && holder !== process.pid && alive(holder)) throw new DataDirInUseError(dataDir, holder);
    fs.rmSync(file, { force: true }); // stale: its launcher is gone
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === own) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return { release };
}
