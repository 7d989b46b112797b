// The handout page: a button that opens the browser's print dialog. Without
// JavaScript the button stays hidden and the browser's own menu prints.
rk.onPage("[data-rk-print]", function (button) {
  "use strict";
  button.closest(".rk-handout-buttons").hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
