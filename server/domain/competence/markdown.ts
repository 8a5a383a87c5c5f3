import MarkdownIt from 'markdown-it';

/*
 * Article bodies are written by staff and read by every colleague, so the
 * rendering must be inert whatever is typed: raw HTML is escaped (`html:
 * false`), images are off (no requests to foreign hosts), and a link keeps its
 * target only when it is http(s), mailto or relative. The page's CSP forbids
 * inline scripts as a second wall.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.disable('image');

/** Control characters and whitespace browsers ignore inside a scheme ("java\tscript:"). */
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;

function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Only http(s), mailto and relative links; anything with another scheme (or an odd one) is dropped. */
export function isSafeLink(url: string): boolean {
  const u = decoded(url).replace(IGNORED, '').toLowerCase();
  if (u.startsWith('//') || u.startsWith('\\')) return false;
  // A colon before the first /, ? or # makes it a scheme in the browser's eyes.
  const head = u.split(/[/?#]/)[0] ?? '';
  if (!head.includes(':')) return true;
  return /^(https?|mailto):/.test(u);
}

md.validateLink = isSafeLink;

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown to HTML that carries no script, no raw HTML and no unsafe link. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
