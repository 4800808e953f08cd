// Facts from spreadsheets: the pack's facts template to fill in Excel or WPS, and a filled one
// uploaded to grade a period. Each mistake is shown at its sheet, row and column; a graded
// workbook opens as its stored run.
import { post } from './api.js';
import { both, errorPanel, h } from './dom.js';
import { packSelect } from './packlist.js';

export async function factsView(pack) {
  const select = await packSelect('facts-pack', pack);
  const template = h('a', { class: 'button', id: 'facts-template', download: '' }, '下载报表数据模板 Download the facts template');
  const setTemplate = () => template.setAttribute('href', `/api/v1/packs/${encodeURIComponent(select.value)}/facts-template.xlsx`);
  select.addEventListener('change', setTemplate);
  setTemplate();
  const file = h('input', { type: 'file', id: 'facts-file', accept: '.xlsx', required: true });
  const send = h('button', { type: 'submit', class: 'primary', id: 'facts-send' }, '上传并评定 Upload and grade');
  const out = h('div', { id: 'facts-result' });
  const form = h('form', { id: 'facts-form' }, h('div', { class: 'row' },
    h('div', {}, h('label', { for: 'facts-file' }, '填好的报表数据 Filled facts workbook (.xlsx)'), file),
    h('div', {}, send)));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!file.files.length) return;
    send.disabled = true;
    out.replaceChildren(h('p', { class: 'muted' }, '评定中… Grading…'));
    const data = new FormData();
    data.append('facts', file.files[0], file.files[0].name);
    const r = await post('/api/v1/grade', { form: data });
    send.disabled = false;
    if (r.ok && r.json?.run) {
      location.hash = `#/runs/${r.json.run}`;
      return;
    }
    out.replaceChildren(errorPanel('报表数据有错误，未评定 (the workbook has mistakes; nothing graded)', r.json));
    out.querySelector('h2').setAttribute('tabindex', '-1');
    out.querySelector('h2').focus();
  });
  return h('section', {},
    h('h1', {}, both('报表数据', 'Facts from spreadsheets')),
    h('p', {}, '下载所选标准包的报表数据模板，在 Excel 或 WPS 中填写（第一张表写明标准包和期间），再上传评定。 Download the template, fill it in, upload it to grade a period.'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'facts-pack' }, '标准包 Pack'), select), h('div', {}, template)),
    form, out);
}
