import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Comparison,
  MapDetail,
  MapList,
  MapVersion,
  NeedMade,
  ProposalMade,
  VersionContent,
  type AdoptBody,
  type AnnotationBody,
  type AnnotationNeedBody,
  type AnnotationPatch,
  type MapCreateBody,
  type SaveBody,
  type WorkshopBody,
} from '../../common/schemas/processmaps.ts';
import {
  ChildrenBehind,
  LinkList,
  Overlay,
  type Figure,
  type LinkBody,
} from '../../common/schemas/processmaps-conformance.ts';
import { call } from './client.ts';

/** Key factories of the process maps; a write refreshes everything of its map. */
export const mapKeys = {
  all: ['process-maps'] as const,
  list: (id: string) => [...mapKeys.all, 'list', id] as const,
  one: (id: string, mapId: string) => [...mapKeys.all, 'one', id, mapId] as const,
  version: (id: string, mapId: string, n: number) => [...mapKeys.one(id, mapId), 'version', n] as const,
  compare: (id: string, mapId: string, from: number, to: number) =>
    [...mapKeys.one(id, mapId), 'compare', from, to] as const,
};

const list = (id: string) => `/api/collaborations/${encodeURIComponent(id)}/process-maps`;
const one = (id: string, mapId: string) => `${list(id)}/${encodeURIComponent(mapId)}`;
/** Where the browser downloads a version's BPMN file. */
export const exportUrl = (id: string, mapId: string, n: number) => `${one(id, mapId)}/versions/${n}/bpmn`;

export const useMaps = (id: string) =>
  useQuery({ queryKey: mapKeys.list(id), queryFn: ({ signal }) => call(MapList, 'GET', list(id), { signal }) });

export const useMap = (id: string, mapId: string) =>
  useQuery({
    queryKey: mapKeys.one(id, mapId),
    queryFn: ({ signal }) => call(MapDetail, 'GET', one(id, mapId), { signal }),
  });

export const useVersion = (id: string, mapId: string, n: number | undefined) =>
  useQuery({
    queryKey: mapKeys.version(id, mapId, n ?? 0),
    enabled: n !== undefined,
    queryFn: ({ signal }) => call(VersionContent, 'GET', `${one(id, mapId)}/versions/${n}`, { signal }),
  });

export const useCompare = (id: string, mapId: string, pair: { from: number; to: number } | null) =>
  useQuery({
    queryKey: mapKeys.compare(id, mapId, pair?.from ?? 0, pair?.to ?? 0),
    enabled: pair !== null,
    queryFn: ({ signal }) =>
      call(Comparison, 'GET', `${one(id, mapId)}/compare?from=${pair?.from}&to=${pair?.to}`, { signal }),
  });

export function useCreateMap(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MapCreateBody) => call(MapDetail, 'POST', list(id), { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mapKeys.list(id) }),
  });
}

/** Every write of one map: after it, the map and its versions are read again. */
function useMapWrite<B, R>(id: string, mapId: string, fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: mapKeys.one(id, mapId) }),
  });
}

export const useSaveVersion = (id: string, mapId: string) =>
  useMapWrite(id, mapId, (body: SaveBody) => call(MapVersion, 'POST', `${one(id, mapId)}/versions`, { body }));
export const useAdopt = (id: string, mapId: string) =>
  useMapWrite(id, mapId, ({ n, ...body }: AdoptBody & { n: number }) =>
    call(MapDetail, 'POST', `${one(id, mapId)}/versions/${n}/adopt`, { body }),
  );
export const useAddWorkshop = (id: string, mapId: string) =>
  useMapWrite(id, mapId, (body: WorkshopBody) => call(MapDetail, 'POST', `${one(id, mapId)}/workshops`, { body }));
export const useAnnotate = (id: string, mapId: string) =>
  useMapWrite(id, mapId, (body: AnnotationBody) => call(MapDetail, 'POST', `${one(id, mapId)}/annotations`, { body }));
export const useEditAnnotation = (id: string, mapId: string) =>
  useMapWrite(id, mapId, ({ annotationId, ...body }: AnnotationPatch & { annotationId: string }) =>
    call(MapDetail, 'PATCH', `${one(id, mapId)}/annotations/${annotationId}`, { body }),
  );
export const usePropose = (id: string, mapId: string) =>
  useMapWrite(id, mapId, (annotationId: string) =>
    call(ProposalMade, 'POST', `${one(id, mapId)}/annotations/${annotationId}/proposal`),
  );
type NeedVars = Pick<AnnotationNeedBody, 'ownerUserId' | 'dueOn'> &
  Partial<Pick<AnnotationNeedBody, 'priority' | 'title'>> & { annotationId: string };
/** "Make it a competence need" (step 4): linked both ways. */
export const useMakeNeed = (id: string, mapId: string) =>
  useMapWrite(id, mapId, ({ annotationId, ...body }: NeedVars) =>
    call(NeedMade, 'POST', `${one(id, mapId)}/annotations/${annotationId}/competence-need`, { body }),
  );

/* The map held against reality: links of a version, the adopted map's overlay, the children behind a figure. */

export const overlayKeys = {
  overlay: (id: string, mapId: string) => [...mapKeys.one(id, mapId), 'overlay'] as const,
  behind: (id: string, mapId: string, elementId: string, figure: Figure) =>
    [...mapKeys.one(id, mapId), 'behind', elementId, figure] as const,
};

export const useOverlay = (id: string, mapId: string) =>
  useQuery({
    queryKey: overlayKeys.overlay(id, mapId),
    queryFn: ({ signal }) => call(Overlay, 'GET', `${one(id, mapId)}/conformance`, { signal }),
  });

export const useChildrenBehind = (id: string, mapId: string, q: { elementId: string; figure: Figure } | null) =>
  useQuery({
    queryKey: overlayKeys.behind(id, mapId, q?.elementId ?? '', q?.figure ?? 'reached'),
    enabled: q !== null,
    retry: false,
    queryFn: ({ signal }) =>
      call(
        ChildrenBehind,
        'GET',
        `${one(id, mapId)}/conformance/children?elementId=${encodeURIComponent(q?.elementId ?? '')}&figure=${q?.figure}`,
        { signal },
      ),
  });

export const useSetLink = (id: string, mapId: string, n: number) =>
  useMapWrite(id, mapId, (body: LinkBody) => call(LinkList, 'PUT', `${one(id, mapId)}/versions/${n}/links`, { body }));
export const useRemoveLink = (id: string, mapId: string, n: number) =>
  useMapWrite(id, mapId, (elementId: string) =>
    call(LinkList, 'DELETE', `${one(id, mapId)}/versions/${n}/links/${encodeURIComponent(elementId)}`),
  );
