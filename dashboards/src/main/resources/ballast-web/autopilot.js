'use strict';
// The autopilot's mode, settings and decision log (GET/PUT /api/autopilot, POST /api/autopilot/tick, GET /api/decisions).
const Autopilot = (() => {
  const $ = (id) => document.getElementById(id);
  const controls = ['autopilot-select', 'autopilot-set', 'autopilot-tick'];

  function unavailable(e) {
    // 404: a service without autopilot endpoints; say so instead of showing an error.
    const missing = e instanceof Api.ApiError && (e.status === 404 || e.status === 405);
    $('autopilot-mode').textContent = missing ? 'not available in this service' : 'unknown';
    $('autopilot-error').textContent = missing ? '' : e.message;
    controls.forEach((id) => { $(id).disabled = missing; });
  }

  function showState(a) {
    $('autopilot-mode').textContent = a.mode;
    $('autopilot-mode').dataset.mode = a.mode;
    if (!$('autopilot-select').dataset.touched) $('autopilot-select').value = a.mode;
    controls.forEach((id) => { $(id).disabled = false; });
    $('autopilot-settings').textContent = (a.nightly
      ? `nightly consolidation ${a.nightlyStart}–${a.nightlyEnd} (${a.zone}), hosts woken ${a.wakeLead} before the end`
      : 'nightly consolidation off')
      + ` · at most ${a.migrationsPerHour} migrations per hour · pauses when metrics are older than ${a.staleAfter}`;
  }

  async function refresh() {
    try {
      showState(await Api.get('api/autopilot'));
    } catch (e) {
      unavailable(e);
      return;
    }
    try {
      const decisions = await Api.get('api/decisions?limit=50');
      // The service lists them oldest first; the newest goes on top.
      $('decisions').tBodies[0].replaceChildren(...decisions.slice().reverse().map((d) => el('tr', { class: 'decision' },
        el('td', {}, new Date(d.at).toLocaleString()), el('td', {}, d.source), el('td', {}, d.action),
        el('td', {}, d.reason), el('td', {}, d.planId || ''))));
    } catch (e) {
      $('autopilot-error').textContent = e.message;
    }
  }

  async function run(call) {
    $('autopilot-error').textContent = '';
    try {
      await call();
    } catch (e) {
      $('autopilot-error').textContent = e.message;
    }
    await refresh();
    Plans.refreshList();
  }

  $('autopilot-select').addEventListener('change', () => { $('autopilot-select').dataset.touched = 'yes'; });
  $('autopilot-set').addEventListener('click', () => run(() => Api.put('api/autopilot', { mode: $('autopilot-select').value })));
  $('autopilot-tick').addEventListener('click', () => run(() => Api.post('api/autopilot/tick')));
  return { refresh };
})();
