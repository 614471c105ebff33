'use strict';
// Wires the page together: the token field, then periodic refreshes of the cluster, plans and autopilot.
(() => {
  const input = document.getElementById('token');
  const state = document.getElementById('token-state');
  const show = () => { state.textContent = Api.token() ? 'token set (this tab only)' : 'anonymous'; };
  document.getElementById('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    Api.setToken(input.value.trim());
    input.value = '';
    show();
    Autopilot.refresh();
  });
  document.getElementById('token-clear').addEventListener('click', () => {
    Api.setToken('');
    show();
  });
  show();

  Cluster.refresh();
  Plans.refreshList();
  Autopilot.refresh();
  setInterval(Cluster.refresh, 5000);
  setInterval(Autopilot.refresh, 15000);
})();
