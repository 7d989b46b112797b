// The handout page: a button that opens the browser's print dialog. Without
// JavaScript the button stays hidden and the browser's own menu prints.
(function () {
  "use strict";

  function setUp() {
    var button = document.querySelector("[data-rk-afdrukken]");
    if (!button || button.dataset.rkReady) return;
    button.dataset.rkReady = "1";
    button.closest(".rk-handout-knoppen").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
