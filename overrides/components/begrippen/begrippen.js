// Glossary tooltips: CSS shows them on hover and keyboard focus. This adds
// what CSS cannot: Esc hides an open tooltip without moving focus (WCAG
// 1.4.13), and on a touch screen the first tap shows the explanation, the
// second tap follows the link to the glossary.
(function () {
  var lastPointer = "mouse";

  function termOf(node) {
    return node && node.closest ? node.closest(".rk-begrip-term") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    document.querySelectorAll(".rk-begrip--open").forEach(function (el) {
      if (el !== term) el.classList.remove("rk-begrip--open");
    });
    if (!term || lastPointer === "mouse") return;
    if (term.classList.contains("rk-begrip--open")) return;
    event.preventDefault();
    term.classList.remove("rk-begrip--dicht");
    term.classList.add("rk-begrip--open");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".rk-begrip-term").forEach(function (el) {
      if (el.matches(":hover, :focus") || el.classList.contains("rk-begrip--open")) {
        el.classList.remove("rk-begrip--open");
        el.classList.add("rk-begrip--dicht");
      }
    });
  });

  // A hidden tooltip may show again once the pointer or focus has left it.
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = termOf(event.target);
      if (term && !term.contains(event.relatedTarget)) {
        term.classList.remove("rk-begrip--dicht");
        if (type === "focusout") term.classList.remove("rk-begrip--open");
      }
    });
  });
})();
