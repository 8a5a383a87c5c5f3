import en from '../../../common/i18n/areas/followup.en.json';
import sv from '../../../common/i18n/areas/followup.sv.json';
import { fill, MARGIN, openPdf, type PdfWriter } from '../../pdf/document.ts';
import type { IndicatorUnit } from '../../../common/schemas/followup.ts';
import type { ReportIndicator, YearlyReport } from './report.ts';

type Lang = 'sv' | 'en';
const labels = { sv: sv.followup, en: en.followup };
type Labels = (typeof labels)['sv'];
const ROW = 16;
const CHART_HEIGHT = 90;

/**
 * The yearly report as a tagged A4 PDF: headings and text as in the other
 * PDFs of Navet, a table per indicator (the figures as masked on screen), and
 * a bar chart beside it drawn as decoration (the table carries the figures).
 */
export async function renderYearlyReport(r: YearlyReport, lang: Lang): Promise<Buffer> {
  const L = labels[lang];
  const { w, finish } = openPdf({ lang, title: `${L.report.title} – ${r.collaborationName} – ${r.year}` });
  const name = (i: ReportIndicator) => L.indicators[i.indicator].name;
  const show = (i: ReportIndicator, v: number | null) =>
    formatValue(v, i.unit, (value) => fill(L.hours, { value })) ?? L.masked;
  const previous = String(r.year - 1);

  w.title(L.report.title);
  w.text(fill(L.report.subtitle, { name: r.collaborationName, year: String(r.year) }));
  w.text(fill(L.report.generated, { date: r.producedOn }));
  w.text(L.report.masking);

  w.heading(fill(L.report.changesTitle, { previous }));
  for (const i of r.indicators) w.text(`${name(i)}: ${changeLine(L, i, previous, show)}`);

  w.heading(L.report.indicatorsTitle);
  for (const i of r.indicators) {
    w.subheading(name(i));
    if (i.points.length === 0) {
      w.text(L.report.noData);
      continue;
    }
    w.text(
      fill(L.report.target, {
        target: i.target === null ? L.report.noTarget : show(i, i.target),
        status: L.status[i.yearStatus],
        trend: L.trend[i.trend],
      }),
    );
    w.text(changeLine(L, i, previous, show));
    // The chart and its table stay on one page.
    const charted = i.points.some((p) => p.period !== 'total' && p.value !== null);
    w.room((charted ? CHART_HEIGHT + 40 : 0) + (i.points.length + 2) * ROW);
    if (charted) chart(w, i, L.report.chart);
    const hours = i.unit === 'working_hours';
    table(
      w,
      [L.table.period, L.table.children, L.table.base, L.table.hits, L.table.value, ...(hours ? [L.table.p90] : [])],
      i.points.map((p) => [
        p.period === 'total' ? L.table.total : p.period,
        p.children,
        p.base,
        p.hits,
        show(i, p.value),
        ...(hours ? [show(i, p.p90)] : []),
      ]),
    );
  }

  w.heading(L.report.barriersTitle);
  if (r.barriers.length === 0) w.text(L.report.noBarriers);
  for (const b of r.barriers)
    w.text(
      `• ${fill(L.report.barrier, {
        type: L.report.barrierType[b.type],
        status: L.report.barrierStatus[b.status],
        due: b.dueOn,
        description: b.description,
      })}`,
    );
  w.heading(L.report.proposalsTitle);
  if (r.proposals.length === 0) w.text(L.report.noProposals);
  for (const p of r.proposals) {
    w.text(`• ${fill(L.report.proposal, { title: p.title, status: L.report.proposalStatus[p.status] })}`);
    if (p.decision) w.text(`  ${fill(L.report.decision, { date: p.decidedOn ?? '', decision: p.decision })}`);
  }
  return finish();
}

function changeLine(
  L: Labels,
  i: ReportIndicator,
  previous: string,
  show: (i: ReportIndicator, v: number | null) => string,
) {
  if (i.change === 'not_comparable') return fill(L.report.notComparable, { previous });
  const now = i.points.find((p) => p.period === 'total')!;
  return fill(L.report.changed, {
    previous,
    before: show(i, i.previous!.value),
    now: show(i, now.value),
    change: L.report.change[i.change],
  });
}

/** How a value reads: a share in per cent, working hours with their unit (the caller's template). */
function formatValue(v: number | null, unit: IndicatorUnit, hours: (value: string) => string): string | null {
  if (v === null) return null;
  return unit === 'share' ? `${Math.round(v * 100)} %` : hours(String(v));
}

/** Columns of equal width, the first wider; each row on one line. */
function table(w: PdfWriter, header: string[], rows: string[][]) {
  const doc = w.doc;
  const first = 90;
  const rest = (w.width - first) / (header.length - 1);
  const x = (c: number) => MARGIN + (c === 0 ? 0 : first + (c - 1) * rest);
  const line = (cells: string[], font: 'regular' | 'bold') => {
    w.room(ROW + 4);
    const y = doc.y;
    doc.font(font).fontSize(9);
    cells.forEach((cell, c) => doc.text(cell, x(c), y, { width: (c === 0 ? first : rest) - 4, lineBreak: false }));
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  doc.moveDown(0.3);
  line(header, 'bold');
  doc
    .moveTo(MARGIN, doc.y - 3)
    .lineTo(MARGIN + w.width, doc.y - 3)
    .lineWidth(0.5)
    .strokeColor('#444444')
    .stroke();
  for (const row of rows) line(row, 'regular');
  doc.moveDown(0.3);
}

/** Bars per quarter with the target as a dashed line; masked quarters are labelled, not drawn. */
function chart(w: PdfWriter, i: ReportIndicator, caption: string) {
  const doc = w.doc;
  const periods = i.points.filter((p) => p.period !== 'total');
  const values = periods.map((p) => p.value ?? 0);
  const top = Math.max(i.unit === 'share' ? 1 : 0, ...values, i.target ?? 0) * 1.1 || 1;
  w.room(CHART_HEIGHT + 40);
  doc.moveDown(0.3);
  w.text(caption);
  const y0 = doc.y + 4;
  const base = y0 + CHART_HEIGHT;
  const slot = Math.min(90, w.width / Math.max(periods.length, 1));
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .lineWidth(0.5)
    .strokeColor('#444444')
    .moveTo(MARGIN, base)
    .lineTo(MARGIN + slot * periods.length, base)
    .stroke();
  periods.forEach((p, n) => {
    const x = MARGIN + n * slot + slot * 0.2;
    if (p.value !== null) {
      const h = (p.value / top) * CHART_HEIGHT;
      doc
        .rect(x, base - h, slot * 0.6, h)
        .fillColor('#0b5394')
        .fill();
    }
    doc.fillColor('#000000').font('regular').fontSize(8);
    const masked = /^\d+$/.test(p.children) ? p.hits : p.children;
    doc.text(p.value === null ? masked : '', x, base - 12, { width: slot * 0.6, align: 'center', lineBreak: false });
    doc.text(p.period, x - slot * 0.2, base + 3, { width: slot, align: 'center', lineBreak: false });
  });
  if (i.target !== null) {
    const ty = base - (i.target / top) * CHART_HEIGHT;
    doc
      .lineWidth(1)
      .strokeColor('#6b3fa0')
      .dash(4, { space: 3 })
      .moveTo(MARGIN, ty)
      .lineTo(MARGIN + slot * periods.length, ty)
      .stroke()
      .undash();
  }
  doc.endMarkedContent();
  doc.fillColor('#000000');
  doc.x = MARGIN;
  doc.y = base + 16;
}
