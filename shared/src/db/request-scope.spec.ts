import { requestScope } from './request-scope';

describe('requestScope.inRequest: a request told apart from a background job', () => {
  it('is true inside a request, also where the request reads as the system', async () => {
    await requestScope.run(async () => {
      expect(requestScope.inRequest()).toBe(true);
      await Promise.resolve();
      expect(requestScope.asSystem(() => requestScope.inRequest())).toBe(true);
    });
  });

  it('is false for a job started as the system outside any request, and for its timers', async () => {
    expect(requestScope.inRequest()).toBe(false);
    const fromTimer = await requestScope.asSystem(
      () => new Promise<boolean>((resolve) => setTimeout(() => resolve(requestScope.inRequest()), 1)),
    );
    expect(fromTimer).toBe(false);
  });
});
