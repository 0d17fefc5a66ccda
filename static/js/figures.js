// A highlighted figure, clicked or activated with Enter, shows its row in the table of figures.
(function () {
  function show(mark) {
    const row = document.getElementById(`claim-${mark.dataset.claim}`);
    if (!row) return;
    window.location.hash = row.id;
    row.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  document.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-claim]");
    if (mark) show(mark);
  });
  document.addEventListener("keydown", (event) => {
    const mark = event.target.closest && event.target.closest("mark[data-claim]");
    if (mark && event.key === "Enter") show(mark);
  });
})();
