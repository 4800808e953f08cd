// Change criteria: an edited workbook, under whatever name it was saved, becomes a draft version;
// the answer shows each mistake at its sheet and cell, or the version and the published figures
// of the pack's fixtures it changes.
import { post } from './api.js';
import { CHANNEL_WORDS, GRADE_WORDS, both, errorPanel, h, say } from './dom.js';
import { packSelect } from './packlist.js';
import { drafts } from './state.js';

export async function draftView(pack) {
  const select = await packSelect('draft-pack', pack);
  const file = h('input', { type: 'file', id: 'draft-file', accept: '.xlsx,.drl,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', required: true });
  const send = h('button', { type: 'submit', class: 'primary', id: 'draft-send' }, '上传并检查 Upload and check');
  const out = h('div', { id: 'draft-result' });
  const form = h('form', { id: 'draft-form' },
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'draft-pack' }, '标准包 Pack'), select),
      h('div', {}, h('label', { for: 'draft-file' }, '修改后的标准表 Edited workbook (.xlsx)'), file),
      h('div', {}, send)));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!file.files.length) return;
    send.disabled = true;
    out.replaceChildren(h('p', { class: 'muted' }, '检查中：编译并用本包的样例重新评定… Checking: compiling and grading the pack\'s fixtures…'));
    const answer = await upload(select.value, file.files[0]);
    send.disabled = false;
    out.replaceChildren(answer);
    const first = out.querySelector('h2');
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus();
    }
  });
  return h('section', {},
    h('h1', {}, both('修改标准', 'Change criteria')),
    h('p', {}, '先在“标准包”页下载生效的标准表，在 Excel 或 WPS 中修改数值，保存（文件名随意），再在此上传。上传只生成草稿版本，发布前不影响评定。'),
    h('p', { lang: 'en' }, 'Download the active workbook from the pack\'s page, change values in Excel or WPS, save it under any name and upload it here. An upload makes a draft; nothing grades with it until it is published.'),
    form, out);
}

/** A workbook saved under an odd name still goes in as the pack's workbook: the part is renamed when the server would not know it. */
async function partName(pack, f) {
  const name = f.name || '';
  const lower = name.toLowerCase();
  if ((lower.endsWith('.xlsx') || lower.endsWith('.drl')) && !name.startsWith('.') && !name.startsWith('~$') && name.length <= 255) {
    return name;
  }
  const head = new Uint8Array(await f.slice(0, 2).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b ? `${pack}.xlsx` : name; // PK: a zip, as every .xlsx is
}

async function upload(pack, f) {
  const form = new FormData();
  form.append('files', f, await partName(pack, f));
  const r = await post(`/api/v1/packs/${pack}/drafts`, { form, needsToken: true });
  if (!r.ok) {
    const title = {
      pack_rejected: '标准表有错误，未生成版本 (the workbook has mistakes; no version made)',
      version_refused: '新版本无法评定本包的样例，已拒绝 (the version cannot grade the pack\'s fixtures; refused)',
      code_change_forbidden: '您的令牌只能修改数值，不能修改规则代码 (your token may change values, not rule code)',
      invalid_file: '文件无法使用 (the file cannot be used)',
    }[r.json?.error] || '上传未成功 (the upload failed)';
    return errorPanel(title, r.json);
  }
  const d = r.json;
  drafts.set(pack, d.version);
  say(`草稿版本 ${d.version} 已生成`);
  const changed = d.tests?.changed || [];
  return h('div', { class: 'panel success', id: 'draft-answer', 'data-version': d.version },
    h('h2', {}, d.alreadyStored ? '此版本已存在 (this version was already stored)' : '已生成草稿版本 (draft version made)'),
    h('p', {}, '版本 Version: ', h('code', { class: 'version', id: 'draft-version' }, d.version),
      `　替换文件 replaced: ${(d.changedFiles || []).join(', ')}`),
    h('p', {}, `样例检查 Fixture tests: ${d.tests?.summary || ''}`),
    changed.length
      ? [h('p', { class: 'warn' }, `此版本会改变 ${changed.length} 项已公布的结果 (changes ${changed.length} published figures):`),
        h('table', { id: 'draft-changed' },
          h('thead', {}, h('tr', {}, ['对象 Subject', '渠道 Channel', '项目 Figure', '已公布 Published', '新版本 This version', '说明 Note']
            .map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, changed.map(c => h('tr', {},
            h('td', {}, c.name || c.id, h('div', { class: 'muted' }, c.id)), h('td', {}, CHANNEL_WORDS[c.channel] || c.channel),
            h('td', {}, c.figure), h('td', {}, fmt(c.published)), h('td', {}, fmt(c.graded)),
            h('td', {}, c.known ? `已知差异 known: ${c.known}` : '')))))]
      : h('p', { class: 'ok' }, '不改变任何已公布的结果 (changes no published figure)'),
    (d.warnings || []).length ? errorPanel('提示：以下行不起作用 (warnings: rows that change nothing)', { errors: d.warnings }) : null,
    h('p', { class: 'row' },
      h('a', { class: 'button primary', href: `#/whatif?pack=${pack}&version=${d.version}` }, '用上期数据试算 What-if on last period'),
      h('a', { class: 'button', href: `/api/v1/packs/${pack}/versions/${d.version}/workbook.xlsx`, download: '' }, '下载此版本 Download this version')));
}

function fmt(v) {
  if (v === null || v === undefined) return '—';
  if (GRADE_WORDS[v]) return `${GRADE_WORDS[v]} (${v})`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
