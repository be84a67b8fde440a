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
