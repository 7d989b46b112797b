// The walk's example: chosen before step 1 (or given by a phenomenon's page
// as ?fenomeen=), shown as its message card; on later steps one line names
// it, with a button that opens the choice again. The choice is the walk
// state's `fenomeen` (walk-state.js) and goes into the walk file.
// Part of the walk: walk-state.js, walk-summary.js, walk-file.js, walk-example.js, walk.js.
(function () {
  "use strict";

  // walk: { root, notice, state: () => the current state, save(origin) }
  function exampleChoice(walk) {
    var root = walk.root, notice = walk.notice;
    var t = rk.texts(root);
    var chooser = root.querySelector("#rk-walk-choose");
    var chooserOptions = chooser.querySelector(".rk-walk-choose-options");
    var chosenLine = chooser.querySelector(".rk-walk-chosen");
    var chosenTitle = chooser.querySelector("[data-chosen-title]");
    var changeButton = chooser.querySelector('[data-action="change-example"]');

    function exampleSection(id) {
      return id ? root.querySelector('.rk-walk-example[data-phenomenon="' + CSS.escape(id) + '"]') : null;
    }

    function fromAddress() {
      var state = walk.state();
      var wanted = new URLSearchParams(window.location.search).get("fenomeen");
      if (wanted !== null) {
        if (exampleSection(wanted)) {
          if (state.fenomeen !== wanted) {
            state.fenomeen = wanted;
            walk.save(null);
          }
        } else {
          var p = document.createElement("p");
          p.textContent = t("unknown_example", { name: wanted });
          notice.appendChild(p);
          notice.hidden = false;
        }
      }
      update();
    }

    // The chosen example's card, the choice's options and the line that names it.
    function update() {
      var state = walk.state();
      if (state.fenomeen && !exampleSection(state.fenomeen)) state.fenomeen = null;
      root.querySelectorAll(".rk-walk-example[data-phenomenon]").forEach(function (section) {
        section.hidden = section.getAttribute("data-phenomenon") !== state.fenomeen;
      });
      chooser.querySelectorAll('input[name="example"]').forEach(function (radio) {
        radio.checked = radio.value === (state.fenomeen || "");
      });
      var section = exampleSection(state.fenomeen);
      chosenTitle.textContent = section ? section.getAttribute("data-title") : chosenTitle.getAttribute("data-own-case");
    }

    // The choice stands open before step 1; on the other steps one line names
    // the example, with a button that opens the choice again.
    function showChooser(atStart, open) {
      var expanded = atStart || open;
      chooserOptions.hidden = !expanded;
      chosenLine.hidden = atStart;
      changeButton.setAttribute("aria-expanded", String(expanded));
    }

    function toggle(atStart) {
      showChooser(atStart, chooserOptions.hidden);
      if (!chooserOptions.hidden) chooser.querySelector('input[name="example"]:checked').focus();
    }

    // The address names the chosen example, so a reload keeps it. `origin`:
    // the control used, where a failed save is said (walk.js).
    function choose(id, origin) {
      walk.state().fenomeen = id || null;
      var search = id ? "?fenomeen=" + encodeURIComponent(id) : "";
      if (window.location.search !== search) {
        history.replaceState(null, "", window.location.pathname + search + window.location.hash);
      }
      walk.save(origin);
      update();
    }

    return { fromAddress: fromAddress, update: update, showChooser: showChooser, toggle: toggle, choose: choose };
  }

  rk.walk = rk.walk || {};
  rk.walk.exampleChoice = exampleChoice;
})();
