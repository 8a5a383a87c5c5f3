import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { redactUrl } from './log-redact.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const feedToken = 'Qx3vN9kLp2RtY7wZb4Hj8Mf1Sd6Gc0Ae5Ui-_oPqRs';
const linkToken = 'hT5kW2mZ9pQ4vX7nB3cR8yL1fG6dJ0sA-_uE4iOtNw';

describe('the request log', () => {
  it('never holds a link or feed token, nor a query value; it keeps the route and ids', async () => {
    const lines: string[] = [];
    const app = await buildApp(t.deps, { logger: true, logStream: { write: (line) => lines.push(line) } });
    try {
      const childId = crypto.randomUUID();
      for (const url of [
        `/api/calendar/feeds/${feedToken}.ics`,
        `/c/${linkToken}`,
        `/api/children/${childId}/timeline?before=12&q=Amir`,
        `/api/oidc/callback?code=${linkToken}&state=${feedToken}`,
      ])
        await app.inject({ method: 'GET', url });
    } finally {
      await app.close();
    }
    const log = lines.join('\n');
    expect(log).toContain('/api/calendar/feeds/[redacted]');
    expect(log).toContain('/c/[redacted]');
    expect(log).toContain('/timeline?before=[redacted]&q=[redacted]');
    expect(log).toMatch(/\/api\/children\/[0-9a-f-]{36}\/timeline/);
    for (const secret of [feedToken, linkToken, feedToken.slice(0, 12), linkToken.slice(0, 12), 'Amir'])
      expect(log, secret).not.toContain(secret);
  });
});

describe('redactUrl', () => {
  it('replaces token segments and query values, keeps route words and uuids', () => {
    expect(redactUrl('/api/hub/communication-agreement/topic-responsibles')).toBe(
      '/api/hub/communication-agreement/topic-responsibles',
    );
    expect(redactUrl('/api/children/2b1f1a52-8c2e-4c1e-9a56-0f0e2a1d3c4b')).toBe(
      '/api/children/2b1f1a52-8c2e-4c1e-9a56-0f0e2a1d3c4b',
    );
    expect(redactUrl(`/api/x/${'a1'.repeat(16)}`)).toBe('/api/x/[redacted]');
    expect(redactUrl('/c/short')).toBe('/c/[redacted]');
    expect(redactUrl('/api/auth/reset/abc?x')).toBe('/api/auth/reset/[redacted]?x');
  });
});
