'use strict';
// The cluster view: KPIs, one tile per host, and the selected host's VMs (actual against forecast).
const Cluster = (() => {
  let latest = null;
  let selected = null;
  const charts = {};

  // Green at 0 % through amber to red at 100 %: the hue of a tile and of its bars.
  const heat = (f, light) => `hsl(${Math.round(120 * (1 - Math.min(1, Math.max(0, f))))}, 70%, ${light}%)`;

  function kpi(label, value) {
    return el('div', { class: 'kpi' }, el('span', {}, label), el('b', {}, value));
  }

  function bar(kind, now, forecast) {
    const fill = el('span');
    fill.style.width = `${Math.min(100, Math.round(now * 100))}%`;
    fill.style.background = heat(now, 45);
    const tick = el('i', { title: `forecast ${pct(forecast)}` });
    tick.style.left = `${Math.min(100, Math.round(forecast * 100))}%`;
    return el('div', { class: `bar ${kind}` }, fill, tick);
  }

  function hostTile(h) {
    const on = h.state === 'ON';
    const busier = Math.max(h.cpuUtilization, h.memoryUtilization);
    const tile = el('div', {
      class: `host ${h.state} ${on ? h.spot : ''} ${h.id === selected ? 'selected' : ''}`,
      dataset: { host: h.id, state: h.state, spot: on ? h.spot : 'NONE' },
      role: 'button', tabindex: '0',
    });
    if (on) tile.style.background = heat(busier, 94);
    const flags = el('span', { class: 'flags' });
    if (!on) flags.append(el('span', { class: `flag ${h.state}` }, h.state === 'OFF' ? 'off' : h.state.toLowerCase()));
    if (on && (h.spot === 'HOT' || h.spot === 'COLD')) flags.append(el('span', { class: `flag ${h.spot}` }, h.spot.toLowerCase()));
    tile.append(
      el('h3', {}, h.id, flags),
      el('div', { class: 'small' }, `${h.vmCount} VMs · ${Math.round(h.watts)} W`),
      el('div', { class: 'small' }, `CPU ${pct(h.cpuUtilization)} (forecast ${pct(h.forecastCpuUtilization)})`),
      bar('cpu', h.cpuUtilization, h.forecastCpuUtilization),
      el('div', { class: 'small' }, `Memory ${pct(h.memoryUtilization)} (forecast ${pct(h.forecastMemoryUtilization)})`),
      bar('mem', h.memoryUtilization, h.forecastMemoryUtilization));
    const open = () => select(h.id);
    tile.addEventListener('click', open);
    tile.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return tile;
  }

  function vmChart(id, title, labels, actual, forecast, unit) {
    const data = {
      labels,
      datasets: [
        { label: `actual ${unit}`, data: actual, backgroundColor: '#f77f00' },
        { label: `forecast ${unit}`, data: forecast, backgroundColor: '#577590' },
      ],
    };
    if (charts[id]) {
      charts[id].data = data;
      charts[id].update('none');
      return;
    }
    charts[id] = new Chart(document.getElementById(id), {
      type: 'bar', data,
      options: { animation: false, maintainAspectRatio: false, plugins: { title: { display: true, text: title } } },
    });
  }

  function drawDetail() {
    const section = document.getElementById('host-detail');
    if (!selected || !latest) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    document.getElementById('host-detail-name').textContent = selected;
    const vms = latest.vms.filter((v) => v.host === selected).sort((a, b) => a.id.localeCompare(b.id));
    const ids = vms.map((v) => v.id);
    vmChart('vm-cpu-chart', 'CPU (cores)', ids, vms.map((v) => v.cpuUsed), vms.map((v) => v.forecastCpu), 'cores');
    vmChart('vm-memory-chart', 'Memory (MiB)', ids, vms.map((v) => v.memoryUsedMib), vms.map((v) => v.forecastMemoryMib), 'MiB');
  }

  function select(id) {
    selected = id;
    document.querySelectorAll('.host').forEach((t) => t.classList.toggle('selected', t.dataset.host === id));
    drawDetail();
  }

  async function refresh() {
    try {
      const c = await Api.get('api/cluster');
      latest = c;
      document.getElementById('observed').textContent = `observed ${new Date(c.observedAt).toLocaleString()}`;
      const s = c.summary;
      document.getElementById('summary').replaceChildren(
        kpi('Powered-on hosts', `${s.poweredOnHosts} / ${s.hosts}`),
        kpi('VMs', s.vms),
        kpi('Mean CPU', pct(s.meanCpuUtilization)),
        kpi('Max CPU', pct(s.maxCpuUtilization)),
        kpi('Mean memory', pct(s.meanMemoryUtilization)),
        kpi('Power', `${Math.round(s.estimatedPowerWatts)} W`),
        kpi('Energy / day', `${s.energyPerDayKwh.toFixed(1)} kWh`),
        kpi('Hot spots', s.hotSpots),
        kpi('Cold spots', s.coldSpots));
      document.getElementById('hosts').replaceChildren(...c.hosts.map(hostTile));
      Plans.offerHosts(c.hosts);
      drawDetail();
    } catch (e) {
      document.getElementById('observed').textContent = `error: ${e.message}`;
    }
  }

  document.getElementById('host-detail-close').addEventListener('click', () => select(null));
  return { refresh };
})();
