/**
 * What the request log may say about a URL. Some URLs carry the credential
 * itself: the child's page link (`/c/<token>`), a calendar feed
 * (`/api/calendar/feeds/<token>.ics`), one-time links by e-mail. A log is read
 * by more people than the database and kept elsewhere, so such secrets never
 * reach it: a path segment that follows a token-holding segment, or that looks
 * like a random token, is replaced, and so is every query value (a query may
 * hold a code, a state or the name someone searched for).
 */

export const REDACTED = '[redacted]';

/** Segments after which the next segment is a secret, never an id. */
const secretAfter = new Set(['c', 'feeds', 'redeem', 'invitations', 'invitation', 'invite', 'reset', 'password-reset']);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** base64url or hex of 16+ random bytes; route words are lower-case, so a digit or capital is required. */
const tokenLike = /^(?=.*[A-Z0-9])[A-Za-z0-9_-]{22,}(\.[a-z]{1,5})?$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function redactPath(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (segment === '') return segment;
      const value = decode(segment);
      const previous = i > 0 ? decode(segments[i - 1] ?? '').toLowerCase() : '';
      const secret = secretAfter.has(previous) || (tokenLike.test(value) && !uuid.test(value));
      return secret ? REDACTED : segment;
    })
    .join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
}

/** The URL as the log may show it: the route's shape kept, its secrets replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return redactPath(url);
  return `${redactPath(url.slice(0, q))}?${redactQuery(url.slice(q + 1))}`;
}
