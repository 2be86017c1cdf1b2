// The booking choice, kind first (bookings/menu.py decides the same on the server):
// choosing a way shows at once only the appointment types that can take place that
// way, so an impossible pair can never be sent, and the free times follow the choice
// without a page load. Without JavaScript the "Choose this way" and "Show free times"
// buttons do the same through the server.

function fitsKind(row, kind) {
  return (row.dataset.kinds || "").split(" ").includes(kind);
}

function filterTypes(form, kind) {
  const rows = [...form.querySelectorAll("[data-kinds]")];
  for (const row of rows) {
    const fits = fitsKind(row, kind);
    const radio = row.querySelector("input[type=radio]");
    row.hidden = !fits;
    radio.disabled = !fits;
    if (!fits) radio.checked = false;
  }
  if (!form.querySelector("input[name=type]:checked")) {
    const first = rows.find((row) => !row.hidden);
    if (first) first.querySelector("input[type=radio]").checked = true;
  }
}

let pending = null; // the request for the latest choice; an older answer is dropped

async function showTimes(form) {
  const status = form.querySelector("[data-times-status]");
  const url = new URL(form.dataset.timesUrl, window.location.href);
  for (const [name, value] of new FormData(form)) url.searchParams.set(name, value);
  if (pending) pending.abort();
  const mine = new AbortController();
  pending = mine;
  let page;
  try {
    const response = await fetch(url, { headers: { Accept: "text/html" }, signal: mine.signal });
    if (!response.ok) return;
    page = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch {
    return; // replaced by a newer choice, or offline: the "Show free times" button still works
  }
  if (pending !== mine) return;
  pending = null;
  const current = document.querySelector("[data-free-times]");
  const fresh = page.querySelector("[data-free-times]");
  if (!current || !fresh) return;
  // Keep the heading level of this page (the practice page nests the times one deeper).
  const level = current.querySelector("#times-title")?.tagName;
  const imported = document.importNode(fresh, true);
  if (level) {
    for (const heading of imported.querySelectorAll("h2, h3, h4")) {
      const depth = Number(heading.tagName[1]) - 2 + Number(level[1]);
      const renamed = document.createElement(`h${Math.min(depth, 6)}`);
      for (const attribute of heading.attributes) renamed.setAttribute(attribute.name, attribute.value);
      renamed.append(...heading.childNodes);
      heading.replaceWith(renamed);
    }
  }
  current.replaceWith(imported);
  if (status) status.textContent = imported.querySelector("#times-title")?.textContent.trim() || "";
}

for (const form of document.querySelectorAll("[data-booking-picker]")) {
  for (const button of form.querySelectorAll("[data-kind-step]")) button.hidden = true;
  form.addEventListener("change", (event) => {
    if (event.target.name === "kind") filterTypes(form, event.target.value);
    if (event.target.name === "kind" || event.target.name === "type") showTimes(form);
  });
}
