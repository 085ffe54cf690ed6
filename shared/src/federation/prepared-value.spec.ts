import { PreparedValue } from './prepared-value';

describe('PreparedValue', () => {
  it('refuses to be read before prepare sets it, naming the subgraph', () => {
    const config = new PreparedValue<{ port: number }>('cases');
    expect(() => config.get()).toThrow('the cases subgraph is not prepared yet');
  });

  it('hands back what was set, through a detached get as well', () => {
    const config = new PreparedValue<{ port: number }>('cases');
    const { get } = config;
    const value = { port: 4002 };
    expect(config.set(value)).toBe(value);
    expect(get()).toBe(value);
  });
});
