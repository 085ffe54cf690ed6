import { sha256Hex, type AttachmentRef } from '@sunlight/shared';
import type { BulkWriter } from './bulk-writer';
import { TABLES } from './table-specs';

/**
 * The materials cases are filed with (申请材料), content-addressed as the attachment store keeps
 * them: one small placeholder document per material name, stored once and cited by every case
 * that needs it, so filed cases pass their REQUIRED_ATTACHMENTS checkpoints.
 */
export class AttachmentPool {
  private readonly refs = new Map<string, AttachmentRef>();

  constructor(
    private readonly writer: BulkWriter,
    private readonly createdAt: string,
  ) {}

  ref(name: string): AttachmentRef {
    const known = this.refs.get(name);
    if (known) return known;
    const content = Buffer.from(`%PDF-1.4\n% ${name}（样例材料，由数据生成器生成）\n%%EOF\n`, 'utf8');
    const ref: AttachmentRef = { name, sha256: sha256Hex(content), size: content.length, mediaType: 'application/pdf' };
    this.writer.add(TABLES.attachment, [ref.sha256, content, content.length, ref.mediaType, this.createdAt]);
    this.refs.set(name, ref);
    return ref;
  }
}
