// Body map: the picture shows what the checkboxes of the same include say, and on a wide
// screen a click or tap on an area toggles that same checkbox. The checkboxes stay the one
// control for keyboard and screen reader (the picture is aria-hidden and never focusable),
// so nobody passes the 19 areas twice. Without this module the list works on its own.

function setUp(root) {
  const svg = root.querySelector("[data-body-map-svg]");
  if (!svg || svg.dataset.ready) return;
  svg.dataset.ready = "1";
  const areas = new Map();
  for (const area of svg.querySelectorAll("[data-area]")) areas.set(area.dataset.area, area);

  for (const box of root.querySelectorAll('input[type="checkbox"][data-area]')) {
    const area = areas.get(box.dataset.area);
    if (!area) continue;
    const show = () => area.classList.toggle("is-selected", box.checked);
    show();
    box.addEventListener("change", show);
    box.addEventListener("focus", () => area.classList.add("is-pointed"));
    box.addEventListener("blur", () => area.classList.remove("is-pointed"));
    area.addEventListener("click", () => {
      // On a phone the areas take no pointer events (CSS): too small to aim at there.
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
}

for (const root of document.querySelectorAll("[data-body-map]")) setUp(root);
