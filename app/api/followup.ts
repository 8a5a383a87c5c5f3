import { useQuery } from '@tanstack/react-query';
import { Figures, IndicatorList, type FollowupLevel, type FollowupPeriod } from '../../common/schemas/followup.ts';
import { ReceivedError } from '../../common/errors-shown.ts';
import { ApiError, call } from './client.ts';

export interface FiguresArgs {
  level: FollowupLevel;
  id: string;
  from: string;
  to: string;
  period: FollowupPeriod;
}

export const followupKeys = {
  all: ['followup'] as const,
  indicators: () => [...followupKeys.all, 'indicators'] as const,
  figures: (a: FiguresArgs) => [...followupKeys.all, 'figures', a] as const,
};

export function useIndicators() {
  return useQuery({
    queryKey: followupKeys.indicators(),
    queryFn: ({ signal }) => call(IndicatorList, 'GET', '/api/followup/indicators', { signal }),
  });
}

export function useFigures(a: FiguresArgs | null) {
  return useQuery({
    queryKey: a ? followupKeys.figures(a) : [...followupKeys.all, 'figures', 'none'],
    enabled: a !== null,
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ level: a!.level, id: a!.id, from: a!.from, to: a!.to, period: a!.period });
      return call(Figures, 'GET', `/api/followup/figures?${q.toString()}`, { signal });
    },
  });
}

const figuresQuery = (a: FiguresArgs) =>
  new URLSearchParams({ level: a.level, id: a.id, from: a.from, to: a.to, period: a.period }).toString();

/** The figures shown, as a file: the same query as the dashboard's. */
export const figuresExportUrl = (a: FiguresArgs, format: 'csv' | 'xlsx') =>
  `/api/followup/figures.${format}?${figuresQuery(a)}`;

/** A collaboration's yearly report, for its strategic group. */
export const yearlyReportUrl = (id: string, year: number, lang: string) =>
  `/api/followup/collaborations/${encodeURIComponent(id)}/report.pdf?year=${year}&lang=${lang === 'en' ? 'en' : 'sv'}`;

/**
 * Fetches a file with the session cookie, reporting the bytes received so the
 * page can say how far it has come, then hands it to the browser as a download.
 * A refusal arrives in the server's one error shape, as an ApiError.
 */
export async function downloadFile(url: string, onBytes: (bytes: number) => void): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (!res.ok) {
    const body = ReceivedError.safeParse(await res.json().catch(() => null));
    throw body.success
      ? new ApiError(res.status, body.data.error, body.data.message, body.data.issues ?? [])
      : new ApiError(res.status, `http_${res.status}`, res.statusText);
  }
  const parts: BlobPart[] = [];
  const reader = res.body?.getReader();
  let bytes = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.length;
    onBytes(bytes);
  }
  const blob = new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'navet-export';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started saving by now; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
