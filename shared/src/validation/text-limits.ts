/**
 * The longest string any input may carry, in UTF-16 code units, unless its field has a larger
 * bound of its own (attachments' base64). Each service checks tighter bounds per field (a name
 * 50, a description 5000); this one holds for every string, including those no service checks.
 */
export const MAX_TEXT_LENGTH = 10_000;
