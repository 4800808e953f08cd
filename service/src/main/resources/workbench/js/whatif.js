// What-if: a stored run regraded under a draft (or any stored version); every subject whose grade,
// rank, score or problems change, the grade counts before and after, and publishing from here.
import { get, post } from './api.js';
import { CHANNEL_WORDS, GRADE_ORDER, both, confirmDialog, errorPanel, gradeWord, h, say, shortVersion, when } from './dom.js';
import { changesTable, rowsOf } from './changes.js';
import { packSelect } from './packlist.js';
import { drafts } from './state.js';

export async function whatIfView(params) {
  const packs = await get('/api/v1/packs');
  const first = packs.ok && packs.json.length ? packs.json[0].id : '';
  const pack = params.get('pack') || first;
  const select = await packSelect('whatif-pack', pack);
  const runSelect = h('select', { id: 'whatif-run' });
  const versionSelect = h('select', { id: 'whatif-version' });
  const go = h('button', { type: 'submit', class: 'primary', id: 'whatif-go' }, '试算 Run the what-if');
  const out = h('div', { id: 'whatif-result' });
  const form = h('form', { id: 'whatif-form' }, h('div', { class: 'row' },
    h('div', {}, h('label', { for: 'whatif-pack' }, '标准包 Pack'), select),
    h('div', {}, h('label', { for: 'whatif-run' }, '基准评定 Stored run'), runSelect),
    h('div', {}, h('label', { for: 'whatif-version' }, '试算版本 Version to try'), versionSelect),
    h('div', {}, go)));
  const note = h('p', { class: 'muted', id: 'whatif-note' });
  const fill = async () => {
    const p = select.value;
    const [runs, versions] = await Promise.all([get(`/api/v1/runs?pack=${encodeURIComponent(p)}&limit=50`),
      get(`/api/v1/packs/${encodeURIComponent(p)}/versions`)]);
    runSelect.replaceChildren(...(runs.ok ? runs.json.runs : []).map((r, i) => h('option', { value: r.run, selected: r.run === params.get('run') },
      `${i === 0 ? '最近一次 latest · ' : ''}${r.period ? `${r.period.from} 至 ${r.period.to}` : '期间未记录'} · ${when(r.createdAt)} · ${r.run.slice(0, 8)}`)));
    const wanted = params.get('pack') === p && params.get('version') ? params.get('version') : drafts.get(p);
    const usable = (versions.ok ? versions.json : []).filter(v => v.status !== 'refused');
    versionSelect.replaceChildren(...usable.map(v => h('option', { value: v.version, selected: v.version === wanted },
      `${v.version}${v.active ? ' (生效中 active)' : v.origin === 'draft' && !v.publishedAt ? ' (草稿 draft)' : ''} · ${when(v.firstSeen)}`)));
    if (!wanted) {
      const draft = usable.find(v => !v.active);
      if (draft) versionSelect.value = draft.version;
    }
    go.disabled = !runSelect.options.length || !versionSelect.options.length;
    note.replaceChildren(!runs.ok ? errorPanel('无法列出评定记录 (cannot list runs)', runs.json)
      : runs.json.runs.length ? '' : '此包还没有保存的评定。先在“报表数据”页评定一期。 No stored run of this pack yet: grade a period first.');
  };
  select.addEventListener('change', fill);
  await fill();
  form.addEventListener('submit', async e => {
    e.preventDefault();
    go.disabled = true;
    out.replaceChildren(h('p', { class: 'muted' }, '试算中… Regrading…'));
    const r = await post(`/api/v1/runs/${runSelect.value}/whatif`, { json: { pack: select.value, version: versionSelect.value } });
    go.disabled = false;
    out.replaceChildren(r.ok ? result(r.json) : errorPanel('试算未成功 (the what-if failed)', r.json));
    const heading = out.querySelector('h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });
  return h('section', {},
    h('h1', {}, both('试算', 'What-if')),
    h('p', {}, '用另一个版本重新评定一次已保存的评定，列出等级、名次、分数或问题有变化的每个对象。 Regrade a stored run under another version and see every subject that changes.'),
    form, note, out);
}

function result(w) {
  const rows = rowsOf(w.changes || []);
  const channels = [...new Set(rows.map(r => r.channel))];
  const text = h('input', { type: 'search', id: 'whatif-filter', placeholder: '名称或编号 name or id' });
  const channel = h('select', { id: 'whatif-channel' }, h('option', { value: '' }, '全部 all'),
    channels.map(c => h('option', { value: c }, `${CHANNEL_WORDS[c] || c} (${c})`)));
  const move = h('select', { id: 'whatif-move' }, h('option', { value: '' }, '全部 all'),
    h('option', { value: 'down' }, '等级下降 grade down'), h('option', { value: 'up' }, '等级上升 grade up'),
    h('option', { value: 'same' }, '等级不变 same grade'));
  const host = h('div', {});
  const publish = h('button', { type: 'button', class: 'danger', id: 'whatif-publish' }, '发布此版本 Publish this version');
  const section = h('div', { class: 'panel', id: 'whatif-answer', 'data-whatif': w.id },
    h('h2', {}, `${rows.length} 个对象有变化 (${rows.length} subjects change)`),
    h('p', {}, '基准 Base: ', shortVersion(w.base?.version), '　→　试算 Against: ', shortVersion(w.against?.version)),
    countsTable(w.grades || {}),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'whatif-filter' }, '筛选 Filter'), text),
      h('div', {}, h('label', { for: 'whatif-channel' }, '渠道 Channel'), channel),
      h('div', {}, h('label', { for: 'whatif-move' }, '等级变化 Grade'), move),
      h('div', {}, h('a', { class: 'button', id: 'whatif-export', href: `/api/v1/whatifs/${w.id}/report.xlsx`, download: '' }, '导出 Excel Export')),
      h('div', {}, publish)),
    host);
  const render = changesTable(host, rows, () => ({ text: text.value, channel: channel.value, move: move.value }));
  text.addEventListener('input', render);
  channel.addEventListener('change', render);
  move.addEventListener('change', render);
  publish.addEventListener('click', () => publishFrom(w, rows, section));
  return section;
}

