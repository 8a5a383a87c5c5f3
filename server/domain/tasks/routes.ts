import type { FastifyInstance } from 'fastify';
import { TaskList, Today } from '../../../common/schemas/tasks.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/auth-plugin.ts';
import { api, errorResponses } from '../../http/route.ts';
import { myTasks } from './service.ts';
import { myDay } from './today.service.ts';

export function taskRoutes(app: FastifyInstance, deps: Deps): void {
  api(app).get(
    '/api/me/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My task list across my children: decisions I own, questions I raise, invitations to answer',
        response: { 200: TaskList, ...errorResponses },
      },
    },
    async (req) => myTasks(deps, actorOf(req)),
  );

  api(app).get(
    '/api/me/today',
    {
      schema: {
        tags: ['tasks'],
        summary:
          'My day for the start page: urgent and unread notices, case deadlines, overdue or due decisions and questions, this week’s meetings, plans to follow up',
        response: { 200: Today, ...errorResponses },
      },
    },
    async (req) => myDay(deps, actorOf(req)),
  );
}
