import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startLanguage } from './app/start-language';
import { i18nReady, initI18n } from './lib/i18n';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The start language's catalogue first (English is bundled; German is a chunk of its own), so
// that no page shows English words to a German user before it swaps them.
initI18n(startLanguage());

// The first render as a transition: React renders the app in slices of a few milliseconds and
// lets the browser answer taps in between, instead of one long task while a slow phone builds
// the whole page (Lighthouse's total blocking time). Nothing is on screen before it anyway.
const root = createRoot(container);
void i18nReady().finally(() => {
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
});
