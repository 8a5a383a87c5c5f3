/** The action of a refused attempt on a child's route (written by `server/http/denied-log.ts`). In a user's log
 * its child id is hidden like any row's about a child outside the reader's scope (`user-scope.ts`). */
export const ACCESS_DENIED = 'access.denied';
