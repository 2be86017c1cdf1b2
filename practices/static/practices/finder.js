// "Use my location": fills the finder's hidden lat/lon from the browser (with
// the visitor's permission) and submits. Without JavaScript the button stays
// hidden and the place search works as a normal form.
const form = document.querySelector(".finder-form");
const box = form && form.querySelector("[data-location]");
if (form && box && "geolocation" in navigator) {
  const button = box.querySelector("[data-use-location]");
  const status = box.querySelector("[data-location-status]");
  box.hidden = false;
  button.addEventListener("click", () => {
    status.textContent = box.dataset.waiting || "…";
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.querySelector("[name=lat]").value = position.coords.latitude.toFixed(4);
        form.querySelector("[name=lon]").value = position.coords.longitude.toFixed(4);
        form.querySelector("[name=q]").value = "";
        form.submit();
      },
      () => {
        status.textContent = box.dataset.denied || "";
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}
