/** An uploaded attachment, its content base64-encoded. */
export interface AttachmentUpload {
  name: string;
  mediaType: string;
  contentBase64: string;
}
