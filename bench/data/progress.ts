/**
 * A progress bar on stderr without a dependency. On a terminal it redraws one
 * line; in a log file it prints a line every tenth of the way.
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private lastTenth = -1;
  private label = '';
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(private total: number) {}

  /** The estimate can be off; the bar never passes 100 %. */
  setLabel(label: string): void {
    this.label = label;
    this.draw(true);
  }

  add(rows: number): void {
    this.done += rows;
    this.draw(false);
  }

  finish(): void {
    this.total = Math.max(this.total, this.done);
    this.done = this.total;
    this.label = 'done';
    this.draw(true);
    if (this.tty) process.stderr.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    const share = Math.min(1, this.total === 0 ? 1 : this.done / this.total);
    const tenth = Math.floor(share * 10);
    if (this.tty ? !force && now - this.lastDraw < 250 : tenth === this.lastTenth && !force) return;
    this.lastDraw = now;
    this.lastTenth = tenth;
    const elapsed = (now - this.started) / 1000;
    const eta = share > 0.01 ? (elapsed / share) * (1 - share) : NaN;
    const width = 30;
    const filled = Math.round(share * width);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
      `${formatCount(this.done)}/${formatCount(this.total)} rows  ${elapsed.toFixed(0)} s` +
      (Number.isFinite(eta) ? `, about ${eta.toFixed(0)} s left` : '') +
      `  ${this.label}`;
    process.stderr.write(this.tty ? `\r${line.padEnd(110)}` : `${line}\n`);
  }
}

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(n);
}
