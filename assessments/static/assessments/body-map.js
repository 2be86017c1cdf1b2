// Body map: the picture's areas toggle the checkboxes of the same include, and show what
// the checkboxes say. The checkbox list keeps working on its own without this module.
// Keyboard on the picture: one Tab stop; arrow keys move between areas, Home/End jump,
// Space or Enter toggles.

function setUp(root) {
  const svg = root.querySelector("[data-body-map-svg]");
  if (!svg || svg.dataset.ready) return;
  svg.dataset.ready = "1";
  const boxes = new Map();
  for (const box of root.querySelectorAll('input[type="checkbox"][data-area]')) {
    boxes.set(box.dataset.area, box);
  }
  const areas = [...svg.querySelectorAll("[data-area]")];

  svg.setAttribute("role", "group");
  svg.removeAttribute("aria-labelledby");
  svg.setAttribute("aria-label", root.dataset.mapLabel || "");

  function show(area) {
    const box = boxes.get(area.dataset.area);
    const checked = Boolean(box && box.checked);
    area.classList.toggle("is-selected", checked);
    area.setAttribute("aria-checked", checked ? "true" : "false");
  }

  function toggle(area) {
    const box = boxes.get(area.dataset.area);
    if (!box) return;
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    show(area);
  }

  function focusArea(index) {
    const next = areas[(index + areas.length) % areas.length];
    for (const area of areas) area.setAttribute("tabindex", area === next ? "0" : "-1");
    next.focus();
  }

  areas.forEach((area, index) => {
    area.setAttribute("role", "checkbox");
    area.setAttribute("aria-label", area.dataset.label || area.dataset.area);
    area.setAttribute("tabindex", index === 0 ? "0" : "-1");
    show(area);
    area.addEventListener("click", () => {
      toggle(area);
      focusArea(index);
    });
    area.addEventListener("keydown", (event) => {
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        toggle(area);
      } else if (event.key in moves) {
        event.preventDefault();
        focusArea(index + moves[event.key]);
      } else if (event.key === "Home") {
        event.preventDefault();
        focusArea(0);
      } else if (event.key === "End") {
        event.preventDefault();
        focusArea(areas.length - 1);
      }
    });
  });

  for (const [key, box] of boxes) {
    const area = areas.find((candidate) => candidate.dataset.area === key);
    if (!area) continue;
    box.addEventListener("change", () => show(area));
    box.addEventListener("focus", () => area.classList.add("is-pointed"));
    box.addEventListener("blur", () => area.classList.remove("is-pointed"));
  }
}

for (const root of document.querySelectorAll("[data-body-map]")) setUp(root);
