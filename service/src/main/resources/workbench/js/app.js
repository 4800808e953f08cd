// The workbench's shell: one view at a time, chosen by the address's #fragment, so each screen has a
// link, back and forward work, and a screen can be opened straight from another.
import { wireTokenDialog } from './api.js';
import { h, say } from './dom.js';
import { packsView, packView } from './packs.js';
import { draftView } from './draft.js';
import { whatIfView } from './whatif.js';
import { runsView, runView } from './runs.js';
import { factsView } from './facts.js';

const routes = [
  [/^#\/packs\/([\w-]+)$/, m => packView(m[1]), 'packs'],
  [/^#\/packs$/, () => packsView(), 'packs'],
  [/^#\/draft(?:\/([\w-]+))?$/, m => draftView(m[1]), 'draft'],
  [/^#\/whatif(?:\?(.*))?$/, m => whatIfView(new URLSearchParams(m[1] || '')), 'whatif'],
  [/^#\/runs\/([\w-]+)$/, m => runView(m[1]), 'runs'],
  [/^#\/runs(?:\?(.*))?$/, m => runsView(new URLSearchParams(m[1] || '')), 'runs'],
  [/^#\/facts(?:\/([\w-]+))?$/, m => factsView(m[1]), 'facts'],
];

let shown = 0;

async function show() {
  const hash = location.hash || '#/packs';
  const view = document.getElementById('view');
  const mine = ++shown;
  for (const [re, render, nav] of routes) {
    const m = hash.match(re);
    if (!m) continue;
    for (const a of document.querySelectorAll('nav a')) {
      if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    view.replaceChildren(h('p', { class: 'muted' }, '加载中… Loading…'));
    view.setAttribute('aria-busy', 'true');
    let content;
    try {
      content = await render(m);
    } catch (e) {
      content = h('div', { class: 'panel error', role: 'alert' }, `出错了 (something failed): ${e.message}`);
    }
    if (mine !== shown) return; // a later navigation won
    view.replaceChildren(content);
    view.removeAttribute('aria-busy');
    const title = view.querySelector('h1');
    document.title = `${title ? title.textContent : ''} · govgrade 工作台`;
    // Focus moves to the new screen's heading, so keyboard and screen-reader users start there.
    if (title) {
      title.setAttribute('tabindex', '-1');
      title.focus();
    }
    say(title ? title.textContent : '');
    return;
  }
  view.replaceChildren(h('h1', {}, '没有这个页面 (no such screen)'), h('p', {}, h('a', { href: '#/packs' }, '标准包 Packs')));
}

wireTokenDialog();
window.addEventListener('hashchange', show);
show();
