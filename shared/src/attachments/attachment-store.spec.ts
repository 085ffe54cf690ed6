import type { DataSource } from 'typeorm';
import type { AppError } from '../errors/app-error';
import { Validation } from '../errors/validation';
import { openTestDataSource } from '../testing/open-test-data-source';
import { appendOnlySql } from '../trace/append-only-sql';
import { sha256Hex } from '../trace/sha256-hex';
import { attachmentStore } from './attachment-store';
import { attachmentTableSql } from './attachment-table-sql';
import type { AttachmentUpload } from './attachment-upload';

const upload = (name: string, text: string, mediaType = 'application/pdf'): AttachmentUpload => ({
  name,
  mediaType,
  contentBase64: Buffer.from(text).toString('base64'),
});

function problemsOf(uploads: readonly AttachmentUpload[]): { field: string; message: string }[] {
  const v = new Validation();
  attachmentStore.validate(v, uploads, 'materials');
  try {
    v.throwIfAny();
    return [];
  } catch (e) {
    return (e as { problems: { field: string; message: string }[] }).problems;
  }
}

describe('attachmentStore.validate', () => {
  it('decodes valid uploads in order', () => {
    const v = new Validation();
    const contents = attachmentStore.validate(v, [upload('申请书', 'one'), upload('营业执照', 'two', 'image/png')]);
    expect(v.ok).toBe(true);
    expect(contents.map((c) => c.toString())).toEqual(['one', 'two']);
  });

  it('names each bad field under the given prefix', () => {
    expect(problemsOf([{ name: ' ', mediaType: 'pdf', contentBase64: '!!' }])).toEqual([
      { field: 'materials.0.name', message: '长度须为 1-100 个字符' },
      { field: 'materials.0.mediaType', message: '须为媒体类型，如 application/pdf' },
      { field: 'materials.0.contentBase64', message: '须为非空的 Base64 内容' },
    ]);
    expect(problemsOf(Array.from({ length: 11 }, (_, i) => upload(`f${i}`, 'x')))).toEqual([
      { field: 'materials', message: '每次最多提交 10 个附件' },
    ]);
  });

  it('refuses an upload over 2 MiB, or uploads together over 4 MiB, as ATTACHMENT_TOO_LARGE', () => {
    const refusal = (uploads: AttachmentUpload[]) => {
      try {
        attachmentStore.validate(new Validation(), uploads, 'materials');
        return undefined;
      } catch (e) {
        return { ...(e as AppError).extensions, message: (e as AppError).message };
      }
    };
    const mib = 1024 * 1024;
    expect(refusal([upload('ok', 'x'.repeat(2 * mib)), upload('ok', 'x'.repeat(2 * mib))])).toBeUndefined();
    expect(refusal([upload('ok', 'x'), upload('大图', 'x'.repeat(3 * mib))])).toEqual({
      code: 'ATTACHMENT_TOO_LARGE',
      kind: 'BAD_INPUT',
      field: 'materials.1.contentBase64',
      message: '附件「大图」为 3.0 MiB，超过单个附件 2 MiB 的上限',
    });
    expect(refusal([upload('a', 'x'.repeat(2 * mib)), upload('b', 'x'.repeat(2 * mib)), upload('c', 'x')])).toEqual({
      code: 'ATTACHMENT_TOO_LARGE',
      kind: 'BAD_INPUT',
      field: 'materials',
      message: '附件合计 4.0 MiB，超过每次提交 4 MiB 的上限',
    });
  });
});

describe('attachment table', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'att', entities: [], migrations: [] });
    ds = db.dataSource;
    for (const sql of attachmentTableSql()) await ds.query(sql);
  });
  afterAll(() => db.close());

  it('stores content once under its SHA-256 and returns the refs', async () => {
    const uploads = [upload(' 申请书 ', 'same bytes'), upload('副本', 'same bytes', 'text/plain')];
    const refs = await ds.transaction((em) =>
      attachmentStore.store(em, uploads, attachmentStore.validate(new Validation(), uploads)),
    );
    const sha256 = sha256Hex('same bytes');
    expect(refs).toEqual([
      { name: '申请书', sha256, size: 10, mediaType: 'application/pdf' },
      { name: '副本', sha256, size: 10, mediaType: 'text/plain' },
    ]);
    const rows: { content: Buffer; media_type: string }[] = await ds.query(
      'SELECT content, media_type FROM attachment WHERE sha256 = $1',
      [sha256],
    );
    expect(rows.map((r) => [r.content.toString(), r.media_type])).toEqual([['same bytes', 'application/pdf']]);
  });

  it('refuses updates, deletes and truncation', async () => {
    await ds.transaction((em) => attachmentStore.store(em, [upload('a', 'keep me')], [Buffer.from('keep me')]));
    await expect(ds.query("UPDATE attachment SET media_type = 'text/plain'")).rejects.toThrow(
      'attachment is append-only: UPDATE refused',
    );
    await expect(ds.query('DELETE FROM attachment')).rejects.toThrow('attachment is append-only: DELETE refused');
    await expect(ds.query('TRUNCATE attachment')).rejects.toThrow('attachment is append-only: TRUNCATE refused');
    expect((await ds.query('SELECT count(*)::int AS n FROM attachment'))[0].n).toBeGreaterThanOrEqual(1);
  });

  it('makes a quoted table append-only too, sharing refuse_change()', async () => {
    await ds.query('CREATE TABLE "order" (id int PRIMARY KEY)');
    for (const sql of appendOnlySql('"order"')) await ds.query(sql);
    await ds.query('INSERT INTO "order" (id) VALUES (1)');
    await expect(ds.query('DELETE FROM "order"')).rejects.toThrow('order is append-only: DELETE refused');
    const triggers: { tgname: string }[] = await ds.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"order"'::regclass ORDER BY tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual(['order_append_only', 'order_no_truncate']);
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => appendOnlySql('attachment; DROP TABLE x')).toThrow(TypeError);
    expect(() => appendOnlySql('"order')).toThrow(TypeError);
  });
});
