// Small helpers to build the page: elements, escaped HTML for big tables, dialogs that return focus.

/** An element with attributes (on* are not accepted: one delegated listener per view instead) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Text made safe to put into HTML built as a string (big tables are rendered in one pass). */
export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** Chinese first, English after, as the page reads everywhere. */
export function both(zh, en) {
  return [zh, ' ', h('span', { lang: 'en' }, en)];
}

export function say(text) {
  document.getElementById('status').textContent = text;
}

export function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function shortVersion(v) {
  return v ? h('code', { class: 'version', title: v }, v) : h('span', { class: 'muted' }, '—');
}

/** Per dialog, the opening it shows now (or showed last). */
const openings = new WeakMap();

/**
 * A modal dialog: the browser keeps focus inside it (the rest of the page is inert) and Escape
 * closes it; on close, focus goes back to what opened it.
 *
 * The browser queues a dialog's close event rather than sending it as the dialog shuts, so the
 * event of one opening can arrive after the next has opened (Escape, then Enter at once on a busy
 * machine). Each opening answers only to its own close: otherwise the new dialog would resolve as
 * cancelled while it is still on screen, and its confirm would then do nothing.
 */
export function modal(dialog, { onOpen } = {}) {
  const opener = document.activeElement;
  const mine = {};
  const before = openings.get(dialog);
  // showModal refuses an open dialog, so an earlier opening is shut: keep the answer it closed with.
  if (before && !('answer' in before)) before.answer = dialog.returnValue;
  openings.set(dialog, mine);
  return new Promise(resolve => {
    const closed = () => {
      if (dialog.open && openings.get(dialog) === mine) return;
      dialog.removeEventListener('close', closed);
      if (!dialog.open && opener && opener.isConnected) opener.focus();
      resolve('answer' in mine ? mine.answer : dialog.returnValue);
    };
    dialog.addEventListener('close', closed);
    dialog.returnValue = '';
    dialog.showModal();
    if (onOpen) onOpen();
  });
}

/** Asks before a change: the title and body name what will change; resolves true on confirm. */
export async function confirmDialog(title, body, okText) {
  const dialog = document.getElementById('confirm-dialog');
  const parts = x => [].concat(x).flat().filter(c => c !== null && c !== undefined && c !== false);
  document.getElementById('confirm-title').replaceChildren(...parts(title));
  document.getElementById('confirm-body').replaceChildren(...parts(body));
  document.getElementById('confirm-ok').replaceChildren(...parts(okText));
  const answer = await modal(dialog, { onOpen: () => document.getElementById('confirm-cancel').focus() });
  return answer === 'ok';
}

/** A panel listing an error answer's places: sheet and cell, file and line, or a batch's path. */
export function errorPanel(title, answer) {
  const items = [];
  for (const e of answer?.errors || []) {
    const place = [e.file, e.sheet && e.cell ? `${e.sheet}!${e.cell}` : e.sheet, e.line ? `第 ${e.line} 行 line ${e.line}` : '']
      .filter(Boolean).join(' · ');
    items.push(h('li', {}, h('span', { class: 'place' }, place || '—'), '：', e.message));
  }
  for (const v of answer?.violations || []) {
    const cell = v.sheet ? `${v.sheet}!${v.column}${v.row}` : v.path;
    const extra = v.sheet ? ` (工作表 ${v.sheet}，第 ${v.row} 行，${v.column} 列)` : '';
    items.push(h('li', { 'data-path': v.path },
      h('span', { class: 'place' }, cell), extra, '：',
      v.message || `应为 expected ${v.expected}` + (v.found !== undefined && v.found !== null ? `，实际 found ${v.found}` : '')));
  }
  return h('div', { class: 'panel error', role: 'alert' },
    h('h2', {}, title),
    h('p', {}, answer?.message || ''),
    answer?.error ? h('p', { class: 'muted' }, h('code', {}, answer.error)) : null,
    items.length ? h('ul', { class: 'places' }, items) : null,
    answer?.more ? h('p', {}, `另有 ${answer.more} 处未列出 (${answer.more} more not listed)`) : null);
}

export const GRADE_WORDS = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格', POOR: '差' };
export const GRADE_ORDER = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL', 'POOR'];
export const CHANNEL_WORDS = {
  'new-media': '新媒体', disclosure: '政府信息公开', news: '快讯动态', submissions: '信息报送', adoption: '采用', columns: '栏目更新',
};

export function gradeWord(code, label) {
  if (!code) return label || '—';
  return label || GRADE_WORDS[code] || code;
}
