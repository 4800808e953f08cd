// Packs: each with its active version, status and refusals at their places; one pack's history,
// its workbook to download, and making an earlier version active again.
import { get, post } from './api.js';
import { both, confirmDialog, errorPanel, h, say, shortVersion, when } from './dom.js';
import { packLabel } from './packlist.js';

const HOW = { disk: '磁盘文件 (disk)', restored: '复原 (restored)', published: '发布 (published)', reverted: '恢复旧版 (reverted)' };
const ORIGIN = { disk: '磁盘文件 (disk)', draft: '草稿上传 (draft)' };

export async function packsView() {
  const r = await get('/api/v1/packs');
  if (!r.ok) return errorPanel('无法读取标准包 (cannot list packs)', r.json);
  const rows = r.json.map(p => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/packs/${p.id}` }, packLabel(p))),
    h('td', {}, shortVersion(p.version)),
    h('td', {}, p.status === 'ok' ? h('span', { class: 'ok' }, '正常 ok')
      : h('span', { class: 'bad' }, `有错误 ${p.errorCount} 处 (errors)`)),
    h('td', {}, when(p.activeSince)),
    h('td', { class: 'hide-narrow' }, HOW[p.activatedBy] || p.activatedBy || ''),
    h('td', { class: 'hide-narrow' }, p.diskVersion && p.diskVersion !== p.version ? shortVersion(p.diskVersion) : '—'),
    h('td', {}, h('a', { href: `#/draft/${p.id}` }, '修改标准'))));
  return h('section', {},
    h('h1', {}, both('标准包', 'Criteria packs')),
    h('p', {}, '每个县的评分标准：生效版本、状态，以及被拒绝的原因。 Each county\'s criteria: the active version, its status and any refusals.'),
    h('table', {},
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, '包 Pack'), h('th', { scope: 'col' }, '生效版本 Active'),
        h('th', { scope: 'col' }, '状态 Status'), h('th', { scope: 'col' }, '生效时间 Since'),
        h('th', { scope: 'col', class: 'hide-narrow' }, '生效方式 How'),
        h('th', { scope: 'col', class: 'hide-narrow' }, '磁盘版本 On disk'), h('th', { scope: 'col' }, '操作 Actions'))),
      h('tbody', {}, rows)));
}

export async function packView(id) {
  const [pack, versions] = await Promise.all([get(`/api/v1/packs/${id}`), get(`/api/v1/packs/${id}/versions`)]);
  if (!pack.ok) return errorPanel(`无法读取标准包 ${id} (cannot read pack)`, pack.json);
  const p = pack.json;
  const section = h('section', {}, h('h1', {}, both(`标准包 ${id}`, `Pack ${id}`)));
  section.append(h('div', { class: 'panel' },
    h('p', {}, '生效版本 Active version: ', shortVersion(p.version), '　',
      p.activeSince ? `自 ${when(p.activeSince)} 起，${HOW[p.activatedBy] || p.activatedBy}` : ''),
    h('p', {}, '状态 Status: ', p.status === 'ok' ? h('span', { class: 'ok' }, '正常 ok') : h('span', { class: 'bad' }, '有错误 error'),
      p.reload === 'review' ? '　磁盘修改需发布后生效 (review mode)' : ''),
    h('p', { class: 'row' },
      p.version ? h('a', { class: 'button primary', href: `/api/v1/packs/${id}/versions/${p.version}/workbook.xlsx`, download: '' },
        '下载生效的标准表 Download the active workbook') : null,
      h('a', { class: 'button', href: `#/draft/${id}` }, '上传修改后的标准表 Upload an edited workbook'),
      h('a', { class: 'button', href: `#/facts/${id}` }, '报表数据模板 Facts template'))));
  if (p.errors && p.errors.length) {
    section.append(errorPanel('磁盘上的文件未能生效 (the files on disk were refused)', { errors: p.errors }));
  }
  section.append(h('h2', {}, both('版本历史', 'Version history')));
  if (!versions.ok) {
    section.append(errorPanel('无法读取版本 (cannot list versions)', versions.json));
    return section;
  }
  const table = h('table', { id: 'versions' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '版本 Version'), h('th', { scope: 'col' }, '来源 Origin'),
      h('th', { scope: 'col' }, '首次出现 First seen'), h('th', { scope: 'col' }, '生效记录 Activations'),
      h('th', { scope: 'col' }, '状态 Status'), h('th', { scope: 'col' }, '操作 Actions'))),
    h('tbody', {}, versions.json.map(v => versionRow(id, v))));
  table.addEventListener('click', e => {
    const b = e.target.closest('button[data-activate]');
    if (b) activate(id, b.dataset.activate, b);
  });
  section.append(h('div', { class: 'scroll' }, table));
  return section;
}

