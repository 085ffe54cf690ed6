import path from 'node:path';
import { MAX_SOCKET_PATH, postgresSocketDirectory } from './postgres-socket-directory';

// PostgreSQL's start-up failures and the socket's place on a running cluster are checked on the
// real launcher: deploy/src/local/launcher.spec.ts (jest's sandbox cannot load the ESM library).
describe('postgresSocketDirectory', () => {
  it('puts the socket in the data directory', () => {
    expect(postgresSocketDirectory('/tmp/x-data/pg', 54329)).toBe('/tmp/x-data/pg');
  });

  it('gives no unix socket when its path would be too long or cannot be listed', () => {
    const long = '/tmp/' + 'd'.repeat(MAX_SOCKET_PATH - 18);
    expect(Buffer.byteLength(path.join(long, '.s.PGSQL.54329'))).toBeGreaterThan(MAX_SOCKET_PATH);
    expect(postgresSocketDirectory(long, 54329)).toBe('');
    expect(postgresSocketDirectory(long.slice(0, -2), 5432)).toBe(long.slice(0, -2));
    expect(postgresSocketDirectory('/tmp/a,b/pg', 5432)).toBe('');
  });
});
