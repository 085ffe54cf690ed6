import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Headers for every console page: same-origin scripts and connections only (the API and its
 * WebSocket are on this origin), no framing, no MIME sniffing. Element Plus and ECharts set inline
 * styles, hence 'unsafe-inline' for styles (never for scripts).
 */
export const CONSOLE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** A file under `root` for a URL path, or undefined when the path leaves root or names no file. */
export async function fileUnder(root: string, urlPath: string): Promise<{ file: string; size: number } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const s = await stat(file);
    return s.isFile() ? { file, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

/** A regular file at an already-resolved path (a compressed copy beside a served file). */
async function fileBeside(file: string): Promise<{ file: string; size: number } | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? { file, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}

/** Encodings the build writes beside a text file (`<file>.br`, `<file>.gz`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether an Accept-Encoding header takes `name` (present and not `;q=0`). */
function accepts(header: string, name: string): boolean {
  return header
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [token, ...params] = part.trim().split(';');
      if (token?.trim() !== name) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/**
 * Sends a file with its content type and the given cache policy (HEAD: headers only). When the
 * build left a compressed copy beside it (`.br`, `.gz`) that the browser accepts, that copy is sent
 * with its Content-Encoding; every answer for a compressible file says `Vary: Accept-Encoding`.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { file: string; size: number },
  cacheControl: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  let body = found;
  let encoding: string | undefined;
  const accepted = req.headers['accept-encoding'] ?? '';
  for (const e of ENCODINGS) {
    if (!accepts(accepted, e.name)) continue;
    const copy = await fileBeside(found.file + e.suffix);
    if (copy) {
      body = copy;
      encoding = e.name;
      break;
    }
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(body.size),
    'cache-control': cacheControl,
    vary: 'Accept-Encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...extraHeaders,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(body.file)
    .on('error', () => res.destroy())
    .pipe(res);
}
