// Material wraps wide tables in a scrolling box. Keyboard users must be able
// to scroll it (WCAG 2.1.1), so it gets focus and a name from the table caption.
rk.onPage(".md-typeset__scrollwrap", function (wrap) {
  "use strict";
  var caption = wrap.querySelector("caption");
  // The site's words, not those of a component the table may sit in.
  var t = rk.texts();
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : t("table"));
});
