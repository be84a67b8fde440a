// The console's entry: read the session, then draw the page the address names.
import { render } from 'preact';
import { App } from './app.tsx';
import { interceptLinks } from './router.ts';
import { loadSession } from './store.ts';

interceptLinks();
const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  void loadSession();
}
// The page and its scripts kept on the device, for a desk that reloads while the network is down.
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).catch(() => undefined);
