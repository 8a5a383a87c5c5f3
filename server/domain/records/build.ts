import { zipSync, strToU8 } from 'fflate';
import { ExtractDocument, type ExtractSection, type ExtractWithheld } from '../../../common/schemas/records.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { PlanContent } from '../../../common/schemas/plans.ts';
import { filterContent } from '../plans/content.ts';
import { loadGrants } from '../sharing/rule.ts';
import { childParts, userParts } from './coverage.ts';
import { renderExtractPdf } from './pdf.ts';
import * as repo from './repo.ts';

export interface Built {
  document: ExtractDocument;
  zip: Buffer;
}

/**
 * Gathers everything held about the subject (the parts of `coverage.ts`, all queries at once), with the
 * requester as the reader the sharing rule judges, and packs `registerutdrag.pdf` and `registerutdrag.json`.
 * The document is parsed by its zod schema before it is written, so the JSON is what the schema says.
 */
export async function buildExtract(
  tx: Db,
  requester: Actor,
  subject: 'child' | 'user',
  subjectId: string,
  subjectName: string,
  now: Date,
): Promise<Built> {
  const parts = subject === 'child' ? childParts : userParts;
  const results = await Promise.all(parts.map((p) => repo.partRows(tx, requester, p, subjectId)));
  const sections: ExtractSection[] = parts.map((p, i) => ({ key: p.key, table: p.table, rows: results[i]!.rows }));
  const withheld: ExtractWithheld[] = results.flatMap((r) => r.withheld);
  if (subject === 'child') await filterPlanVersions(tx, requester, subjectId, sections, withheld);
  const accesses = await repo.accesses(
    tx,
    requester.tenantId,
    subject === 'child' ? { childId: subjectId } : { actorUserId: subjectId },
  );
  const document = ExtractDocument.parse({
    format: 'navet-registerutdrag/1',
    subject,
    subjectId,
    subjectName,
    generatedAt: now.toISOString(),
    requestedBy: requester.displayName,
    sections,
    withheld,
    accesses,
  });
  const pdf = await renderExtractPdf(document, await repo.organisationNames(tx, requester.tenantId));
  const zip = zipSync({
    'registerutdrag.pdf': new Uint8Array(pdf),
    'registerutdrag.json': strToU8(JSON.stringify(document, null, 2)),
  });
  return { document, zip: Buffer.from(zip) };
}

/**
 * An adopted plan version is one frozen JSON document holding every party's entries and measures: the
 * sharing rule is applied inside it, as when the version is read in the plan, and what is kept back is
 * counted by owner and category like any other withheld row.
 */
async function filterPlanVersions(
  tx: Db,
  requester: Actor,
  childId: string,
  sections: ExtractSection[],
  withheld: ExtractWithheld[],
): Promise<void> {
  const section = sections.find((s) => s.table === 'plan_versions');
  if (!section || section.rows.length === 0) return;
  const grants = await loadGrants(tx, requester, childId);
  for (const row of section.rows) {
    const filtered = filterContent(row.content as PlanContent, grants);
    row.content = filtered.content;
    for (const g of filtered.withheld) {
      const same = withheld.find(
        (w) => w.table === 'plan_versions' && w.owner === g.owner && w.category === g.category,
      );
      if (same) same.count += 1;
      else
        withheld.push({
          table: 'plan_versions',
          owner: g.owner,
          category: g.category,
          count: 1,
          reason: 'secrecy_other_organisation',
        });
    }
  }
}
