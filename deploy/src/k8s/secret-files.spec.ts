import { createPrivateKey } from 'node:crypto';
import { DATABASE_ROLE_HOLDERS, databaseRoleName, databaseRolePassword } from '@sunlight/shared';
import { CHECKPOINT_KEY_FILES, KEY_NAMES, parseEnvFile, roleEnvFile, secretFiles } from './secret-files';

describe('secretFiles', () => {
  it('makes fresh keys, derives each role password from the internal secret, and Ed25519 checkpoint keys', () => {
    const files = secretFiles(new Map(), {});
    const keys = parseEnvFile(files.get('keys.env')!);
    expect([...keys.keys()]).toEqual([...KEY_NAMES]);
    expect(keys.get('SUNLIGHT_TOKEN_SECRET')!.length).toBeGreaterThanOrEqual(32);
    expect(keys.get('SUNLIGHT_INTERNAL_SECRET')).not.toEqual(keys.get('SUNLIGHT_TOKEN_SECRET'));
    expect(Buffer.from(keys.get('COMPLAINANT_KEY')!, 'base64')).toHaveLength(32);
    expect(keys.get('SUNLIGHT_TOKEN_SECRET_PREVIOUS')).toBe('');
    const internal = new TextEncoder().encode(keys.get('SUNLIGHT_INTERNAL_SECRET')!);
    for (const holder of DATABASE_ROLE_HOLDERS) {
      const role = databaseRoleName(holder);
      expect(Object.fromEntries(parseEnvFile(files.get(roleEnvFile(holder))!))).toEqual({
        username: role,
        password: databaseRolePassword(internal, role),
      });
    }
    for (const file of CHECKPOINT_KEY_FILES)
      expect(createPrivateKey(files.get(file)!).asymmetricKeyType).toBe('ed25519');
  });

  it('keeps what exists and rewrites only role passwords that no longer match the internal secret', () => {
    const first = secretFiles(new Map(), { SUNLIGHT_INTERNAL_SECRET: 'i'.repeat(40) });
    expect(secretFiles(first, {}).size).toBe(0);
    const rotated = new Map(first);
    rotated.set('keys.env', first.get('keys.env')!.replace('i'.repeat(40), 'j'.repeat(40)));
    const again = secretFiles(rotated, {});
    expect([...again.keys()].sort()).toEqual(DATABASE_ROLE_HOLDERS.map(roleEnvFile).sort());
  });

  it('refuses a keys.env that lacks a key', () => {
    expect(() => secretFiles(new Map([['keys.env', 'SUNLIGHT_TOKEN_SECRET=x\n']]), {})).toThrow(
      'keys.env lacks SUNLIGHT_TOKEN_SECRET_PREVIOUS, SUNLIGHT_INTERNAL_SECRET, COMPLAINANT_KEY',
    );
  });
});
