/**
 * A code as typed on any phone keyboard, in Western digits: Persian (Dari)
 * and Arabic-Indic digits are mapped to 0–9, and spaces or dashes dropped.
 */
export function normaliseCode(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u200e\u200f-]/g, '');
}

export function isSixDigits(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}
