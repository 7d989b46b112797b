// Accessibility repairs to Material's header, found by axe and the keyboard tests.
document$.subscribe(function () {
  // The search dialog has no accessible name (axe: aria-dialog-name); it
  // takes the name of its search field, "Zoeken".
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = dialog && dialog.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  // The line above the results says how many there are ("8 overeenkomende
  // documenten"): a status message, heard without moving focus (WCAG 4.1.3).
  var count = dialog && dialog.querySelector(".md-search-result__meta");
  if (count) count.setAttribute("role", "status");

  // Material reads the search field on keyup only. A query pasted from a
  // menu, dictated, or filled in by a phone's suggestions comes as input
  // without keyup, and once the search was ready it found nothing. Input now
  // counts as a keyup (Material ignores a value it has already searched for).
  if (input) {
    input.addEventListener("input", function () {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  // Material redraws the search results for every answer of its search
  // worker, and answers come in one per typed letter, after the typing. A
  // result chosen with the arrow keys before the last answer was removed
  // with the old list, and focus fell back to the page. Focus goes to the
  // same page's result in the new list (else the first), while search is open.
  var results = dialog && dialog.querySelector(".md-search-result__list");
  var search = document.getElementById("__search");
  if (results && search) {
    var chosen = null;
    var where = function (link) { return link.getAttribute("href").split("?")[0].split("#")[0]; };
    results.addEventListener("focusin", function (event) {
      var link = event.target.closest("a[href]");
      chosen = link ? where(link) : null;
    });
    dialog.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !results.contains(event.relatedTarget)) chosen = null;
      // Material closes search on Tab. Focus that leaves it another way (a
      // screen reader's cursor moving to a link on the page) would land
      // behind it: behind the whole screen on a phone, under its dark
      // overlay on a desktop (WCAG 2.4.11).
      if (search.checked && event.relatedTarget && !dialog.contains(event.relatedTarget)) search.click();
    });
    new MutationObserver(function () {
      var active = document.activeElement;
      if (!chosen || !search.checked || (active && active !== document.body)) return;
      var links = Array.prototype.slice.call(results.querySelectorAll("a[href]"));
      var again = links.filter(function (link) { return where(link) === chosen; })[0] || links[0];
      if (again) again.focus();
    }).observe(results, { childList: true });
  }

  // The menu button on phones is a <label> for the drawer's checkbox: no Tab
  // stop, and a label may not take the role of a button (axe:
  // aria-allowed-role). A real button takes its place and its icon; it
  // toggles the checkbox, so Material's drawer works as before. Opening the
  // drawer moves focus into it, Escape closes it again.
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  if (drawer && label) {
    var t = rk.texts();  // the shared scripts' words: <meta name="rk-site-texts">
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " rk-menu-button";
    button.setAttribute("aria-label", t("menu"));
    button.setAttribute("aria-expanded", String(drawer.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    button.addEventListener("click", function () {
      drawer.click();
    });
    var focusFirst = null;
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
      clearTimeout(focusFirst);
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (drawer.checked && first && document.activeElement === button) {
        // After the slide-in; not when the reader has closed the drawer or
        // moved on in the meantime.
        focusFirst = setTimeout(function () {
          if (drawer.checked && document.activeElement === button) first.focus();
        }, 260);
      }
    });
    // Tab past the menu's last link, or Shift+Tab before its first, would
    // put focus behind the open drawer (WCAG 2.4.11): the drawer closes.
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (sidebar) {
      sidebar.addEventListener("focusout", function (event) {
        if (drawer.checked && event.relatedTarget && !sidebar.contains(event.relatedTarget)) drawer.click();
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  }
});
