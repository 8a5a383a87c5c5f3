import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Consent, ConsentList, type ConsentBody, type WithdrawConsentBody } from '../../../common/schemas/consent.ts';
import {
  Plan,
  PlanList,
  type AdoptBody,
  type CreatePlanBody,
  type EndPlanBody,
  type EntryBody,
  type FollowUpBody,
  type InvitationsBody,
  type MeasureBody,
  type MeasurePatch,
  type ParticipantsBody,
  type PlanPatch,
} from '../../../common/schemas/plans.ts';
import { LegalBasisList, Share, ShareList, type ShareBody } from '../../../common/schemas/sharing.ts';
import { call } from '../../api/client.ts';

/**
 * A consent or a share changes what every plan of the child shows, so all of a
 * child's consent and plan data hangs under one key and is refreshed together.
 */
export const planKeys = {
  child: (childId: string) => ['plans', 'child', childId] as const,
  plans: (childId: string) => [...planKeys.child(childId), 'plans'] as const,
  consents: (childId: string) => [...planKeys.child(childId), 'consents'] as const,
  shares: (childId: string) => [...planKeys.child(childId), 'shares'] as const,
  plan: (id: string) => ['plans', 'plan', id] as const,
  legalBases: () => ['plans', 'legal-bases'] as const,
};

const child = (id: string) => `/api/children/${encodeURIComponent(id)}`;
const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export function useChildPlans(childId: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.plans(childId),
    queryFn: ({ signal }) => call(PlanList, 'GET', `${child(childId)}/plans`, { signal }),
    enabled,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.plan(id),
    queryFn: ({ signal }) => call(Plan, 'GET', plan(id), { signal }),
  });
}

export function useConsents(childId: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.consents(childId),
    queryFn: ({ signal }) => call(ConsentList, 'GET', `${child(childId)}/consents`, { signal }),
    enabled,
  });
}

export function useShares(childId: string) {
  return useQuery({
    queryKey: planKeys.shares(childId),
    queryFn: ({ signal }) => call(ShareList, 'GET', `${child(childId)}/shares`, { signal }),
  });
}

export function useLegalBases() {
  return useQuery({
    queryKey: planKeys.legalBases(),
    queryFn: ({ signal }) => call(LegalBasisList, 'GET', '/api/legal-bases', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A write about one child: its consents, shares and plans are refetched together. */
function useChildWrite<V, R>(childId: string, fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: planKeys.child(childId) });
      void qc.invalidateQueries({ queryKey: ['plans', 'plan'] });
    },
  });
}

export const useRecordConsent = (childId: string) =>
  useChildWrite(childId, (body: ConsentBody) => call(Consent, 'POST', `${child(childId)}/consents`, { body }));

export const useWithdrawConsent = (childId: string) =>
  useChildWrite(childId, ({ id, ...body }: WithdrawConsentBody & { id: string }) =>
    call(Consent, 'POST', `/api/consents/${encodeURIComponent(id)}/withdraw`, { body }),
  );

export const useRecordShare = (childId: string) =>
  useChildWrite(childId, (body: ShareBody) => call(Share, 'POST', `${child(childId)}/shares`, { body }));

export const useEndShare = (childId: string) =>
  useChildWrite(childId, (id: string) => call(Share, 'POST', `/api/shares/${encodeURIComponent(id)}/end`));

export const useCreatePlan = (childId: string) =>
  useChildWrite(childId, (body: CreatePlanBody) => call(Plan, 'POST', `${child(childId)}/plans`, { body }));

/** Every write on a plan answers with the plan as the writer now sees it: the cache takes it as it is. */
function usePlanWrite<V>(p: Pick<Plan, 'id' | 'childId'>, fn: (vars: V) => Promise<Plan>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (fresh) => {
      qc.setQueryData(planKeys.plan(p.id), fresh);
      void qc.invalidateQueries({ queryKey: planKeys.plans(p.childId) });
    },
  });
}

export const useUpdatePlan = (p: Plan) =>
  usePlanWrite(p, (body: PlanPatch) => call(Plan, 'PATCH', plan(p.id), { body }));
export const useSetParticipants = (p: Plan) =>
  usePlanWrite(p, (body: ParticipantsBody) => call(Plan, 'PUT', `${plan(p.id)}/participants`, { body }));
export const useAddEntry = (p: Plan) =>
  usePlanWrite(p, (body: EntryBody) => call(Plan, 'POST', `${plan(p.id)}/entries`, { body }));
export const useRemoveEntry = (p: Plan) =>
  usePlanWrite(p, (id: string) => call(Plan, 'DELETE', `${plan(p.id)}/entries/${encodeURIComponent(id)}`));
export const useAddMeasure = (p: Plan) =>
  usePlanWrite(p, (body: MeasureBody) => call(Plan, 'POST', `${plan(p.id)}/measures`, { body }));
export const useUpdateMeasure = (p: Plan) =>
  usePlanWrite(p, ({ id, ...body }: MeasurePatch & { id: string }) =>
    call(Plan, 'PATCH', `${plan(p.id)}/measures/${encodeURIComponent(id)}`, { body }),
  );
export const useRemoveMeasure = (p: Plan) =>
  usePlanWrite(p, (id: string) => call(Plan, 'DELETE', `${plan(p.id)}/measures/${encodeURIComponent(id)}`));
export const useSendInvitations = (p: Plan) =>
  usePlanWrite(p, (body: InvitationsBody) => call(Plan, 'POST', `${plan(p.id)}/invitations`, { body }));
export const useAdopt = (p: Plan) =>
  usePlanWrite(p, (body: AdoptBody) => call(Plan, 'POST', `${plan(p.id)}/adopt`, { body }));
export const useRevise = (p: Plan) =>
  usePlanWrite(p, () => call(Plan, 'POST', `${plan(p.id)}/revise`, { body: { version: p.version } }));
export const useFollowUp = (p: Plan) =>
  usePlanWrite(p, (body: FollowUpBody) => call(Plan, 'POST', `${plan(p.id)}/follow-ups`, { body }));
export const useEndPlan = (p: Plan) =>
  usePlanWrite(p, (body: EndPlanBody) => call(Plan, 'POST', `${plan(p.id)}/end`, { body }));

/** Where the browser downloads an adopted version as PDF, with headings in the reader's language. */
export const pdfUrl = (planId: string, number: number, lang: string) =>
  `${plan(planId)}/versions/${number}/pdf?lang=${lang === 'en' ? 'en' : 'sv'}`;
export const fhirUrl = (planId: string) => `${plan(planId)}/fhir`;
