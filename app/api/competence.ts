import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Article,
  ArticleList,
  CompetenceOverview,
  MyTraining,
  Need,
  Session,
  ShareAnswer,
  ShareOptions,
  Topic,
  type ArticleBody,
  type ArticleLang,
  type ArticleUpdate,
  type NeedBody,
  type NeedPatch,
  type SessionBody,
  type ShareQuestion,
  type TopicBody,
} from '../../common/schemas/competence.ts';
import { call } from './client.ts';

/** Key factories of the competence basis; a write refreshes its collaboration's overview. */
export const competenceKeys = {
  all: ['competence'] as const,
  overview: (id: string) => [...competenceKeys.all, 'overview', id] as const,
  mine: () => [...competenceKeys.all, 'mine'] as const,
  articles: (lang: ArticleLang | undefined) => [...competenceKeys.all, 'articles', lang ?? 'all'] as const,
  article: (id: string) => [...competenceKeys.all, 'article', id] as const,
  shareOptions: () => [...competenceKeys.all, 'share-options'] as const,
};

const base = (id: string) => `/api/collaborations/${encodeURIComponent(id)}/competence`;

export const useCompetence = (id: string) =>
  useQuery({
    queryKey: competenceKeys.overview(id),
    queryFn: ({ signal }) => call(CompetenceOverview, 'GET', base(id), { signal }),
  });

function useCompetenceWrite<T, R>(id: string, fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: competenceKeys.overview(id) }),
  });
}

export const useCreateNeed = (id: string) =>
  useCompetenceWrite(id, (body: Partial<NeedBody>) => call(Need, 'POST', `${base(id)}/needs`, { body }));
export const useUpdateNeed = (id: string) =>
  useCompetenceWrite(id, ({ needId, body }: { needId: string; body: NeedPatch }) =>
    call(Need, 'PATCH', `${base(id)}/needs/${encodeURIComponent(needId)}`, { body }),
  );
export const useCreateTopic = (id: string) =>
  useCompetenceWrite(id, (body: Partial<TopicBody>) => call(Topic, 'POST', `${base(id)}/topics`, { body }));
export const useCreateSession = (id: string) =>
  useCompetenceWrite(id, (body: Partial<SessionBody>) => call(Session, 'POST', `${base(id)}/sessions`, { body }));
export const useSetAttendance = (id: string) =>
  useCompetenceWrite(id, ({ sessionId, attendeeUserIds }: { sessionId: string; attendeeUserIds: string[] }) =>
    call(Session, 'PUT', `${base(id)}/sessions/${encodeURIComponent(sessionId)}/attendance`, {
      body: { attendeeUserIds },
    }),
  );

export const useMyTraining = () =>
  useQuery({
    queryKey: competenceKeys.mine(),
    queryFn: ({ signal }) => call(MyTraining, 'GET', '/api/competence/mine', { signal }),
  });

export const useArticles = (lang: ArticleLang | undefined) =>
  useQuery({
    queryKey: competenceKeys.articles(lang),
    queryFn: ({ signal }) => call(ArticleList, 'GET', '/api/knowledge', { query: lang ? { lang } : {}, signal }),
  });

export const useArticle = (id: string) =>
  useQuery({
    queryKey: competenceKeys.article(id),
    queryFn: ({ signal }) => call(Article, 'GET', `/api/knowledge/${encodeURIComponent(id)}`, { signal }),
  });

export function useCreateArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ArticleBody>) => call(Article, 'POST', '/api/knowledge', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...competenceKeys.all, 'articles'] }),
  });
}

export function useUpdateArticle(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ArticleUpdate) => call(Article, 'PUT', `/api/knowledge/${encodeURIComponent(id)}`, { body }),
    onSuccess: (a) => {
      qc.setQueryData(competenceKeys.article(id), a);
      return qc.invalidateQueries({ queryKey: [...competenceKeys.all, 'articles'] });
    },
  });
}

export const useShareOptions = () =>
  useQuery({
    queryKey: competenceKeys.shareOptions(),
    queryFn: ({ signal }) => call(ShareOptions, 'GET', '/api/may-i-share/options', { signal }),
  });

export const useAskShare = () =>
  useMutation({
    mutationFn: (q: Partial<ShareQuestion>) =>
      call(ShareAnswer, 'GET', '/api/may-i-share', {
        query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')),
      }),
  });
