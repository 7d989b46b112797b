// The handout page: a button that opens the browser's print dialog. Without
// JavaScript the button stays hidden and the browser's own menu prints.
rk.onPage("[data-rk-afdrukken]", function (button) {
  "use strict";
  button.closest(".rk-handout-knoppen").hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
