/**
 * Whether a text names the child: its name (as a word, any case) or its case
 * number (digits compared without spaces or dashes). A general question from
 * a hub must not carry either.
 */
export function childMentions(text: string, child: { displayName: string; caseNumber: string | null }): boolean {
  const lower = text.toLocaleLowerCase('sv');
  const names = child.displayName
    .toLocaleLowerCase('sv')
    .split(/\s+/)
    .filter((n) => n.length >= 2);
  const words = new Set(lower.split(/[^\p{L}\p{N}]+/u));
  if (names.some((n) => words.has(n)) || lower.includes(child.displayName.toLocaleLowerCase('sv'))) return true;
  if (!child.caseNumber) return false;
  const digits = (s: string) => s.replace(/[\s\-–./]/g, '');
  const caseNo = digits(child.caseNumber).toLocaleLowerCase('sv');
  return caseNo.length >= 4 && digits(lower).includes(caseNo);
}
