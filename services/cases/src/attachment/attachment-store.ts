import { sha256Hex, type Validation } from '@sunlight/shared';
import type { EntityManager } from 'typeorm';
import type { AttachmentRef } from '../trace/case-event-kind';

/** An uploaded attachment (base64 content). */
export interface AttachmentUpload {
  name: string;
  mediaType: string;
  contentBase64: string;
}

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_COUNT = 10;

/**
 * Content-addressed attachment storage: content is stored once under its SHA-256 and never
 * overwritten (the table refuses updates); "replacing" an attachment is a new event naming a new
 * hash.
 */
export const attachmentStore = {
  validate(v: Validation, uploads: readonly AttachmentUpload[], field = 'attachments'): Buffer[] {
    v.check(uploads.length <= MAX_COUNT, field, `at most ${MAX_COUNT} attachments per action`);
    return uploads.map((u, i) => {
      v.check(u.name.trim().length >= 1 && u.name.length <= 100, `${field}.${i}.name`, 'must be 1-100 characters');
      v.check(/^[\w.+-]+\/[\w.+-]+$/.test(u.mediaType), `${field}.${i}.mediaType`, 'must be a media type like application/pdf');
      const ok = /^[A-Za-z0-9+/]*={0,2}$/.test(u.contentBase64);
      const content = ok ? Buffer.from(u.contentBase64, 'base64') : Buffer.alloc(0);
      v.check(ok && content.length > 0, `${field}.${i}.contentBase64`, 'must be non-empty base64');
      v.check(content.length <= MAX_BYTES, `${field}.${i}.contentBase64`, `must be at most ${MAX_BYTES} bytes`);
      return content;
    });
  },

  async store(em: EntityManager, uploads: readonly AttachmentUpload[], contents: readonly Buffer[]): Promise<AttachmentRef[]> {
    const refs: AttachmentRef[] = [];
    for (const [i, u] of uploads.entries()) {
      const content = contents[i]!;
      const sha256 = sha256Hex(content);
      await em.query('INSERT INTO attachment (sha256, content, size, media_type) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [sha256, content, content.length, u.mediaType]);
      refs.push({ name: u.name.trim(), sha256, size: content.length, mediaType: u.mediaType });
    }
    return refs;
  },
};
