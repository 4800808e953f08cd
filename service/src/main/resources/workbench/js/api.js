// The same API every other client uses. The token is asked once, when a step first needs it, and
// kept in this module's memory only: never in storage, so closing the tab forgets it.
import { modal } from './dom.js';

let token = null;

export function hasToken() {
  return token !== null;
}

export function forgetToken() {
  token = null;
  showTokenState();
}

function showTokenState() {
  document.getElementById('token-state').textContent = token ? '已输入 (entered)' : '未输入';
}

/** Opens the token dialog; resolves true when a token was given. */
export async function askToken(why) {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  if (why) document.getElementById('token-why').textContent = why;
  input.value = '';
  const answer = await modal(dialog, { onOpen: () => input.focus() });
  if (answer === 'ok' && input.value.trim()) {
    token = input.value.trim();
    input.value = '';
    showTokenState();
    return true;
  }
  return false;
}

export function wireTokenDialog() {
  const dialog = document.getElementById('token-dialog');
  document.getElementById('token-cancel').addEventListener('click', () => dialog.close('cancel'));
  document.getElementById('token-button').addEventListener('click', () => askToken(
    '输入令牌后，本页会在需要时使用它。令牌只保存在本页内存中。 The page uses it where a step needs one; kept in memory only.'));
  showTokenState();
}

/**
 * Calls the API. {@code needsToken}: ask before sending; a 401 or a rejected token asks (again)
 * once and resends. Answers {status, ok, json, headers}; a network failure answers status 0.
 */
export async function call(method, path, { json, form, needsToken = false } = {}) {
  if (needsToken && !token && !(await askToken('此操作需要令牌 (This step needs your token)。令牌只保存在本页内存中。'))) {
    return { status: 0, ok: false, json: { error: 'no_token', message: '未输入令牌，操作已取消 (no token given; cancelled)' } };
  }
  for (let attempt = 0; ; attempt++) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    let res;
    try {
      res = await fetch(path, { method, headers, body });
    } catch (e) {
      return { status: 0, ok: false, json: { error: 'network', message: `无法连接服务 (cannot reach the service): ${e.message}` } };
    }
    const type = res.headers.get('Content-Type') || '';
    const answer = type.includes('json') ? await res.json().catch(() => null) : null;
    const refused = res.status === 401 || (res.status === 403 && answer?.error === 'token_rejected');
    if (refused && attempt === 0) {
      token = null;
      showTokenState();
      const why = res.status === 401 ? '此操作需要令牌 (This step needs a token).' : '令牌被拒绝，请重新输入 (The token was rejected; enter it again).';
      if (await askToken(why)) continue;
    }
    return { status: res.status, ok: res.ok, json: answer, headers: res.headers };
  }
}

export const get = (path, opts) => call('GET', path, opts);
export const post = (path, opts) => call('POST', path, opts);
