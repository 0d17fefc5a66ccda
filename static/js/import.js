// Moves the import's progress bar as the worker stores files; the page reloads when done
// to list each file's result.
(function () {
  const bar = document.querySelector("[data-import-progress]");
  if (!bar) return;
  const label = document.querySelector(`label[for="${bar.id}"]`);

  async function refresh() {
    try {
      const response = await fetch(bar.dataset.url, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const state = await response.json();
        bar.max = state.total;
        bar.value = state.done;
        if (label) label.textContent = `${state.done} of ${state.total} files`;
        if (state.status === "done") {
          window.location.reload();
          return;
        }
      }
    } catch (error) {
      // The server is briefly unreachable: try again on the next tick.
    }
    window.setTimeout(refresh, 700);
  }

  window.setTimeout(refresh, 500);
})();
