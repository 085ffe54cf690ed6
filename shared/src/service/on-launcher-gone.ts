/**
 * Calls `stop` once when the launcher that started this process is gone. The launcher gives each
 * service an IPC channel; the kernel closes it when the launcher dies, even by SIGKILL, so no
 * service outlives it holding its port. A process started any other way has no channel: nothing
 * happens.
 */
export function onLauncherGone(stop: () => void): void {
  if (!process.connected) return;
  process.once('disconnect', stop);
  process.channel?.unref(); // the channel alone never keeps the process alive
}
