import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoHistoryMarker, InterruptedDemoHistoryError } from './demo-history-marker';

const URL_A = 'postgres://sunlight:secret@127.0.0.1:54329/sunlight';
const URL_B = 'postgres://postgres@127.0.0.1:5432/other';

describe('DemoHistoryMarker: a first start stopped while it wrote the demo history', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-marker-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses the next start on the same database when the write left cases behind', () => {
    new DemoHistoryMarker(dir, URL_A).mark('writing');
    const next = new DemoHistoryMarker(dir, URL_A);
    expect(() => next.assertNotInterrupted(true)).toThrow(InterruptedDemoHistoryError);
    expect(() => next.assertNotInterrupted(true)).toThrow(/interrupted.*delete DATA_DIR/);
  });

  it('lets a write that ended, one that failed before its first case, and another database through', () => {
    new DemoHistoryMarker(dir, URL_A).mark('writing');
    expect(() => new DemoHistoryMarker(dir, URL_A).assertNotInterrupted(false)).not.toThrow();
    expect(() => new DemoHistoryMarker(dir, URL_B).assertNotInterrupted(true)).not.toThrow();
    new DemoHistoryMarker(dir, URL_A).mark('written');
    expect(() => new DemoHistoryMarker(dir, URL_A).assertNotInterrupted(true)).not.toThrow();
    expect(() => new DemoHistoryMarker(path.join(dir, 'none'), URL_A).assertNotInterrupted(true)).not.toThrow();
  });

  it('keeps no credentials in DATA_DIR', () => {
    new DemoHistoryMarker(dir, URL_A).mark('written');
    const text = fs.readFileSync(path.join(dir, 'demo-history.json'), 'utf8');
    expect(text).toContain('127.0.0.1:54329/sunlight');
    expect(text).not.toContain('secret');
  });
});
