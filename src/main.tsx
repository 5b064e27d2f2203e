import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './offline/register';
import { bootstrap } from './state/links/urlSync';
import './styles.css';
import './screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

// Saved scenarios and the link in the address bar are read before the first render.
bootstrap();

// The offline copy (built app only: in development it would serve stale modules).
if (import.meta.env.PROD) registerServiceWorker();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
