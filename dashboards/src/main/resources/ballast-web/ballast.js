'use strict';
// The cluster page: polls /api/cluster and draws one tile per host. No external libraries: it works offline.
const pct = (f) => `${Math.round(f * 100)} %`;

function kpi(label, value) {
  const div = document.createElement('div');
  div.className = 'kpi';
  div.innerHTML = `<span></span><b></b>`;
  div.querySelector('span').textContent = label;
  div.querySelector('b').textContent = value;
  return div;
}

function bar(kind, fraction) {
  const outer = document.createElement('div');
  outer.className = `bar ${kind}`;
  const inner = document.createElement('span');
  inner.style.width = `${Math.min(100, Math.round(fraction * 100))}%`;
  outer.appendChild(inner);
  return outer;
}

function hostTile(h) {
  const tile = document.createElement('div');
  tile.className = `host ${h.state} ${h.state === 'ON' ? h.spot : ''}`;
  tile.dataset.host = h.id;
  const title = document.createElement('h3');
  title.textContent = h.id;
  const state = document.createElement('span');
  state.className = 'state';
  state.textContent = h.state === 'ON' ? `${h.vmCount} VMs · ${h.spot.toLowerCase()}` : h.state.toLowerCase();
  title.appendChild(state);
  tile.appendChild(title);
  const cpu = document.createElement('div');
  cpu.className = 'small';
  cpu.textContent = `CPU ${pct(h.cpuUtilization)} (forecast ${pct(h.forecastCpuUtilization)})`;
  tile.appendChild(cpu);
  tile.appendChild(bar('cpu', h.cpuUtilization));
  const mem = document.createElement('div');
  mem.className = 'small';
  mem.textContent = `Memory ${pct(h.memoryUtilization)}`;
  tile.appendChild(mem);
  tile.appendChild(bar('mem', h.memoryUtilization));
  return tile;
}

async function refresh() {
  try {
    const res = await fetch('api/cluster');
    if (!res.ok) throw new Error(`GET /api/cluster answered ${res.status}`);
    const c = await res.json();
    document.getElementById('observed').textContent = `observed ${c.observedAt}`;
    const s = c.summary;
    const summary = document.getElementById('summary');
    summary.replaceChildren(
      kpi('Powered-on hosts', `${s.poweredOnHosts} / ${s.hosts}`),
      kpi('VMs', s.vms),
      kpi('Mean CPU', pct(s.meanCpuUtilization)),
      kpi('Max CPU', pct(s.maxCpuUtilization)),
      kpi('Mean memory', pct(s.meanMemoryUtilization)),
      kpi('Power', `${Math.round(s.estimatedPowerWatts)} W`),
      kpi('Hot spots', s.hotSpots),
      kpi('Cold spots', s.coldSpots));
    document.getElementById('hosts').replaceChildren(...c.hosts.map(hostTile));
  } catch (e) {
    document.getElementById('observed').textContent = `error: ${e.message}`;
  }
}

refresh();
setInterval(refresh, 5000);
