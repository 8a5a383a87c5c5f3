import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1, for tests: it logs in whoever
 * `next.subject` names, at the `next.acr` level, with no login form. `next.tamper` rewrites the ID token
 * of the next token response (re-signed with the provider's own key), to make an expired token or
 * one for another audience: checks only the provider's signature cannot catch.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  next: { subject: string; acr?: string; tamper?: (claims: JWTPayload) => JWTPayload };
  /** Goes through the provider's pages like a browser and returns the redirect back to Navet. */
  authorize(url: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUris: string[]): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const next: TestProvider['next'] = { subject: 'person-1' };
  const clientId = 'navet';
  const clientSecret = 'a-client-secret-for-tests-only';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    acrValues: ['urn:test:loa:2', 'urn:test:loa:3'],
    claims: { openid: ['sub'], email: ['email'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: `${sub}@example.se` }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
  });
  provider.on('server_error', (_ctx, err) => console.error('test provider', err));

  provider.use(async (ctx: KoaContextWithOIDC, nextMw: () => Promise<unknown>) => {
    await nextMw();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && next.tamper && body?.id_token) {
      const claims = next.tamper(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
      next.tamper = undefined;
    }
  });

  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: next.subject, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: next.subject, ...(next.acr ? { acr: next.acr } : {}) }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  async function authorize(start: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = start;
    for (let i = 0; i < 10; i++) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair = ''] = c.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
      const to = new URL(location, url);
      if (!to.href.startsWith(issuer)) return to;
      url = to.href;
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    next,
    authorize,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
