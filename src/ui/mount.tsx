import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RefinerClient } from '../worker/client';
import type { FirstView } from './firstView';
import type { EarlyLink } from './useShareLink';
import { Shell } from './Shell';
import { safeStorage } from './inputs';

export function mount(
  client: RefinerClient,
  link: EarlyLink | null,
  first: FirstView | null,
): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <Shell client={client} storage={safeStorage()} link={link} first={first} />
    </StrictMode>,
  );
}
