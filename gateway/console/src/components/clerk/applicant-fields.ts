/**
 * Where the API's field paths land in the filing form (useFieldErrors): the applicant's fields by
 * their form props, and every attachment problem (attachments.<i>.<what>) beside the materials.
 */
export const FILING_FIELDS: Record<string, string> = {
  'applicant.name': 'applicantName',
  'applicant.idNumber': 'applicantIdNumber',
  'applicant.phone': 'applicantPhone',
  'input.applicant.name': 'applicantName',
  'input.applicant.idNumber': 'applicantIdNumber',
  'input.applicant.phone': 'applicantPhone',
  ...attachmentFields('attachments'),
  ...attachmentFields('input.attachments'),
};

/** Maps `<prefix>`, `<prefix>.<i>.name|mediaType|contentBase64` to the materials' prop. */
export function attachmentFields(prefix: string): Record<string, string> {
  const out: Record<string, string> = { [prefix]: 'attachments' };
  for (let i = 0; i < 10; i++)
    for (const what of ['name', 'mediaType', 'contentBase64']) out[`${prefix}.${i}.${what}`] = 'attachments';
  return out;
}
