import type { EntityManager } from 'typeorm';
import type { Validation } from '../errors/validation';
import type { AttachmentRef } from '../trace/attachment-ref';
import { sha256Hex } from '../trace/sha256-hex';
import type { AttachmentUpload } from './attachment-upload';

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_COUNT = 10;

/**
 * Content-addressed attachment storage in the service's `attachment` table (see
 * `attachmentTableSql`): content is stored once under its SHA-256 and never overwritten (the table
 * refuses updates); "replacing" an attachment is a new trace event naming a new hash.
 */
export const attachmentStore = {
  /**
   * Checks at most 10 uploads of at most 2 MiB each (name 1-100 characters, a media type, non-empty
   * base64), adding problems to `v` under `field`; returns the decoded contents, in order.
   */
  validate(v: Validation, uploads: readonly AttachmentUpload[], field = 'attachments'): Buffer[] {
    v.check(uploads.length <= MAX_COUNT, field, `at most ${MAX_COUNT} attachments per action`);
    return uploads.map((u, i) => {
      v.check(u.name.trim().length >= 1 && u.name.length <= 100, `${field}.${i}.name`, 'must be 1-100 characters');
      v.check(
        /^[\w.+-]+\/[\w.+-]+$/.test(u.mediaType),
        `${field}.${i}.mediaType`,
        'must be a media type like application/pdf',
      );
      const ok = /^[A-Za-z0-9+/]*={0,2}$/.test(u.contentBase64);
      const content = ok ? Buffer.from(u.contentBase64, 'base64') : Buffer.alloc(0);
      v.check(ok && content.length > 0, `${field}.${i}.contentBase64`, 'must be non-empty base64');
      v.check(content.length <= MAX_BYTES, `${field}.${i}.contentBase64`, `must be at most ${MAX_BYTES} bytes`);
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
