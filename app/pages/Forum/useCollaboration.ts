import { useLevelsStart } from '../../api/levels.ts';

/** The collaboration of the page, with the actor's abilities in it, from the levels' start data. */
export function useCollaboration(id: string) {
  const start = useLevelsStart();
  const collaboration = start.data?.collaborations.find((c) => c.id === id) ?? null;
  return { start, collaboration };
}
