import path from 'node:path';

/** The longest unix socket path we use; the kernel's limit (sun_path) is 107 bytes on Linux. */
export const MAX_SOCKET_PATH = 100;

/**
 * The `unix_socket_directories` value for a cluster whose data lives in `dataDir`: the data
 * directory itself, so the socket and its `.s.PGSQL.<port>.lock` live with the data and two
 * clusters on one port in separate network namespaces never meet in a shared `/tmp`. When the
 * socket's path would pass {@link MAX_SOCKET_PATH} bytes, or the directory's name cannot be
 * written in that list setting, it is `''`: no unix socket at all (Sunlight connects over TCP).
 */
export function postgresSocketDirectory(dataDir: string, port: number): string {
  const dir = path.resolve(dataDir);
  const socket = path.join(dir, `.s.PGSQL.${port}`);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH || /[,"'\s\\]/.test(dir)) return '';
  return dir;
}
