// recoupe serve: the little the pages need. Tables with class "sortable" sort by a click on a column header.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table.sortable")) {
    const body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach((th, col) => {
      let up = true;
      th.addEventListener("click", () => {
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          const nx = Number(x), ny = Number(y);
          const c = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return up ? c : -c;
        });
        up = !up;
        rows.forEach((r) => body.appendChild(r));
      });
    });
  }
  // In an article, a click on the evidence of an event opens that event.
  for (const span of document.querySelectorAll("article.text span[data-event]")) {
    span.addEventListener("click", () => {
      const id = span.dataset.event;
      if (/^[A-Za-z0-9:._-]+$/.test(id)) { window.location.assign("/events/" + id); }
    });
  }
  const reject = document.getElementById("reject");
  if (reject) {
    reject.addEventListener("click", (ev) => {
      if (!window.confirm("Reject this event? It leaves the default exports until someone reopens it.")) {
        ev.preventDefault();
      }
    });
  }
});