function countsTable(grades) {
  const before = grades.before || {};
  const after = grades.after || {};
  const codes = GRADE_ORDER.filter(g => g in before || g in after);
  return h('table', { id: 'whatif-grades', class: 'counts' },
    h('caption', {}, '等级数量 Grade counts'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '等级 Grade'), h('th', { scope: 'col' }, '之前 Before'),
      h('th', { scope: 'col' }, '之后 After'), h('th', { scope: 'col' }, '变化 Change'))),
    h('tbody', {}, codes.map(g => {
      const d = (after[g] || 0) - (before[g] || 0);
      return h('tr', { 'data-grade': g }, h('th', { scope: 'row' }, `${gradeWord(g)} (${g})`),
        h('td', { class: 'num' }, before[g] || 0), h('td', { class: 'num' }, after[g] || 0),
        h('td', { class: `num ${d ? 'warn' : ''}` }, d > 0 ? `+${d}` : d));
    })));
}

/** The grade moves a publish would make, counted: "优秀 → 合格: 3". */
export function moves(rows) {
  const counts = new Map();
  for (const r of rows.filter(x => x.before !== x.after)) {
    const key = `${r.beforeLabel} → ${r.afterLabel}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

async function publishFrom(w, rows, section) {
  const pack = w.against.id;
  const version = w.against.version;
  const m = moves(rows);
  const ok = await confirmDialog(both('确认发布', 'Publish this version?'),
    [h('p', {}, `发布后，标准包 ${pack} 的评定将使用版本 `, h('code', {}, version), '。'),
      h('p', {}, m.length ? `按上期数据，${m.reduce((n, [, c]) => n + c, 0)} 个对象的等级会改变：` : '按上期数据，没有对象的等级改变。'),
      m.length ? h('ul', { id: 'confirm-moves' }, m.map(([k, c]) => h('li', {}, `${k}：${c} 个`))) : null,
      rows.length - m.reduce((n, [, c]) => n + c, 0) > 0
        ? h('p', {}, `另有 ${rows.length - m.reduce((n, [, c]) => n + c, 0)} 个对象的名次、分数或问题改变。`) : null,
      h('p', { lang: 'en' }, `From now on pack ${pack} grades with this version; ${rows.length} subjects of the base run change.`)],
    both('确认发布', 'Publish'));
  if (!ok) return;
  const r = await post(`/api/v1/packs/${pack}/versions/${version}/publish`, { needsToken: true });
  if (!r.ok) {
    section.prepend(errorPanel('未能发布 (not published)', r.json));
    return;
  }
  const now = await get(`/api/v1/packs/${pack}`);
  const active = now.ok ? now.json.version : version;
  say(`已发布，生效版本 ${active}`);
  const done = h('div', { class: 'panel success', id: 'published', role: 'status' },
    h('h2', { tabindex: '-1' }, '已发布 Published'),
    h('p', {}, `标准包 ${pack} 现在的生效版本 (now active): `, h('code', { id: 'published-version' }, active),
      now.ok && now.json.activeSince ? `，自 ${when(now.json.activeSince)}` : ''),
    h('p', {}, h('a', { href: `#/packs/${pack}` }, '查看版本历史 See the version history')));
  section.prepend(done);
  section.querySelector('#whatif-publish').disabled = true;
  done.querySelector('h2').focus();
}