function versionRow(pack, v) {
  const activations = (v.activations || []).map(a => h('div', {}, `${when(a.at)} ${HOW[a.how] || a.how}`, a.by && a.by !== a.how ? ` · ${a.by}` : ''));
  const refused = v.status === 'refused';
  return h('tr', { 'data-version': v.version },
    h('th', { scope: 'row' }, shortVersion(v.version), v.active ? h('div', { class: 'ok' }, '生效中 active') : null),
    h('td', {}, ORIGIN[v.origin] || v.origin || '', v.createdBy && v.createdBy !== v.origin ? h('div', { class: 'muted' }, v.createdBy) : null),
    h('td', {}, when(v.firstSeen)),
    h('td', {}, activations.length ? activations : h('span', { class: 'muted' }, v.publishedAt ? `发布 ${when(v.publishedAt)} ${v.publishedBy || ''}` : '从未生效 never active')),
    h('td', {}, refused ? [h('span', { class: 'bad' }, '被拒绝 refused'),
      h('ul', { class: 'places' }, (v.reasons || []).map(e => h('li', {}, h('span', { class: 'place' },
        [e.file, e.sheet && e.cell ? `${e.sheet}!${e.cell}` : null, e.line ? `line ${e.line}` : null].filter(Boolean).join(' · ')), '：', e.message)))]
      : h('span', { class: 'ok' }, '可用 ok')),
    h('td', {},
      h('a', { href: `/api/v1/packs/${pack}/versions/${v.version}/workbook.xlsx`, download: '' }, '下载 Download'), ' ',
      !v.active && !refused ? h('a', { href: `#/whatif?pack=${pack}&version=${v.version}` }, '试算 What-if') : null, ' ',
      !v.active && !refused ? h('button', { type: 'button', 'data-activate': v.version },
        v.publishedAt || (v.activations || []).length ? '恢复为生效 Make active again' : '发布 Publish') : null));
}

async function activate(pack, version, button) {
  const ok = await confirmDialog(both('确认生效', 'Make this version active?'),
    [h('p', {}, `标准包 ${pack} 将改用版本 `, h('code', {}, version), ' 评分，之后的评定都按此版本进行。'),
      h('p', { lang: 'en' }, `Pack ${pack} will grade with version ${version} from now on. The same checks as publishing apply.`),
      h('p', {}, h('a', { href: `#/whatif?pack=${pack}&version=${version}` }, '先试算看看会改变什么 (see what it changes first)'))],
    both('确认生效', 'Make active'));
  if (!ok) return;
  button.disabled = true;
  const r = await post(`/api/v1/packs/${pack}/versions/${version}/publish`, { needsToken: true });
  if (!r.ok) {
    button.disabled = false;
    button.closest('section').prepend(errorPanel('未能生效 (not made active)', r.json));
    return;
  }
  say(`版本 ${version} 已生效`);
  const fresh = await packView(pack);
  fresh.prepend(h('div', { class: 'panel success', role: 'status' }, `版本 ${version} 已生效 (now active)。`));
  document.getElementById('view').replaceChildren(fresh);
  const title = fresh.querySelector('h1');
  title.setAttribute('tabindex', '-1');
  title.focus();
}
