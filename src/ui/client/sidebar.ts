/**
 * The sidebar's client. It builds the DOM with textContent only: nothing that came from the
 * server is ever parsed as HTML.
 */
import { callServer } from './rpc';
import { TEXT } from './strings';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

function render(root: HTMLElement): void {
  root.replaceChildren(element('p', TEXT.loading, 'muted'));
  callServer('getGreeting')
    .then((greeting) => {
      root.replaceChildren(
        element('h1', greeting.message, 'greeting'),
        element('p', `${TEXT.serverTime}: ${formatTime(greeting.serverTime)}`, 'muted'),
      );
    })
    .catch((error: Error) => {
      const retry = element('button', TEXT.retry);
      retry.addEventListener('click', () => render(root));
      root.replaceChildren(element('p', `${TEXT.failed} (${error.message})`, 'error'), retry);
    });
}

const root = document.getElementById('app');
if (root) render(root);
