import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AdminUser,
  Organisation,
  RoleGrant,
  RoleGrantList,
  TenantSettings,
  UserList,
  type CreateUserBody,
  type MembershipBody,
  type OrganisationBody,
  type TenantSettingsBody,
  type UserListQuery,
} from '../../common/schemas/tenancy.ts';
import { authKeys } from './auth.ts';
import { call } from './client.ts';

export type UserFilters = Partial<UserListQuery>;

export const adminKeys = {
  all: ['admin'] as const,
  organisations: () => [...adminKeys.all, 'organisations'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (filters: UserFilters) => [...adminKeys.users(), 'list', filters] as const,
  user: (id: string) => [...adminKeys.users(), 'detail', id] as const,
  tenant: () => [...adminKeys.all, 'tenant'] as const,
  grants: () => [...adminKeys.all, 'grants'] as const,
};

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export function useOrganisations() {
  return useQuery({
    queryKey: adminKeys.organisations(),
    queryFn: ({ signal }) => call(z.array(Organisation), 'GET', '/api/admin/organisations', { signal }),
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationBody) => call(Organisation, 'POST', '/api/admin/organisations', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organisations() }),
  });
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: adminKeys.userList(filters),
    queryFn: ({ signal }) => call(UserList, 'GET', '/api/admin/users', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUser(id: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => call(AdminUser, 'GET', userPath(id), { signal }),
  });
}

/** After any change to a user: the detail is the server's answer; lists are refetched. */
function useUserChanged() {
  const queryClient = useQueryClient();
  return async (user: AdminUser) => {
    queryClient.setQueryData(adminKeys.user(user.id), user);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...adminKeys.users(), 'list'] }),
      // The admin may have changed their own roles: abilities come from /me.
      queryClient.invalidateQueries({ queryKey: authKeys.me() }),
    ]);
  };
}

export function useCreateUser() {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call(AdminUser, 'POST', '/api/admin/users', { body }),
    onSuccess: changed,
  });
}

export function useAddMembership(userId: string) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (body: MembershipBody) => call(AdminUser, 'POST', `${userPath(userId)}/memberships`, { body }),
    onSuccess: changed,
  });
}

export function useEndMembership(userId: string) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: (membershipId: string) =>
      call(AdminUser, 'DELETE', `${userPath(userId)}/memberships/${encodeURIComponent(membershipId)}`),
    onSuccess: changed,
  });
}

export function useDisableUser(userId: string) {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: () => call(AdminUser, 'POST', `${userPath(userId)}/disable`),
    onSuccess: changed,
  });
}

export function useTenantSettings() {
  return useQuery({
    queryKey: adminKeys.tenant(),
    queryFn: ({ signal }) => call(TenantSettings, 'GET', '/api/admin/tenant', { signal }),
  });
}

export function useUpdateTenantSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantSettingsBody) => call(TenantSettings, 'PUT', '/api/admin/tenant', { body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData(adminKeys.tenant(), settings);
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}

/** Requested roles that wait for a second admin. */
export function usePendingGrants() {
  return useQuery({
    queryKey: adminKeys.grants(),
    queryFn: ({ signal }) => call(RoleGrantList, 'GET', '/api/admin/grants', { signal }),
  });
}

/** Approve or reject one request; the list and the user's page are refetched. */
export function useDecideGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      call(RoleGrant, 'POST', `/api/admin/grants/${encodeURIComponent(id)}/${decision}`),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.grants() }),
        queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
      ]);
    },
  });
}
