import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RefinerClient } from '../worker/client';
import { App } from './App';
import { safeStorage } from './inputs';
import './app.css';

export function mount(client: RefinerClient): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App client={client} storage={safeStorage()} />
    </StrictMode>,
  );
}
