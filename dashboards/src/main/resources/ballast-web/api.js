'use strict';
// Talking to the service: the token kept in sessionStorage (gone when the tab closes), JSON requests, and error
// messages that say what the service answered.
const Api = (() => {
  const TOKEN_KEY = 'ballast.token';

  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
  const setToken = (t) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY));

  function headers(json) {
    const h = { Accept: 'application/json' };
    if (json) h['Content-Type'] = 'application/json';
    if (token()) h.Authorization = `Bearer ${token()}`;
    return h;
  }

  /** An error carrying the HTTP status, so callers can tell "not there yet" (404/405) from "not allowed" (401/403). */
  class ApiError extends Error {
    constructor(method, path, status, detail) {
      super(`${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
      this.status = status;
    }
  }

  async function detailOf(res) {
    const text = await res.text();
    try {
      const body = JSON.parse(text);
      // The service's ApiError ({message, field}) or problem+json ({detail, title}).
      return body.message || body.detail || body.title || text;
    } catch (e) {
      return text.slice(0, 200);
    }
  }

  async function request(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      let detail = await detailOf(res);
      if (res.status === 401) detail = `${detail || 'unauthorized'} (enter an operator token above)`;
      if (res.status === 403) {
        detail = `${detail || 'forbidden'} (${token() ? "this token's role may not do that" : 'enter an operator token above'})`;
      }
      throw new ApiError(method, path, res.status, detail);
    }
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  /**
   * Reads a server-sent-event stream with fetch, so the Authorization header goes along (EventSource cannot send
   * one). Calls onEvent with each parsed data payload; resolves when the stream ends; rejects with ApiError when the
   * service answers with an error status (404 while the service has no event stream).
   */
  async function stream(path, onEvent, signal) {
    const h = headers(false);
    h.Accept = 'text/event-stream';
    const res = await fetch(path, { headers: h, signal });
    if (!res.ok) throw new ApiError('GET', path, res.status, await detailOf(res));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
        const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (data) onEvent(JSON.parse(data));
      }
    }
  }

  return {
    token, setToken, ApiError, stream,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body === undefined ? {} : body),
    put: (path, body) => request('PUT', path, body),
  };
})();

const pct = (f) => `${Math.round(f * 100)} %`;

/** A DOM element with text content and attributes, never innerHTML with data from the service. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
