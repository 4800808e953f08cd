// A pack picker shared by the screens that start from a pack.
import { get } from './api.js';
import { h } from './dom.js';

export async function packSelect(id, chosen, { any = false } = {}) {
  const r = await get('/api/v1/packs');
  const packs = r.ok ? r.json.map(p => p.id) : [];
  return h('select', { id, name: id },
    any ? h('option', { value: '' }, '全部 all') : null,
    packs.map(p => h('option', { value: p, selected: p === chosen }, p)));
}
