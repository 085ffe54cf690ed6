import type { AttachmentInput } from '../../api/clerk-queries';

/** The API's limits (shared/src/attachments/attachment-limits.ts), checked here before upload. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ACTION = 10;
export const MAX_ATTACHMENT_BYTES_PER_ACTION = 4 * 1024 * 1024;

/** A chosen file read as the API takes it (AttachmentInput: name, media type, base64 content). */
export function readAttachment(
  name: string,
  file: File,
): Promise<AttachmentInput & { size: number; fileName: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: url.slice(url.indexOf(',') + 1),
        size: file.size,
        fileName: file.name,
      });
    };
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
