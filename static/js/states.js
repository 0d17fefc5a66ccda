// Keeps the processing state of the articles on the page current, without a reload.
(function () {
  const script = document.currentScript;
  const url = script.dataset.url;
  const reloadWhenSettled = script.hasAttribute("data-reload-when-settled");
  const settled = new Set(["done", "failed"]);

  function pending() {
    return Array.from(document.querySelectorAll("[data-article-status][data-pending]"));
  }

  async function refresh() {
    const badges = pending();
    if (badges.length === 0) return;
    const ids = badges.map((badge) => badge.dataset.articleStatus).join(",");
    try {
      const response = await fetch(`${url}?ids=${ids}`, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const data = await response.json();
        for (const article of data.articles) {
          for (const badge of document.querySelectorAll(`[data-article-status="${article.id}"]`)) {
            badge.textContent = article.label;
            badge.className = `status status-${article.status}`;
            badge.title = article.reason;
            if (settled.has(article.status)) {
              badge.removeAttribute("data-pending");
              if (reloadWhenSettled) window.location.reload();
            }
          }
        }
      }
    } catch (error) {
      // The server is briefly unreachable: try again on the next tick.
    }
    if (pending().length > 0) window.setTimeout(refresh, 1500);
  }

  window.setTimeout(refresh, 1000);
})();
