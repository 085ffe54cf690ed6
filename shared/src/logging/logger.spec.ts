import { createLogger, type LogSink } from './logger';
import { logContext } from './log-context';

/** A sink keeping every line, parsed. */
function lines(): LogSink & { read(): Record<string, unknown>[] } {
  const written: string[] = [];
  return {
    write: (line) => void written.push(line),
    read: () =>
      written
        .join('')
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger (pino): JSON lines, levels, redaction', () => {
  const saved = process.env['LOG_LEVEL'];
  afterEach(() => {
    process.env['LOG_LEVEL'] = saved;
  });
  const at = (level: string | undefined) => {
    if (level === undefined) delete process.env['LOG_LEVEL'];
    else process.env['LOG_LEVEL'] = level;
    const sink = lines();
    return { logger: createLogger('cases', {}, sink), sink };
  };

  it('writes one JSON object a line: level, time, service, message, fields', () => {
    const { logger, sink } = at('info');
    logger.info('card raised', { caseNumber: 'C-1', count: 2 });
    const [line] = sink.read();
    expect(line).toEqual({
      level: 'info',
      t: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'cases',
      msg: 'card raised',
      caseNumber: 'C-1',
      count: 2,
    });
  });

  it.each([
    ['info', ['info', 'warn', 'error']],
    [undefined, ['info', 'warn', 'error']],
    ['verbose', ['info', 'warn', 'error']], // not a level: as unset
    ['debug', ['info', 'warn', 'error']],
    ['WARN', ['warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
  ])('LOG_LEVEL=%s writes %j', (level, expected) => {
    const { logger, sink } = at(level);
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(sink.read().map((l) => l.level)).toEqual(expected);
  });

  it('redacts fields named like personal data, in any case and at any depth, arrays and child bindings too', () => {
    const { logger, sink } = at('info');
    logger.child({ token: 'tok-123', unit: '139901000000' }).warn('filed', {
      Phone: '13900001111',
      applicantName: '张三',
      case: { applicant: { idNumber: '130102199001011234', contact: { phone: '13900002222' } }, number: 'C-2' },
      people: [{ reporterName: '赵举报人' }, { password: 'secret-pw' }],
      code: 'OK',
    });
    const [line] = sink.read();
    expect(line).toMatchObject({
      token: '[redacted]',
      unit: '139901000000',
      Phone: '[redacted]',
      applicantName: '[redacted]',
      case: { applicant: { idNumber: '[redacted]', contact: '[redacted]' }, number: 'C-2' },
      people: [{ reporterName: '[redacted]' }, { password: '[redacted]' }],
      code: 'OK',
    });
    const text = JSON.stringify(line);
    for (const secret of [
      'tok-123',
      '13900001111',
      '张三',
      '130102199001011234',
      '13900002222',
      '赵举报人',
      'secret-pw',
    ])
      expect(text).not.toContain(secret);
  });

  it('does not change the caller’s objects while redacting', () => {
    const { logger } = at('info');
    const fields = { nested: { phone: '13900001111' } };
    logger.info('x', fields);
    expect(fields.nested.phone).toBe('13900001111');
  });

  it('child loggers add their fields to every line; lines inside a log context carry its trace id', () => {
    const { logger, sink } = at('info');
    const job = logger.child({ job: 'trace-checkpoint' });
    job.info('published', { owners: 3 });
    logContext.run({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, () => job.error('failed'));
    logger.info('outside');
    expect(sink.read()).toEqual([
      expect.objectContaining({ service: 'cases', job: 'trace-checkpoint', msg: 'published', owners: 3 }),
      expect.objectContaining({ job: 'trace-checkpoint', msg: 'failed', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }),
      expect.not.objectContaining({ traceId: expect.anything() }),
    ]);
  });

  it('writes info to stdout, warnings and errors to stderr, each once', () => {
    process.env['LOG_LEVEL'] = 'info';
    const out: string[] = [];
    const err: string[] = [];
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const logger = createLogger('gateway');
      logger.info('listening');
      logger.warn('slow');
      logger.error('down');
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    expect(out.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['listening']);
    expect(err.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['slow', 'down']);
  });
});
