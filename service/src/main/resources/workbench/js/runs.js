// Stored runs: a page at a time (by cursor), filtered by pack, version and a day of the period;
// one run as a ranked table with its problems and the rules behind each grade, and its report.
import { get } from './api.js';
import { CHANNEL_WORDS, GRADE_ORDER, both, errorPanel, esc, gradeWord, h, shortVersion, when } from './dom.js';
import { packSelect } from './packlist.js';

export async function runsView(params) {
  const pack = await packSelect('runs-pack', params.get('pack') || '', { any: true });
  const period = h('input', { type: 'date', id: 'runs-period', value: params.get('period') || '' });
  const version = h('input', { type: 'text', id: 'runs-version', value: params.get('version') || '', size: 16, placeholder: '16 位版本号' });
  const form = h('form', { id: 'runs-form' }, h('div', { class: 'row' },
    h('div', {}, h('label', { for: 'runs-pack' }, '标准包 Pack'), pack),
    h('div', {}, h('label', { for: 'runs-period' }, '期间内某日 A day of the period'), period),
    h('div', {}, h('label', { for: 'runs-version' }, '版本 Version'), version),
    h('div', {}, h('button', { type: 'submit', class: 'primary' }, '查找 Find'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (pack.value) q.set('pack', pack.value);
    if (period.value) q.set('period', period.value);
    if (version.value.trim()) q.set('version', version.value.trim());
    location.hash = `#/runs?${q}`;
  });
  const list = h('div', { id: 'runs-list' });
  const section = h('section', {}, h('h1', {}, both('评定记录', 'Stored runs')), form, list);
  const q = new URLSearchParams();
  for (const k of ['pack', 'period', 'version']) if (params.get(k)) q.set(k, params.get(k));
  q.set('limit', '20');
  await page(list, q, []);
  return section;
}

async function page(list, q, cursors) {
  const r = await get(`/api/v1/runs?${q}`, { needsToken: false });
  if (!r.ok) {
    list.replaceChildren(errorPanel('无法列出评定记录 (cannot list runs)', r.json));
    return;
  }
  const runs = r.json.runs;
  const prev = h('button', { type: 'button', disabled: !cursors.length }, '上一页 Previous');
  const next = h('button', { type: 'button', disabled: !r.json.next }, '下一页 Next');
  prev.addEventListener('click', async () => {
    const back = cursors.slice(0, -1);
    const qq = new URLSearchParams(q);
    if (back.length) qq.set('before', back[back.length - 1]); else qq.delete('before');
    await page(list, qq, back);
    list.querySelector('table')?.focus();
  });
  next.addEventListener('click', async () => {
    const qq = new URLSearchParams(q);
    qq.set('before', r.json.next);
    await page(list, qq, [...cursors, r.json.next]);
    list.querySelector('table')?.focus();
  });
  list.replaceChildren(
    runs.length ? h('table', { tabindex: '-1', id: 'runs-table' },
      h('thead', {}, h('tr', {}, ['评定 Run', '包 Pack', '版本 Version', '期间 Period', '时间 When', '结果数 Results', '等级 Grades']
        .map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, runs.map(x => h('tr', { 'data-run': x.run },
        h('th', { scope: 'row' }, h('a', { href: `#/runs/${x.run}` }, x.run.slice(0, 12))),
        h('td', {}, x.pack.id), h('td', {}, shortVersion(x.pack.version)),
        h('td', {}, x.period ? `${x.period.from} 至 ${x.period.to}` : '—'), h('td', {}, when(x.createdAt)),
        h('td', { class: 'num' }, x.results), h('td', {}, gradeCounts(x.grades)))))) : h('p', {}, '没有符合条件的评定 (no run matches)'),
    h('p', { class: 'row' }, prev, next));
}

function gradeCounts(g) {
  return GRADE_ORDER.filter(k => g && g[k]).map(k => `${gradeWord(k)} ${g[k]}`).join('，') || '—';
}

export async function runView(id) {
  const r = await get(`/api/v1/runs/${id}`);
  if (!r.ok) return errorPanel(`无法读取评定 ${id} (cannot read the run)`, r.json);
  const run = r.json;
  const results = [...run.results].sort((a, b) => a.channel.localeCompare(b.channel)
    || (a.rank ?? 1e9) - (b.rank ?? 1e9) || GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade));
  const channels = [...new Set(results.map(x => x.channel))];
  const channel = h('select', { id: 'run-channel' }, h('option', { value: '' }, '全部 all'),
    channels.map(c => h('option', { value: c }, `${CHANNEL_WORDS[c] || c} (${c})`)));
  const text = h('input', { type: 'search', id: 'run-filter', placeholder: '名称或编号 name or id' });
  const tbody = h('tbody', {});
  const render = () => {
    const t = text.value.trim().toLowerCase();
    tbody.innerHTML = results.filter(x => (!channel.value || x.channel === channel.value)
      && (!t || (x.subject.name || '').toLowerCase().includes(t) || x.subject.id.toLowerCase().includes(t))).map(resultHtml).join('');
  };
  channel.addEventListener('change', render);
  text.addEventListener('input', render);
  render();
  return h('section', {},
    h('h1', {}, both(`评定 ${run.pack.id} ${run.period.from} 至 ${run.period.to}`, 'Run')),
    h('p', {}, '评定编号 Run: ', h('code', {}, run.run), '　版本 Version: ', shortVersion(run.pack.version)),
    h('p', { class: 'row' },
      h('a', { class: 'button primary', id: 'run-report', href: `/api/v1/runs/${run.run}/report.xlsx`, download: '' }, '下载 Excel 报表 Download the report'),
      h('a', { class: 'button', href: `#/whatif?pack=${run.pack.id}&run=${run.run}` }, '以此试算 What-if on this run')),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'run-channel' }, '渠道 Channel'), channel),
      h('div', {}, h('label', { for: 'run-filter' }, '筛选 Filter'), text)),
    h('div', { class: 'scroll' }, h('table', { id: 'run-results' },
      h('thead', {}, h('tr', {}, ['渠道 Channel', '名次 Rank', '对象 Subject', '等级 Grade', '分数 Score', '问题 Problems', '依据 Because']
        .map(t => h('th', { scope: 'col' }, t)))), tbody)));
}

function resultHtml(x) {
  const problems = (x.problems || []).map(p => `<div>${esc(p.label || p.code)}</div>`).join('') || '<span class="muted">—</span>';
  const because = (x.because || []).length
    ? `<details><summary>${x.because.length} 条规则 rules</summary>${x.because.map(b =>
      `<div><code>${esc(b.rule)}</code> ${esc(JSON.stringify(b.facts))}</div>`).join('')}</details>` : '';
  return `<tr data-id="${esc(x.subject.id)}" data-channel="${esc(x.channel)}"><td>${esc(CHANNEL_WORDS[x.channel] || x.channel)}</td>`
    + `<td class="num">${x.rank ?? '—'}</td><th scope="row">${esc(x.subject.name || x.subject.id)}<div class="muted">${esc(x.subject.id)}</div></th>`
    + `<td>${esc(gradeWord(x.grade, x.label))}</td><td class="num">${x.score ?? '—'}</td><td>${problems}</td><td>${because}</td></tr>`;
}
