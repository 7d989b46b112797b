// Accessibility repairs to Material's header, found by axe and the keyboard tests.
document$.subscribe(function () {
  // The search dialog has no accessible name (axe: aria-dialog-name); it
  // takes the name of its search field, "Zoeken".
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = dialog && dialog.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  // The menu button on phones is a <label>: no Tab stop. Material clicks a
  // focused label on Enter; Space is added here, as for any button. Opening
  // the drawer moves focus into it, Escape closes it again.
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  if (drawer && button && !button.hasAttribute("role")) {
    button.setAttribute("role", "button");
    button.tabIndex = 0;
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", String(drawer.checked));
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (drawer.checked && first && document.activeElement === button) {
        setTimeout(function () { first.focus(); }, 260);  // after the slide-in
      }
    });
    button.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      button.click();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        button.click();
        button.focus();
      }
    });
  }
});
