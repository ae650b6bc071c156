// Accessibility fixes for the theme's markup, applied once the page has loaded.
// - The search button shows "Search… Ctrl+K" but is labelled "Search": people who say what they
//   see ("click Search Ctrl K") would not reach it (WCAG 2.5.3). Its visible text becomes its name.
// - The colour-mode button's icons carry their own titles ("Light", "Dark"), which do not match
//   its label "Color mode": the decorative icons are hidden from assistive technology.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".search-button-field[aria-label]").forEach((el) => {
    el.removeAttribute("aria-label");
  });
  document.querySelectorAll(".theme-switch-button i").forEach((icon) => {
    icon.removeAttribute("title");
    icon.setAttribute("aria-hidden", "true");
  });
});
