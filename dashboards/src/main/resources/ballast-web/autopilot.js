'use strict';
// The autopilot's mode and its decision log (GET/PUT /api/autopilot, GET /api/decisions).
const Autopilot = (() => {
  const $ = (id) => document.getElementById(id);

  function unavailable(e) {
    // 404: this service has no autopilot endpoints; say so instead of showing an error.
    const missing = e instanceof Api.ApiError && (e.status === 404 || e.status === 405);
    $('autopilot-mode').textContent = missing ? 'not available in this service' : 'unknown';
    $('autopilot-error').textContent = missing ? '' : e.message;
    $('autopilot-select').disabled = missing;
    $('autopilot-set').disabled = missing;
  }

  async function refresh() {
    try {
      const a = await Api.get('api/autopilot');
      $('autopilot-mode').textContent = a.mode;
      $('autopilot-mode').dataset.mode = a.mode;
      $('autopilot-select').disabled = false;
      $('autopilot-set').disabled = false;
    } catch (e) {
      unavailable(e);
      return;
    }
    try {
      const decisions = await Api.get('api/decisions');
      $('decisions').tBodies[0].replaceChildren(...decisions.slice(-50).reverse().map((d) => el('tr', {},
        el('td', {}, new Date(d.at).toLocaleString()), el('td', {}, d.action), el('td', {}, d.reason),
        el('td', {}, d.planId || ''))));
    } catch (e) {
      $('autopilot-error').textContent = e.message;
    }
  }

  async function setMode() {
    $('autopilot-error').textContent = '';
    try {
      await Api.put('api/autopilot', { mode: $('autopilot-select').value });
      await refresh();
    } catch (e) {
      $('autopilot-error').textContent = e.message;
    }
  }

  $('autopilot-set').addEventListener('click', setMode);
  return { refresh };
})();
