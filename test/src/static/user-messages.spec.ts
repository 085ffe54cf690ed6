import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every message a citizen or official reads is written in Chinese at its source (the product's
 * language is zh-CN); error codes stay English. This reads the sources of the platform, the
 * gateway and every service and lists each literal message handed to the places that build what
 * people read: typed errors (`caseError(CaseErrorCode.X, message)`, `platformError(...)`,
 * `new AppError(...)`, `new GraphQLError(message, ...)`), field problems (`v.check(ok, field,
 * message)`, `v.add(field, message)`) and refused actions (`scope.assertRole(p, roles, action)`).
 * A literal with letters but no Chinese is an English message someone will read.
 */
const ROOT = path.resolve(__dirname, '../../..');
const HAN = /[\u4e00-\u9fa5]/;
const LETTERS = /[A-Za-z]/;

/** Not read by people: operators' configuration and the seeds and demo tools. */
const SKIPPED = [
  /\.spec\.ts$/,
  /\/migrations\//,
  /\/testing\//,
  /\/demo\//,
  /\/seed\//,
  // routing rules come from configuration; their problems reach the operator's ConfigError
  /services\/complaints\/src\/routing\/routing-rule\.ts$/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    if (d.isDirectory()) return sources(file);
    return d.name.endsWith('.ts') && !SKIPPED.some((s) => s.test(file)) ? [file] : [];
  });
}

function roots(): string[] {
  const services = readdirSync(path.join(ROOT, 'services')).map((s) => path.join(ROOT, 'services', s, 'src'));
  return [path.join(ROOT, 'shared/src'), path.join(ROOT, 'gateway/src'), ...services];
}

/** The literal text of a message expression, every branch of a conditional; undefined parts are computed. */
function literals(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((s) => s.literal.text).join(' ')];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  return [];
}

/** The message argument of a call or `new` that builds what people read, if it is one. */
function messageArgument(node: ts.CallExpression | ts.NewExpression, source: ts.SourceFile): ts.Expression | undefined {
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const callee = node.expression.getText(source);
  if (ts.isNewExpression(node)) {
    if (callee === 'AppError') return args[2];
    if (callee === 'GraphQLError') return args[0];
    return undefined;
  }
  const name = callee.split('.').pop() ?? '';
  const first = args[0]?.getText(source) ?? '';
  if (/Error$/.test(name) && /ErrorCode\.[A-Z_]+$/.test(first)) return args[1];
  if (name === 'check' && args.length === 3) return args[2];
  if (name === 'add' && args.length === 2) return args[1];
  if (callee === 'scope.assertRole') return args[2];
  return undefined;
}

function englishMessages(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const message = messageArgument(node, source);
      for (const text of message ? literals(message) : [])
        if (LETTERS.test(text) && !HAN.test(text)) {
          const { line } = source.getLineAndCharacterOfPosition(message!.getStart(source));
          found.push(`${path.relative(ROOT, file)}:${line + 1}: ${text}`);
        }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('messages people read', () => {
  const files = roots().flatMap(sources);

  it('finds the message sites it is meant to check', () => {
    // a guard that reads nothing would pass for the wrong reason
    expect(files.length).toBeGreaterThan(200);
    const sites = files.flatMap((f) => {
      const source = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const n: number[] = [];
      const visit = (node: ts.Node): void => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && messageArgument(node, source)) n.push(1);
        ts.forEachChild(node, visit);
      };
      visit(source);
      return n;
    });
    expect(sites.length).toBeGreaterThan(200);
  });

  it('are written in Chinese at their source', () => {
    expect(files.flatMap(englishMessages)).toEqual([]);
  });
});
