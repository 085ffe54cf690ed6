import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_SECURITY_HEADERS, fileUnder, sendFile } from './static-files';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Where `npm run build` puts the console (gateway/console/dist), from src/ or dist/ alike. */
export const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '../../console/dist');

/** Paths the API owns; the console never answers them, whatever the method. */
const API_PATHS = new Set(['/graphql', '/health']);

export interface ConsoleOptions {
  /** The built console (index.html and assets/). */
  dir: string;
  /** Further paths the API owns (e.g. sign-in routes), left to `api`. */
  apiPaths?: readonly string[];
}

/**
 * Serves the built console at `/` in front of the API handler: hashed files under /assets/ are
 * cached for a year (immutable), index.html never is, and any other GET path without a file
 * extension gets index.html so the console's client routes can be opened directly. /graphql,
 * /health and other non-GET requests go to the API untouched; WebSocket upgrades never reach here.
 */
export function withConsole(api: Handler, o: ConsoleOptions): Handler {
  const root = path.resolve(o.dir);
  const apiPaths = new Set([...API_PATHS, ...(o.apiPaths ?? [])]);
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if ((req.method !== 'GET' && req.method !== 'HEAD') || apiPaths.has(pathname)) {
      api(req, res);
      return;
    }
    void serve(root, pathname, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('控制台文件读取失败');
    });
  };
}

async function serve(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const found = pathname === '/' ? undefined : await fileUnder(root, pathname);
  if (found && path.basename(found.file) !== 'index.html') {
    const hashed = pathname.startsWith('/assets/');
    sendFile(req, res, found, hashed ? 'public, max-age=31536000, immutable' : 'no-cache', CONSOLE_SECURITY_HEADERS);
    return;
  }
  // Missing assets and paths with an extension are real 404s: index.html must not stand in for a script.
  if (pathname.startsWith('/assets/') || path.posix.extname(pathname) !== '') {
    notFound(res);
    return;
  }
  const index = await fileUnder(root, '/index.html');
  if (!index) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('控制台尚未构建：请在项目根目录运行 npm run build 后重试。');
    return;
  }
  sendFile(req, res, index, 'no-cache', CONSOLE_SECURITY_HEADERS);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('未找到该文件');
}
