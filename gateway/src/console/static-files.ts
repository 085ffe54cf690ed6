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

/** Sends a file with its content type and the given cache policy (HEAD: headers only). */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { file: string; size: number },
  cacheControl: string,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(200, {
    'content-type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(found.size),
    'cache-control': cacheControl,
    ...extraHeaders,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}
