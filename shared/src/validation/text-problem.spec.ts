import { textProblem } from './text-problem';

describe('textProblem', () => {
  it('passes ordinary text, Chinese, emoji (a surrogate pair) and tab and line breaks', () => {
    expect(textProblem('镇领导班子在项目审批中吃拿卡要 😡\n\t第二行\r\n', 100)).toBeUndefined();
  });

  it('refuses NUL and other control characters, naming the code point', () => {
    expect(textProblem('a\u0000b', 100)).toBe('含有不允许的控制字符 U+0000');
    expect(textProblem('\u001B[31m', 100)).toBe('含有不允许的控制字符 U+001B');
    expect(textProblem('x\u007F', 100)).toBe('含有不允许的控制字符 U+007F');
    expect(textProblem('x\u0085', 100)).toBe('含有不允许的控制字符 U+0085');
  });

  it('refuses a lone high or low surrogate', () => {
    expect(textProblem('a\uD800b', 100)).toBe('含有无效的 Unicode 字符（孤立的代理项 U+D800）');
    expect(textProblem('\uDC00', 100)).toBe('含有无效的 Unicode 字符（孤立的代理项 U+DC00）');
    expect(textProblem('a\uD83D', 100)).toBe('含有无效的 Unicode 字符（孤立的代理项 U+D83D）');
  });

  it('refuses more than the bound, counting UTF-16 code units', () => {
    expect(textProblem('x'.repeat(10), 10)).toBeUndefined();
    expect(textProblem('x'.repeat(11), 10)).toBe('长度为 11 个字符，超过上限 10');
  });
});
