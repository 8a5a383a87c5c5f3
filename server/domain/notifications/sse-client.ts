import http from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * A minimal server-sent-events reader for tests and the benchmark: connects
 * with a session cookie, collects events, and resolves waiters as they arrive.
 */
export interface SseClient {
  events: SseEvent[];
  /** Resolves with the first event (already received or coming) that matches. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export function openSse(baseUrl: string, cookie: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: { match: (e: SseEvent) => boolean; done: (e: SseEvent) => void }[] = [];
    const req = http.get(
      `${baseUrl}/api/notifications/stream`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!name || data === undefined) continue;
            const e = { event: name, data: JSON.parse(data) as unknown };
            events.push(e);
            for (const w of [...waiters])
              if (w.match(e)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(e);
              }
          }
        });
        resolve({
          events,
          next: (match, timeoutMs = 5000) =>
            new Promise((done, fail) => {
              const seen = events.find(match);
              if (seen) return done(seen);
              const timer = setTimeout(() => fail(new Error('no matching event in time')), timeoutMs);
              waiters.push({
                match,
                done: (e) => {
                  clearTimeout(timer);
                  done(e);
                },
              });
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (err) => {
      if (!('code' in err && err.code === 'ECONNRESET')) reject(err);
    });
  });
}
