import type { EntityManager } from 'typeorm';
import { platformError, PlatformErrorCode } from '../errors/platform-error';
import type { Validation } from '../errors/validation';
import type { AttachmentRef } from '../trace/attachment-ref';
import { sha256Hex } from '../trace/sha256-hex';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES_PER_ACTION, MAX_ATTACHMENTS_PER_ACTION } from './attachment-limits';
import type { AttachmentUpload } from './attachment-upload';

const MIB = 1024 * 1024;

/** The decoded size of base64 text, from its length and padding, without decoding it. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * Refuses uploads over the size limits with `ATTACHMENT_TOO_LARGE` (at once, before decoding):
 * one over 2 MiB, or together over 4 MiB.
 */
function checkSizes(uploads: readonly AttachmentUpload[], field: string): void {
  let total = 0;
  for (const [i, u] of uploads.entries()) {
    const size = decodedSize(u.contentBase64);
    total += size;
    if (size > MAX_ATTACHMENT_BYTES)
      throw platformError(
        PlatformErrorCode.ATTACHMENT_TOO_LARGE,
        `附件「${u.name}」为 ${(size / MIB).toFixed(1)} MiB，超过单个附件 ${MAX_ATTACHMENT_BYTES / MIB} MiB 的上限`,
        `${field}.${i}.contentBase64`,
      );
  }
  if (total > MAX_ATTACHMENT_BYTES_PER_ACTION)
    throw platformError(
      PlatformErrorCode.ATTACHMENT_TOO_LARGE,
      `附件合计 ${(total / MIB).toFixed(1)} MiB，超过每次提交 ${MAX_ATTACHMENT_BYTES_PER_ACTION / MIB} MiB 的上限`,
      field,
    );
}

/**
 * Content-addressed attachment storage in the service's `attachment` table (see
 * `attachmentTableSql`): content is stored once under its SHA-256 and never overwritten (the table
 * refuses updates); "replacing" an attachment is a new trace event naming a new hash.
 */
export const attachmentStore = {
  /**
   * Checks at most 10 uploads (name 1-100 characters, a media type, non-empty base64), adding
   * problems to `v` under `field`; returns the decoded contents, in order. Sizes are checked
   * first: one upload over 2 MiB, or all over 4 MiB, throws `ATTACHMENT_TOO_LARGE` at once.
   */
  validate(v: Validation, uploads: readonly AttachmentUpload[], field = 'attachments'): Buffer[] {
    checkSizes(uploads, field);
    v.check(uploads.length <= MAX_ATTACHMENTS_PER_ACTION, field, `每次最多提交 ${MAX_ATTACHMENTS_PER_ACTION} 个附件`);
    return uploads.map((u, i) => {
      v.check(u.name.trim().length >= 1 && u.name.length <= 100, `${field}.${i}.name`, '长度须为 1-100 个字符');
      v.check(/^[\w.+-]+\/[\w.+-]+$/.test(u.mediaType), `${field}.${i}.mediaType`, '须为媒体类型，如 application/pdf');
      const ok = /^[A-Za-z0-9+/]*={0,2}$/.test(u.contentBase64);
      const content = ok ? Buffer.from(u.contentBase64, 'base64') : Buffer.alloc(0);
      v.check(ok && content.length > 0, `${field}.${i}.contentBase64`, '须为非空的 Base64 内容');
      return content;
    });
  },

  /** Stores each validated content (once per hash) and returns the refs a trace event records. */
  async store(
    em: EntityManager,
    uploads: readonly AttachmentUpload[],
    contents: readonly Buffer[],
  ): Promise<AttachmentRef[]> {
    const refs: AttachmentRef[] = [];
    for (const [i, u] of uploads.entries()) {
      const content = contents[i]!;
      const sha256 = sha256Hex(content);
      await em.query(
        'INSERT INTO attachment (sha256, content, size, media_type) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
        [sha256, content, content.length, u.mediaType],
      );
      refs.push({ name: u.name.trim(), sha256, size: content.length, mediaType: u.mediaType });
    }
    return refs;
  },
};
