// Registers the build's service worker (see serviceWorker.ts) next to index.html, wherever that is
// served from. Without service workers (plain http off localhost, some private modes) the app works
// the same, online only.
export function registerServiceWorker(nav: Navigator = navigator): void {
  if (!('serviceWorker' in nav)) return;
  nav.serviceWorker.register('./sw.js').catch(() => {
    // Not fatal: only the offline copy is missing.
  });
}
