/** The largest attachment, decoded: 2 MiB. */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** At most this many attachments in one action. */
export const MAX_ATTACHMENTS_PER_ACTION = 10;

/** All attachments of one action together, decoded: 4 MiB (two of the largest). */
export const MAX_ATTACHMENT_BYTES_PER_ACTION = 4 * 1024 * 1024;

/** The length of the base64 text of `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/**
 * The largest request body the gateway reads: one action's attachments at their largest, base64
 * (5.33 MiB), plus 1 MiB for the query and every other input (strings are bounded by
 * `MAX_TEXT_LENGTH`, 10,000 characters each). A larger body is answered 413 `PAYLOAD_TOO_LARGE`
 * before it is parsed.
 */
export const MAX_REQUEST_BODY_BYTES = base64Length(MAX_ATTACHMENT_BYTES_PER_ACTION) + 1024 * 1024;
