import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { MeResponse } from '../common/schemas/auth.ts';
import { RequireAbility } from './components/Forbidden.tsx';
import { Loading } from './components/Notice.tsx';
import { loadAreas, type Area } from './i18nAreas.ts';

type Ability = keyof MeResponse['abilities'];

/**
 * A route whose page is loaded on its first visit: `load` is a dynamic import, so Vite makes the
 * page a file of its own; `name` is the page's export. While the file loads the page area says
 * "Laddar …" (a status, so screen readers hear it). `ability` gates the page as the server does.
 * The path '' is the parent's own page (an index route). `areas` are the text sections the page
 * needs beyond the entry's (app/i18nAreas.ts); they load beside the page's code.
 */
export function route<M extends Record<K, ComponentType>, K extends keyof M & string>(
  path: string,
  load: () => Promise<M>,
  name: K,
  ability?: Ability,
  areas: readonly Area[] = [],
): RouteObject {
  const Page = lazy<ComponentType>(async () => {
    const [page] = await Promise.all([reloadOnMissingFile(load), reloadOnMissingFile(() => loadAreas(areas))]);
    return { default: page[name] };
  });
  const page = (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
  const element = ability ? <RequireAbility ability={ability}>{page}</RequireAbility> : page;
  return path === '' ? { index: true, element } : { path, element };
}

const RELOADED = 'navet.reloadedFor';

/**
 * After a new release the old hashed files are gone, and a tab opened before it asks for them in
 * vain: load the new release once (index.html is never cached) instead of showing an error. A
 * second failure for the same page is a real one and reaches the router's error page.
 */
async function reloadOnMissingFile<M>(load: () => Promise<M>): Promise<M> {
  try {
    const loaded = await load();
    if (readReloaded() !== null) writeReloaded(null);
    return loaded;
  } catch (err) {
    const here = window.location.pathname;
    if (readReloaded() === here) throw err;
    writeReloaded(here);
    window.location.reload();
    return new Promise<M>(() => undefined); // the page is going away
  }
}

function readReloaded(): string | null {
  try {
    return sessionStorage.getItem(RELOADED);
  } catch {
    return null;
  }
}

function writeReloaded(path: string | null): void {
  try {
    if (path === null) sessionStorage.removeItem(RELOADED);
    else sessionStorage.setItem(RELOADED, path);
  } catch {
    // Storage off: then a failed load shows the error page at once, which is still honest.
  }
}
