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
  /** Serve the explorer (GraphiQL) to browsers at GET /graphql: development only. */
  explorer?: boolean;
}

/**
 * Serves the built console at `/` in front of the API handler: hashed files under /assets/ are
 * cached for a year (immutable), index.html never is, and any other GET path without a file
 * extension gets index.html so the console's client routes can be opened directly. /graphql,
 * /health and other non-GET requests go to the API untouched; WebSocket upgrades never reach here.
 * With `explorer` (development), a browser's GET /graphql (Accept: text/html, no `query`
 * parameter) gets GraphiQL; without it the explorer's page is not served at all.
 */
export function withConsole(api: Handler, o: ConsoleOptions): Handler {
  const root = path.resolve(o.dir);
  const apiPaths = new Set([...API_PATHS, ...(o.apiPaths ?? [])]);
  return (req, res) => {
    const [pathname = '/', search = ''] = (req.url ?? '/').split('?');
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (get && o.explorer && pathname === '/graphql' && wantsExplorer(req, search)) {
      void serveExplorer(root, req, res).catch(() => res.destroy());
      return;
    }
    if (!get || apiPaths.has(pathname)) {
      api(req, res);
      return;
    }
    if (!o.explorer && pathname === EXPLORER_PAGE) {
      notFound(res); // production has no explorer
      return;
    }
    void serve(root, pathname, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('控制台文件读取失败');
    });
  };
}

const EXPLORER_PAGE = '/explorer.html';

/** A browser opening /graphql (HTML first, no query): not an API client, nor a GET query. */
function wantsExplorer(req: IncomingMessage, search: string): boolean {
  return /^\s*text\/html/.test(req.headers.accept ?? '') && !new URLSearchParams(search).has('query');
}

async function serveExplorer(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = await fileUnder(root, EXPLORER_PAGE);
  if (!page) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('接口调试页面尚未构建：请在项目根目录运行 npm run build 后重试。');
    return;
  }
  await sendFile(req, res, page, 'no-cache', CONSOLE_SECURITY_HEADERS);
}

async function serve(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const found = pathname === '/' ? undefined : await fileUnder(root, pathname);
  if (found && path.basename(found.file) !== 'index.html') {
    const hashed = pathname.startsWith('/assets/');
    await sendFile(
      req,
      res,
      found,
      hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      CONSOLE_SECURITY_HEADERS,
    );
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
  await sendFile(req, res, index, 'no-cache', CONSOLE_SECURITY_HEADERS);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('未找到该文件');
}
