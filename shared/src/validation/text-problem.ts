/**
 * C0 controls other than tab, line feed and carriage return, DEL, and C1 controls. PostgreSQL
 * refuses NUL in text; the others have no place in what a person types and hide text in logs.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `value` may not be stored as text, in Chinese for the person who typed it, or undefined
 * when it may: a control character (tab and line breaks are allowed), a lone surrogate (not
 * Unicode, so not UTF-8 either), or more than `maxLength` UTF-16 code units.
 */
export function textProblem(value: string, maxLength: number): string | undefined {
  if (value.length > maxLength) return `长度为 ${value.length} 个字符，超过上限 ${maxLength}`;
  const control = CONTROL.exec(value);
  if (control) return `含有不允许的控制字符 ${codePoint(control[0])}`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `含有无效的 Unicode 字符（孤立的代理项 ${codePoint(surrogate[0])}）`;
  return undefined;
}
