// Glossary tooltips: CSS shows them on hover and keyboard focus. This adds
// what CSS cannot: Esc hides an open tooltip without moving focus (WCAG
// 1.4.13), and on a touch screen the first tap shows the explanation, the
// second tap follows the link to the glossary.
(function () {
  var lastPointer = "mouse";

  function termOf(node) {
    return node && node.closest ? node.closest(".rk-glossary-term") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    document.querySelectorAll(".rk-glossary-term--open").forEach(function (el) {
      if (el !== term) el.classList.remove("rk-glossary-term--open");
    });
    if (!term || lastPointer === "mouse") return;
    if (term.classList.contains("rk-glossary-term--open")) return;
    event.preventDefault();
    term.classList.remove("rk-glossary-term--closed");
    term.classList.add("rk-glossary-term--open");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".rk-glossary-term").forEach(function (el) {
      if (el.matches(":hover, :focus") || el.classList.contains("rk-glossary-term--open")) {
        el.classList.remove("rk-glossary-term--open");
        el.classList.add("rk-glossary-term--closed");
      }
    });
  });

  // A hidden tooltip may show again once the pointer or focus has left it.
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = termOf(event.target);
      if (term && !term.contains(event.relatedTarget)) {
        term.classList.remove("rk-glossary-term--closed");
        if (type === "focusout") term.classList.remove("rk-glossary-term--open");
      }
    });
  });
})();
