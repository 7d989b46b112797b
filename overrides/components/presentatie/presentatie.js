// Presentation mode: presentatie.html?fenomeen=<id> shows that phenomenon's
// slides over the whole screen, one at a time, driven by the keyboard or a
// presentation clicker (which sends PageUp/PageDown). Without JavaScript the
// page stays a readable list of all slides.
(function () {
  var stop = null; // removes the listeners of the running presentation

  rk.onPage("[data-presentation]", function (root) {
    if (stop) { stop(); stop = null; }
    var id = new URLSearchParams(window.location.search).get("fenomeen");
    if (id === null) return;
    // Read before the deck leaves the page's block that holds the words.
    var t = rk.texts(root);
    var deck = Array.prototype.find.call(root.querySelectorAll(".rk-deck"), function (d) {
      return d.getAttribute("data-phenomenon") === id;
    });
    if (!deck) {
      var notice = root.querySelector(".rk-presentation-notice");
      notice.textContent = t("no_phenomenon", { id: id });
      notice.hidden = false;
      return;
    }
    stop = present(deck, t);
  });

  function present(deck, t) {
    var slides = deck.querySelectorAll(".rk-slide");
    var bar = deck.querySelector(".rk-deck-controls");
    var counter = deck.querySelector(".rk-deck-counter");
    var screenButton = bar.querySelector('[data-action="fullscreen"]');
    var current = 0;

    // Take the deck out of the page and make everything else unreachable,
    // so Tab never lands on links hidden behind the slides.
    document.body.appendChild(deck);
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== deck) el.inert = true;
    });
    document.documentElement.classList.add("rk-presenting");
    deck.classList.add("rk-deck--active", "md-typeset");
    // The slides name the deck; its title is for screen readers now.
    deck.querySelector(".rk-deck-title").classList.add("rk-sr");
    // A slide taller than a small screen scrolls in its box: keyboard users
    // must be able to reach that box (WCAG 2.1.1).
    deck.querySelector(".rk-slides").tabIndex = 0;
    deck.setAttribute("role", "region");
    deck.tabIndex = -1;
    bar.hidden = false;
    if (!document.fullscreenEnabled) screenButton.hidden = true;

    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      Array.prototype.forEach.call(slides, function (slide, i) { slide.hidden = i !== current; });
      counter.textContent = t("slide_counter", { nummer: current + 1, aantal: slides.length });
      deck.setAttribute("data-slide", String(current + 1));
      deck.querySelector(".rk-slides").scrollTop = 0;
      // The slide number in the address: a reload stays on this slide.
      history.replaceState(null, "", window.location.pathname + window.location.search + "#dia-" + (current + 1));
    }

    function leave() {
      var back = deck.getAttribute("data-back");
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
      window.location.href = back;
    }

    function toggleFullscreen() {
      if (!document.fullscreenEnabled) return;
      if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
      else deck.requestFullscreen().catch(function () {});
    }

    function onFullscreenChange() {
      screenButton.textContent = document.fullscreenElement ? t("fullscreen_off") : t("fullscreen");
    }

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var onButton = event.target.closest && event.target.closest("button");
      switch (event.key) {
        case "ArrowRight": case "ArrowDown": case "PageDown":
          show(current + 1); break;
        case "ArrowLeft": case "ArrowUp": case "PageUp":
          show(current - 1); break;
        case " ": case "Spacebar":
          if (onButton) return; // space presses the focused button
          show(current + (event.shiftKey ? -1 : 1)); break;
        case "Home": show(0); break;
        case "End": show(slides.length - 1); break;
        case "Escape": leave(); break;
        case "f": case "F": toggleFullscreen(); break;
        default: return;
      }
      event.preventDefault();
    }

    function onClick(event) {
      var button = event.target.closest("[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "previous") show(current - 1);
      else if (action === "next") show(current + 1);
      else if (action === "fullscreen") toggleFullscreen();
      else if (action === "stop") leave();
    }

    document.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    bar.addEventListener("click", onClick);
    var fromAddress = /^#dia-(\d+)$/.exec(window.location.hash);
    show(fromAddress ? parseInt(fromAddress[1], 10) - 1 : 0);
    deck.focus();
    return function () {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
      bar.removeEventListener("click", onClick);
    };
  }
})();
