// A pack picker shared by the screens that start from a pack.
import { get } from './api.js';
import { h } from './dom.js';

export async function packSelect(id, chosen, { any = false } = {}) {
  const r = await get('/api/v1/packs');
  const packs = r.ok ? r.json : [];
  // Staff know a county by its name (眉县), systems by the pack's id (meixian): the option shows both.
  return h('select', { id, name: id },
    any ? h('option', { value: '' }, '全部 all') : null,
    packs.map(p => h('option', { value: p.id, selected: p.id === chosen }, packLabel(p))));
}

export function packLabel(p) {
  return p.displayName ? `${p.displayName} ${p.id}` : p.id;
}
