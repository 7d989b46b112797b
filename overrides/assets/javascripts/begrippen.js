// Glossary tooltips: CSS shows them on hover and keyboard focus. This adds
// what CSS cannot: Esc hides an open tooltip without moving focus (WCAG
// 1.4.13), and on a touch screen the first tap shows the explanation, the
// second tap follows the link to the glossary.
(function () {
  var lastPointer = "mouse";

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);

  document.addEventListener("click", function (event) {
    var term = event.target.closest ? event.target.closest(".rk-begrip-term") : null;
    var open = document.querySelectorAll(".rk-begrip--open");
    Array.prototype.forEach.call(open, function (el) {
      if (!term || el !== term.parentNode) el.classList.remove("rk-begrip--open");
    });
    if (!term || lastPointer === "mouse") return;
    var begrip = term.parentNode;
    if (begrip.classList.contains("rk-begrip--open")) return;
    event.preventDefault();
    begrip.classList.remove("rk-begrip--dicht");
    begrip.classList.add("rk-begrip--open");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".rk-begrip").forEach(function (el) {
      if (el.matches(":hover, :focus-within") || el.classList.contains("rk-begrip--open")) {
        el.classList.remove("rk-begrip--open");
        el.classList.add("rk-begrip--dicht");
      }
    });
  });

  // A hidden tooltip may show again once the pointer or focus has left it.
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var begrip = event.target.closest ? event.target.closest(".rk-begrip") : null;
      if (begrip && !begrip.contains(event.relatedTarget)) {
        begrip.classList.remove("rk-begrip--dicht");
        if (type === "focusout") begrip.classList.remove("rk-begrip--open");
      }
    });
  });
})();
