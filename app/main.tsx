import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/queryClient.ts';
import { localeReady } from './i18n.ts';
import { createAppRouter } from './router.tsx';
import type { LoginState } from './session.ts';
import './styles.css';

const router = createAppRouter();
const queryClient = createQueryClient(() => {
  // Leave the page first, so nothing still mounted refetches into the empty cache.
  const state: LoginState = { reason: 'expired', from: router.state.location.pathname };
  void router.navigate('/login', { replace: true, state }).then(() => queryClient.clear());
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// English is fetched first when the device chose it (Swedish is in this file), so no Swedish flashes by.
// Should English fail to come, the page starts in Swedish rather than not at all.
void localeReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
