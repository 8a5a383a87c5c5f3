import { describe, expect, it } from 'vitest';
import { isSafeLink, renderMarkdown } from './markdown.ts';

describe('article markdown', () => {
  it('renders ordinary markdown', () => {
    const html = renderMarkdown('# Rubrik\n\n**fet** och [länk](https://example.se) och [rel](/knowledge)');
    expect(html).toContain('<h1>Rubrik</h1>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('href="https://example.se"');
    expect(html).toContain('href="/knowledge"');
  });

  it('escapes raw HTML and script', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<b>fet</b>');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript:, data: and protocol-relative links', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
    ]) {
      const html = renderMarkdown(`[klick](${href})`);
      expect(html, href).not.toContain('<a ');
    }
    expect(renderMarkdown('[klick](java&#x09;script:alert(1))')).not.toContain('<a ');
    expect(renderMarkdown('<javascript:alert(1)>')).not.toContain('<a ');
    expect(renderMarkdown('![bild](https://tracker.example/x.png)')).not.toContain('<img');
  });

  it('keeps mailto and marks links', () => {
    expect(renderMarkdown('[mejl](mailto:a@b.se)')).toContain('href="mailto:a@b.se"');
    expect(renderMarkdown('[x](https://a.se)')).toContain('rel="noopener noreferrer nofollow"');
    expect(isSafeLink('java\tscript:alert(1)')).toBe(false);
    expect(isSafeLink('../other')).toBe(true);
  });
});
