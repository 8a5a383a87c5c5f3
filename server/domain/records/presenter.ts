import type { Extract } from '../../../common/schemas/records.ts';
import type { ListedExtract } from './repo.ts';

/** An extract's request and progress: never the file, never a subject outside the row. */
export function presentExtract(x: ListedExtract): Extract {
  return {
    id: x.id,
    subject: x.subject,
    subjectId: (x.childId ?? x.subjectUserId)!,
    status: x.status,
    progress: x.progress,
    requestedBy: { userId: x.requestedBy, displayName: x.requesterName },
    requestedAt: x.requestedAt.toISOString(),
    readyAt: x.readyAt?.toISOString() ?? null,
    expiresAt: x.expiresAt?.toISOString() ?? null,
    size: x.size,
  };
}
