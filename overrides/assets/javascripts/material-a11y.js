// Accessibility repairs to Material's header, found by axe and the keyboard tests.
document$.subscribe(function () {
  // The search dialog has no accessible name (axe: aria-dialog-name); it
  // takes the name of its search field, "Zoeken".
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = dialog && dialog.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  // The menu button on phones is a <label> for the drawer's checkbox: no Tab
  // stop, and a label may not take the role of a button (axe:
  // aria-allowed-role). A real button takes its place and its icon; it
  // toggles the checkbox, so Material's drawer works as before. Opening the
  // drawer moves focus into it, Escape closes it again.
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  if (drawer && label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " rk-menuknop";
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", String(drawer.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () {
      drawer.click();
    });
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (drawer.checked && first && document.activeElement === button) {
        setTimeout(function () { first.focus(); }, 260);  // after the slide-in
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  }
});
