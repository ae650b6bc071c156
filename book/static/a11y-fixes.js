// Accessibility fixes for markup the course does not write itself, applied once the page loads.
document.addEventListener("DOMContentLoaded", () => {
  // The theme's search button shows "Search… Ctrl+K" but is labelled "Search": people who say
  // what they see ("click Search Ctrl K") would not reach it (WCAG 2.5.3).
  document.querySelectorAll(".search-button-field[aria-label]").forEach((el) => {
    el.removeAttribute("aria-label");
  });
  // The colour-mode button's icons carry their own titles ("Light", "Dark") that do not match
  // its label "Color mode": the decorative icons are hidden from assistive technology.
  document.querySelectorAll(".theme-switch-button i").forEach((icon) => {
    icon.removeAttribute("title");
    icon.setAttribute("aria-hidden", "true");
  });
  // scikit-learn's estimator diagram puts a "copy feature names" button inside a <summary>; a
  // control inside another control is unreachable by keyboard. Move it next to its <details>.
  document.querySelectorAll("summary button").forEach((button) => {
    const details = button.closest("details");
    const box = button.closest(".image-container") || button;
    details.parentNode.insertBefore(box, details.nextSibling);
  });
  // Sphinx marks the bibliography role="list" but its entries role="doc-biblioentry", which is
  // not a list item: drop the list role so the entries are read as what they are.
  document.querySelectorAll(".citation-list[role='list']").forEach((el) => el.removeAttribute("role"));
});
