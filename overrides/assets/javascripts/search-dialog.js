// Material's search dialog has no accessible name (axe: aria-dialog-name);
// it takes the name of its search field, "Zoeken".
document$.subscribe(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = dialog && dialog.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }
});
