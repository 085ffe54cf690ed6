import { nameUuid } from './name-uuid';

describe('nameUuid', () => {
  it('gives the id every generated row already carries (pinned: changing it re-keys all demo and city data)', () => {
    expect(nameUuid('sunlight-demo', 'power', '139901000000', 'XK-001')).toBe('131f3d18-47a4-52f4-a2f9-28f51a74ce99');
  });

  it('is a version-5, RFC 4122 variant layout, the same for the same name and apart across namespaces', () => {
    const id = nameUuid('sunlight-city', 'risk', 'p1', 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('sunlight-city', 'risk', 'p1', 1)).toBe(id);
    expect(nameUuid('sunlight-demo', 'risk', 'p1', 1)).not.toBe(id);
  });
});
