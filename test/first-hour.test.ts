import { runCli } from './helpers/process';
import { startTestServer, testDatabaseUrl } from './helpers/server';

describe('npm run token -- --help', () => {
  it.each([['--help'], ['-h']])('%s documents every option and exits 0 without touching the database', async (flag) => {
    // An unreachable database: help must not need one.
    const result = await runCli(['token', flag], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    for (const option of ['--role', '--community', '--sub', '--expires', '--help']) expect(result.stdout).toContain(option);
    for (const role of ['RESIDENT', 'STAFF', 'DISPATCHER', 'MANAGER', 'DISTRICT', 'INTEGRATOR', 'ADMIN']) expect(result.stdout).toContain(role);
    expect(result.stdout).toMatch(/Authorization: Bearer <token>/);
  });

  it('still refuses an unknown option with one line', async () => {
    const result = await runCli(['token', '--rol', 'ADMIN'], { DATABASE_URL: testDatabaseUrl() });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining("Unknown option '--rol'")]);
  });
});

describe('the sandbox landing page', () => {
  const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

  it('is served outside production with telemetry off', async () => {
    const t = await startTestServer();
    try {
      const res = await page(t.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('EmbeddedSandbox');
      expect(html).toMatch(/\\?"runTelemetry\\?":false/);
      expect(html).not.toMatch(/\\?"runTelemetry\\?":true/);
    } finally {
      await t.close();
    }
  });

  it('is not served in production', async () => {
    const t = await startTestServer({ production: true });
    try {
      const res = await page(t.url);
      expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await res.text()).not.toContain('EmbeddedSandbox');
    } finally {
      await t.close();
    }
  });
});
