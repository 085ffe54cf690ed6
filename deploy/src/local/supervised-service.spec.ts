import type { Logger } from '@sunlight/shared';
import { freePort } from '@sunlight/shared/testing';
import { RestartBackoff } from './restart-backoff';
import { SupervisedService } from './supervised-service';

/** A service in one line of Node: answers /health with 200 and, when told, ignores SIGTERM. */
const program = (port: number, ignoreTerm: boolean) =>
  `${ignoreTerm ? "process.on('SIGTERM', () => undefined);" : ''}` +
  `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1');`;

function recordingLogger(lines: { msg: string; fields: Record<string, unknown> }[]): Logger {
  const write = (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ msg, fields });
  return { info: write, warn: write, error: write, child: () => recordingLogger(lines) };
}

async function service(ignoreTerm: boolean, graceMs: number) {
  const port = await freePort();
  const lines: { msg: string; fields: Record<string, unknown> }[] = [];
  const s = new SupervisedService(
    {
      name: 'probe',
      args: ['-e', program(port, ignoreTerm)],
      env: process.env,
      healthUrl: `http://127.0.0.1:${port}/health`,
      up: (status) => status === 200,
    },
    {
      logger: recordingLogger(lines),
      graceMs,
      startTimeoutMs: 10_000,
      backoff: new RestartBackoff({ initialMs: 200, maxMs: 400, resetAfterMs: 60_000 }),
    },
  );
  await s.start();
  return { s, lines };
}

describe('SupervisedService', () => {
  it('kills a process that ignores SIGTERM once the grace has passed', async () => {
    const { s } = await service(true, 300);
    const started = Date.now();
    expect(await s.stop()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('returns at once from stop after the process died of a signal, and restarts nothing after', async () => {
    const { s, lines } = await service(false, 5000);
    const pid = s.pid!;
    process.kill(pid, 'SIGKILL');
    while (s.pid !== undefined) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    expect(await s.stop()).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 600)); // past the 200 ms backoff
    expect(s.pid).toBeUndefined();
    expect(lines.filter((l) => l.msg === 'service started')).toHaveLength(1);
    expect(lines).toContainEqual({
      msg: 'service exited; restarting',
      fields: expect.objectContaining({ name: 'probe', pid, signal: 'SIGKILL', restartInMs: 200 }),
    });
  });

  it('restarts a crashed process after the backoff, again and again', async () => {
    const { s, lines } = await service(false, 5000);
    for (const wait of [200, 400]) {
      const pid = s.pid!;
      process.kill(pid, 'SIGKILL');
      const restarted = () => s.pid !== undefined && s.pid !== pid;
      while (!restarted()) await new Promise((r) => setTimeout(r, 20));
      expect(lines.filter((l) => l.msg === 'service exited; restarting').at(-1)?.fields).toMatchObject({
        pid,
        restartInMs: wait,
      });
    }
    expect(s.restarts).toBe(2);
    await s.stop();
  });
});
