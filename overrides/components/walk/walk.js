// Walk the route with notes ("doorloop de route"): showing one step at a
// time, the fields, and the buttons. The saved state's shape is in
// walk-state.js, the summary in walk-summary.js.
//
// The page already holds every step, question, choice and example, rendered
// from content/. This script shows one step at a time, keeps notes and
// choices in localStorage on this device only (nothing is ever sent), writes
// the summary "mijn handelingen", and saves it as a file without a network
// request (a Blob). Saved state is checked on load: anything malformed is set
// aside under a second key, never silently thrown away or half-used.
(function () {
  "use strict";

  var STORE = rk.walk.store;
  var emptyState = rk.walk.emptyState;
  var MAX_NOTE = rk.walk.MAX_NOTE;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function start(root) {
    var start = root.getAttribute("data-start");
    var einde = root.getAttribute("data-einde");
    var endTitle = root.getAttribute("data-einde-titel");
    var steps = Array.prototype.slice.call(root.querySelectorAll(".rk-doorloop-stap"));
    var summary = root.querySelector(".rk-doorloop-samenvatting");
    var notice = root.querySelector("#rk-doorloop-melding");
    var status = root.querySelector("#rk-doorloop-status");
    var storageWorks = true;
    var state = emptyState();

    function stepSection(id) {
      return steps.filter(function (s) { return s.getAttribute("data-stap") === id; })[0] || null;
    }

    function showNotice(parts) {
      notice.textContent = "";
      parts.forEach(function (part) { notice.appendChild(part); });
      notice.hidden = false;
    }

    // The summary is kept current, so printing from any step (Ctrl+P)
    // prints "mijn handelingen" as they are now.
    function save() {
      renderSummary();
      updateReminders();
      if (!storageWorks) return;
      try {
        STORE.save(state);
      } catch (e) {
        status.textContent = "Je aantekeningen konden niet worden bewaard op dit apparaat.";
      }
    }

    // --- loading -------------------------------------------------------------
    function load() {
      var saved = STORE.load(rk.walk.parseState);
      if (saved.unavailable) {
        storageWorks = false;
        showNotice([el("p", "Je browser staat niet toe dat deze pagina iets bewaart. " +
          "Je aantekeningen verdwijnen als je de pagina sluit.")]);
        return;
      }
      if (saved.damaged) {
        state = emptyState();
        showCorruptNotice("De opgeslagen doorloop op dit apparaat is beschadigd (" + saved.damaged +
          ") en is niet geladen. Je begint met een lege doorloop.");
        return;
      }
      if (saved.value) state = saved.value;
      if (STORE.damagedCopy() !== null) {
        showCorruptNotice("Er staat nog een beschadigde, niet geladen doorloop op dit apparaat.");
      }
    }

    function showCorruptNotice(message) {
      var keep = el("p", "De beschadigde gegevens zijn apart bewaard. Je kunt ze downloaden " +
        "om ze te bekijken, of ze wissen met de knop \"Wis al mijn aantekeningen\".");
      var button = el("button", "Download de beschadigde gegevens", "rk-knop");
      button.type = "button";
      button.addEventListener("click", function () {
        rk.saveFile("doorloop-beschadigd.txt", "text/plain;charset=utf-8", STORE.damagedCopy() || "");
      });
      showNotice([el("p", message), keep, button]);
    }

    // --- the example of a phenomenon -------------------------------------------
    function showExample() {
      var wanted = new URLSearchParams(window.location.search).get("fenomeen");
      if (wanted !== null) {
        if (root.querySelector('[data-voorbeeld="' + CSS.escape(wanted) + '"]')) {
          if (state.fenomeen !== wanted) {
            state.fenomeen = wanted;
            save();
          }
        } else {
          var p = el("p", "Er is geen voorbeeld met de naam \"" + wanted + "\". " +
            "De doorloop gaat verder zonder voorbeeld.");
          notice.appendChild(p);
          notice.hidden = false;
        }
      }
      root.querySelectorAll("[data-voorbeeld]").forEach(function (section) {
        section.hidden = section.getAttribute("data-voorbeeld") !== state.fenomeen;
      });
    }

    // --- fields --------------------------------------------------------------
    function fill() {
      root.querySelectorAll("[data-notitie]").forEach(function (field) {
        field.value = state.velden[field.getAttribute("data-notitie")] || "";
      });
      root.querySelectorAll("[data-actie-veld]").forEach(function (box) {
        box.checked = state.velden[box.getAttribute("data-actie-veld")] === "ja";
      });
      root.querySelectorAll('input[type="radio"]').forEach(function (radio) {
        radio.checked = state.keuzes[radio.name.replace(/^keuze-/, "")] === radio.value;
      });
      steps.forEach(updateNext);
      updateReminders();
    }

    // A choice can send you on with something to do, like "Ja, dubbelcheck":
    // check your answers of earlier steps with the partner. The step it leads
    // to shows that, with those answers.
    function updateReminders() {
      root.querySelectorAll("[data-na-keuze-van]").forEach(function (box) {
        var chosen = state.keuzes[box.getAttribute("data-na-keuze-van")] === box.getAttribute("data-optie");
        box.hidden = !chosen;
        var old = box.querySelector(".rk-samenvatting-lijst, .rk-doorloop-leeg");
        if (old) old.remove();
        if (!chosen) return;
        var list = el("dl", null, "rk-samenvatting-lijst");
        (box.getAttribute("data-controleer") || "").split(" ").forEach(function (id) {
          var section = id && stepSection(id);
          if (!section) return;
          fieldsOf(section).forEach(function (item) {
            if (!item.antwoord) return;
            list.appendChild(el("dt", stepTitle(section) + " - " + item.vraag));
            list.appendChild(el("dd", item.antwoord));
          });
        });
        if (list.childNodes.length) box.appendChild(list);
        else if (box.getAttribute("data-controleer")) {
          box.appendChild(el("p", "Je hebt bij deze stappen nog niets opgeschreven.", "rk-doorloop-leeg"));
        }
      });
    }

    function updateNext(section) {
      var radios = section.querySelectorAll('input[type="radio"]');
      if (!radios.length) return;
      var chosen = state.keuzes[section.getAttribute("data-stap")];
      var any = false;
      section.querySelectorAll("[data-na-keuze]").forEach(function (link) {
        link.hidden = link.getAttribute("data-na-keuze") !== chosen;
        any = any || !link.hidden;
      });
      section.querySelector(".rk-doorloop-kies").hidden = any;
    }

    root.addEventListener("input", function (event) {
      var key = event.target.getAttribute("data-notitie");
      if (key === null) return;
      if (event.target.value) state.velden[key] = event.target.value.slice(0, MAX_NOTE);
      else delete state.velden[key];
      save();
    });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-actie-veld")) {
        var key = target.getAttribute("data-actie-veld");
        if (target.checked) state.velden[key] = "ja";
        else delete state.velden[key];
      } else if (target.type === "radio") {
        state.keuzes[target.name.replace(/^keuze-/, "")] = target.value;
        updateNext(target.closest(".rk-doorloop-stap"));
      } else {
        return;
      }
      save();
    });

    // --- one step at a time --------------------------------------------------
    function currentId() {
      var match = /^#doorloop-(.+)$/.exec(window.location.hash);
      var id = match ? decodeURIComponent(match[1]) : null;
      if (id === "samenvatting" || (id && stepSection(id))) return id;
      return start;
    }

    function show(id, moveFocus) {
      var target = id === "samenvatting" ? summary : stepSection(id);
      steps.concat([summary]).forEach(function (section) { section.hidden = section !== target; });
      root.querySelectorAll("[data-naar-stap]").forEach(function (link) {
        if (link.getAttribute("data-naar-stap") === id) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      });
      if (id === "samenvatting") renderSummary();
      if (moveFocus) target.querySelector("h2").focus();
    }

    window.addEventListener("hashchange", function () {
      if (document.getElementById("rk-doorloop") === root) show(currentId(), true);
    });

    // --- the summary "mijn handelingen" (walk-summary.js) ---------------------
    var summarizer = rk.walk.summarizer({ root: root, steps: steps, start: start, einde: einde,
      stepSection: stepSection, state: function () { return state; } });
    var fieldsOf = summarizer.fieldsOf, stepTitle = summarizer.stepTitle, summaryModel = summarizer.model;

    function renderSummary() {
      root.querySelector("#rk-samenvatting").innerHTML = rk.walk.summaryHtml(summaryModel(), endTitle, true);
    }

    function today() {
      return new Date().toISOString().slice(0, 10);
    }

    // --- buttons ---------------------------------------------------------------
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-actie]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-actie");
      if (action === "afdrukken") {
        renderSummary();
        window.print();
      } else if (action === "opslaan-html") {
        rk.saveFile("mijn-handelingen-" + today() + ".html", "text/html;charset=utf-8", rk.walk.summaryFile(summaryModel(), endTitle));
      } else if (action === "opslaan-tekst") {
        rk.saveFile("mijn-handelingen-" + today() + ".txt", "text/plain;charset=utf-8", rk.walk.summaryText(summaryModel(), endTitle));
      } else if (action === "zonder-voorbeeld") {
        state.fenomeen = null;
        if (window.location.search) {
          history.replaceState(null, "", window.location.pathname + window.location.hash);
        }
        root.querySelectorAll("[data-voorbeeld]").forEach(function (s) { s.hidden = true; });
        save();
        var heading = root.querySelector(".rk-doorloop-stap:not([hidden]) h2, .rk-doorloop-samenvatting:not([hidden]) h2");
        if (heading) heading.focus();
      } else if (action === "wissen") {
        try {
          STORE.remove();
          STORE.removeDamagedCopy();
        } catch (ignored) { /* nothing was stored */ }
        state = emptyState();
        fill();
        root.querySelectorAll("[data-voorbeeld]").forEach(function (s) { s.hidden = true; });
        notice.hidden = true;
        notice.textContent = "";
        renderSummary();
        status.textContent = "Al je aantekeningen en keuzes zijn gewist van dit apparaat.";
      }
    });

    load();
    showExample();
    fill();
    renderSummary();
    root.classList.add("rk-doorloop--actief");
    root.querySelectorAll(".rk-doorloop-knoppen, .rk-doorloop-wissen").forEach(function (n) { n.hidden = false; });
    root.querySelector(".rk-doorloop-zonder-js").hidden = true;
    show(currentId(), false);
  }

  rk.onPage("#rk-doorloop", start);
})();
