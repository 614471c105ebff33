'use strict';
// Plan previews ("what if"), their before/after charts and steps, approval and execution, and live progress.
const Plans = (() => {
  const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'SUPERSEDED']);
  const STEP_DONE = new Set(['SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELLED']);
  let current = null;
  let follow = null; // the AbortController of the progress stream or poll of the current plan
  let chart = null;
  let offered = '';

  const $ = (id) => document.getElementById(id);

  /** The drain check boxes, one per host, rebuilt only when the host list changes so ticks survive refreshes. */
  function offerHosts(hosts) {
    const names = hosts.map((h) => h.id).join(',');
    if (names === offered) return;
    offered = names;
    const ticked = new Set([...document.querySelectorAll('#drain-hosts input:checked')].map((i) => i.value));
    $('drain-hosts').replaceChildren(...hosts.map((h) => {
      const box = el('input', { type: 'checkbox', value: h.id, name: 'drain' });
      box.checked = ticked.has(h.id);
      return el('label', { class: 'drain-host' }, box, h.id);
    }));
  }

  function requestBody() {
    const body = { goal: $('goal').value, timeLimitSeconds: Number($('time-limit').value) };
    const drain = [...document.querySelectorAll('#drain-hosts input:checked')].map((i) => i.value);
    if (drain.length) body.evacuate = drain;
    const scale = Number($('demand-scale').value);
    if (scale !== 1) body.demandScale = scale;
    return body;
  }

  function kpiTable(before, after) {
    const rows = [
      ['Powered-on hosts', (k) => k.poweredOnHosts],
      ['Energy / day (kWh)', (k) => k.energyPerDayKwh.toFixed(1)],
      ['Power (W)', (k) => Math.round(k.estimatedPowerWatts)],
      ['Max CPU', (k) => pct(k.maxCpuUtilization)],
      ['Mean CPU', (k) => pct(k.meanCpuUtilization)],
      ['Max memory', (k) => pct(k.maxMemoryUtilization)],
      ['Skewness', (k) => k.skewness.toFixed(3)],
      ['Hot spots', (k) => k.hotSpots],
      ['Cold spots', (k) => k.coldSpots],
    ];
    return el('table', { class: 'kpis-before-after' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', {}, 'before'), el('th', {}, 'after'))),
      el('tbody', {}, ...rows.map(([label, f]) => el('tr', {}, el('th', {}, label), el('td', {}, f(before)), el('td', {}, f(after))))));
  }

  function drawChart(plan) {
    const data = {
      labels: plan.hosts.map((h) => h.id),
      datasets: [
        { label: 'CPU before', data: plan.hosts.map((h) => h.cpuUtilizationBefore * 100), backgroundColor: '#adb5bd' },
        { label: 'CPU after', data: plan.hosts.map((h) => h.cpuUtilizationAfter * 100), backgroundColor: '#f77f00' },
        { label: 'memory before', data: plan.hosts.map((h) => h.memoryUtilizationBefore * 100), backgroundColor: '#ced4da' },
        { label: 'memory after', data: plan.hosts.map((h) => h.memoryUtilizationAfter * 100), backgroundColor: '#2a9d8f' },
      ],
    };
    if (chart) {
      chart.data = data;
      chart.update('none');
      return;
    }
    chart = new Chart($('plan-cpu-chart'), {
      type: 'bar', data,
      options: {
        animation: false, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: 'forecast utilization %' } } },
        plugins: { title: { display: true, text: 'Hosts before and after the plan' } },
      },
    });
  }

  function render(plan) {
    current = plan;
    $('plan').hidden = false;
    $('plan-id').textContent = plan.id;
    const status = $('plan-status');
    status.textContent = plan.status;
    status.className = `status ${plan.status}`;
    $('plan-message').textContent = `${plan.goal} · ${plan.migrations} migrations in ${plan.waves} waves`
      + `${plan.approvedBy ? ` · approved by ${plan.approvedBy}` : ''}${plan.executedBy ? ` · executed by ${plan.executedBy}` : ''}`
      + `${plan.message ? ` · ${plan.message}` : ''}${plan.unresolved.length ? ` · unresolved: ${plan.unresolved.join('; ')}` : ''}`;
    const done = plan.steps.filter((s) => STEP_DONE.has(s.status)).length;
    const total = plan.steps.length;
    $('progress-bar').style.width = total ? `${Math.round((100 * done) / total)}%` : (FINAL.has(plan.status) ? '100%' : '0%');
    $('progress-text').textContent = `${done} of ${total} steps done`;
    $('progress-text').dataset.done = done;
    $('progress-text').dataset.total = total;
    $('plan-kpis').replaceChildren(kpiTable(plan.before, plan.after));
    const sc = plan.score;
    $('plan-score').textContent = `score ${sc.before} → ${sc.after}${sc.feasible ? '' : ' (infeasible)'} · solved in ${(sc.solveMillis / 1000).toFixed(1)} s`
      + (sc.broken.length ? ` · broken: ${sc.broken.map((c) => c.constraint).join(', ')}` : '');
    $('steps').tBodies[0].replaceChildren(...plan.steps.map((s) => el('tr', { class: `step ${s.status}`, dataset: { status: s.status } },
      el('td', {}, s.index + 1), el('td', {}, s.wave + 1), el('td', {}, s.description), el('td', {}, s.reason),
      el('td', { title: s.message || '' }, s.status))));
    $('approve').disabled = plan.status !== 'RECOMMENDED';
    $('execute').disabled = !(plan.status === 'RECOMMENDED' || plan.status === 'APPROVED');
    $('cancel').disabled = FINAL.has(plan.status);
    drawChart(plan);
  }

  function stopFollowing() {
    if (follow) follow.abort();
    follow = null;
  }

  /** Live progress: the plan's event stream when the service has one, else polling until the plan is final. */
  async function followProgress(id) {
    stopFollowing();
    const ctl = new AbortController();
    follow = ctl;
    let last = null;
    try {
      await Api.stream(`api/plans/${id}/events`, (p) => { last = p; render(p); }, ctl.signal);
    } catch (e) {
      if (ctl.signal.aborted) return;
    }
    while (!ctl.signal.aborted && !(last && FINAL.has(last.status))) {
      try {
        last = await Api.get(`api/plans/${id}`);
        if (!ctl.signal.aborted) render(last);
      } catch (e) {
        $('action-error').textContent = e.message;
      }
      if (!FINAL.has(last?.status)) await new Promise((r) => setTimeout(r, 500));
    }
    if (follow === ctl) follow = null;
    refreshList();
  }

  async function act(action) {
    if (!current) return;
    $('action-error').textContent = '';
    try {
      const plan = await Api.post(`api/plans/${current.id}/${action}`);
      render(plan);
      if (plan.status === 'EXECUTING' || action === 'execute') followProgress(plan.id);
      refreshList();
    } catch (e) {
      $('action-error').textContent = e.message;
    }
  }

  async function preview(event) {
    event.preventDefault();
    $('plan-error').textContent = '';
    const button = $('preview');
    button.disabled = true;
    button.textContent = 'Planning…';
    try {
      stopFollowing();
      render(await Api.post('api/plans', requestBody()));
      $('action-error').textContent = '';
      refreshList();
    } catch (e) {
      $('plan-error').textContent = e.message;
    } finally {
      button.disabled = false;
      button.textContent = 'Preview plan';
    }
  }

  async function open(id) {
    try {
      const plan = await Api.get(`api/plans/${id}`);
      render(plan);
      if (plan.status === 'EXECUTING') followProgress(id);
      else stopFollowing();
    } catch (e) {
      $('plan-error').textContent = e.message;
    }
  }

  async function refreshList() {
    try {
      const list = await Api.get('api/plans');
      $('plans').tBodies[0].replaceChildren(...list.slice(0, 10).map((p) => {
        const row = el('tr', { class: 'plan-row', dataset: { plan: p.id } },
          el('td', {}, new Date(p.createdAt).toLocaleTimeString()), el('td', {}, p.goal), el('td', {}, p.status),
          el('td', {}, p.steps), el('td', {}, `${p.poweredOnBefore} → ${p.poweredOnAfter}`));
        row.addEventListener('click', () => open(p.id));
        return row;
      }));
    } catch (e) {
      $('plan-error').textContent = e.message;
    }
  }

  $('plan-form').addEventListener('submit', preview);
  $('approve').addEventListener('click', () => act('approve'));
  $('execute').addEventListener('click', () => act('execute'));
  $('cancel').addEventListener('click', () => act('cancel'));
  return { offerHosts, refreshList };
})();
