import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first render as a transition: React renders the app in slices of a few milliseconds and
// lets the browser answer taps in between, instead of one long task while a slow phone builds
// the whole page (Lighthouse's total blocking time). Nothing is on screen before it anyway.
const root = createRoot(container);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
