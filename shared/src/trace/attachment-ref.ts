/** An attachment as a trace event records it: content-addressed by its SHA-256. */
export interface AttachmentRef {
  name: string;
  sha256: string;
  size: number;
  mediaType: string;
}
