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

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function setUp(root) {
    var t = rk.texts(root);
    var codec = rk.walk.stateCodec(t);
    var start = root.getAttribute("data-start");
    var end = root.getAttribute("data-end");
    var endTitle = root.getAttribute("data-end-title");
    var steps = Array.prototype.slice.call(root.querySelectorAll(".rk-walk-step"));
    var summary = root.querySelector(".rk-walk-summary");
    var notice = root.querySelector("#rk-walk-notice");
    var status = root.querySelector("#rk-walk-status");
    var state = emptyState();
    var synced = rk.fields(STORE, codec, function () { showCorruptNotice(rk.words("damaged-by-other-tab")); });
    var warning = rk.saveWarning(function () { root.querySelector('[data-action="save-json"]').click(); });

    function stepSection(id) {
      return steps.filter(function (s) { return s.getAttribute("data-step") === id; })[0] || null;
    }

    function showNotice(parts) {
      notice.textContent = "";
      parts.forEach(function (part) { notice.appendChild(part); });
      notice.hidden = false;
    }

    // This tab's own fields, as rk.fields names them: every note, box and
    // choice on the page, the example and the role.
    function own() {
      var fields = new Map([["fenomeen", state.fenomeen || ""], ["rol", state.rol || ""]]);
      root.querySelectorAll("[data-note], [data-action-field]").forEach(function (field) {
        var key = field.getAttribute("data-note") || field.getAttribute("data-action-field");
        fields.set("v" + key, state.velden[key] || "");
      });
      steps.forEach(function (section) {
        if (!section.querySelector('input[type="radio"]')) return;
        var id = section.getAttribute("data-step");
        fields.set("k" + id, state.keuzes[id] || "");
      });
      return fields;
    }

    // The summary is kept current, so printing from any step (Ctrl+P)
    // prints "mijn handelingen" as they are now. `typedIn`: the field the
    // reader used, where a failed save is said.
    function save(typedIn) {
      state.rol = rk.role.get();
      try {
        var result = synced.save(own());
        warning.saved();
        state = codec.fromFields(result.fields);
        if (result.conflicts.length) {
          fill();
          status.textContent = rk.words("other-tab");
        }
      } catch (e) {
        warning.failed(typedIn || document.activeElement);
      }
      renderSummary();
      updateReminders();
    }

    // --- loading -------------------------------------------------------------
    function load() {
      var saved = STORE.load(codec.parse);
      if (saved.unavailable) {
        showNotice([el("p", t("unavailable"))]);
        return;
      }
      if (saved.damaged) {
        state = emptyState();
        showCorruptNotice(t("damaged", { reason: saved.damaged }));
        return;
      }
      if (saved.value) state = saved.value;
      synced.seen(saved.value);
      if (STORE.damagedCopy() !== null) {
        showCorruptNotice(t("damaged_copy"));
      }
    }

    function showCorruptNotice(message) {
      var keep = el("p", t("damaged_kept", { button: t("wipe") }));
      var parts = rk.damageNotice(STORE, message, t("damaged_file_stem"));
      showNotice([parts[0], keep].concat(parts.slice(1)));
    }

    // --- the example (walk-example.js) ----------------------------------------
    var example = rk.walk.exampleChoice({ root: root, notice: notice, save: save,
      state: function () { return state; } });

    // --- fields --------------------------------------------------------------
    function fill() {
      root.querySelectorAll("[data-note]").forEach(function (field) {
        field.value = state.velden[field.getAttribute("data-note")] || "";
      });
      root.querySelectorAll("[data-action-field]").forEach(function (box) {
        box.checked = state.velden[box.getAttribute("data-action-field")] === "ja";
      });
      root.querySelectorAll('input[type="radio"][name^="choice-"]').forEach(function (radio) {
        radio.checked = state.keuzes[radio.name.replace(/^choice-/, "")] === radio.value;
      });
      steps.forEach(updateNext);
      updateReminders();
      example.update();
    }

    // A choice can send you on with something to do, like "Ja, dubbelcheck":
    // check your answers of earlier steps with the partner. The step it leads
    // to shows that, with those answers.
    function updateReminders() {
      root.querySelectorAll("[data-after-choice-of]").forEach(function (box) {
        var chosen = state.keuzes[box.getAttribute("data-after-choice-of")] === box.getAttribute("data-option");
        box.hidden = !chosen;
        var old = box.querySelector(".rk-summary-list, .rk-walk-empty");
        if (old) old.remove();
        if (!chosen) return;
        var list = el("dl", null, "rk-summary-list");
        (box.getAttribute("data-check") || "").split(" ").forEach(function (id) {
          var section = id && stepSection(id);
          if (!section) return;
          fieldsOf(section).forEach(function (item) {
            if (!item.answer) return;
            list.appendChild(el("dt", stepTitle(section) + " - " + item.question));
            list.appendChild(el("dd", item.answer));
          });
        });
        if (list.childNodes.length) box.appendChild(list);
        else if (box.getAttribute("data-check")) {
          box.appendChild(el("p", t("nothing_written"), "rk-walk-empty"));
        }
      });
    }

    function updateNext(section) {
      var radios = section.querySelectorAll('input[type="radio"]');
      if (!radios.length) return;
      var chosen = state.keuzes[section.getAttribute("data-step")];
      var any = false;
      section.querySelectorAll("[data-after-choice]").forEach(function (link) {
        link.hidden = link.getAttribute("data-after-choice") !== chosen;
        any = any || !link.hidden;
      });
      section.querySelector(".rk-walk-choose-first").hidden = any;
    }

    root.addEventListener("input", function (event) {
      var key = event.target.getAttribute("data-note");
      if (key === null) return;
      if (event.target.value) state.velden[key] = event.target.value;
      else delete state.velden[key];
      save(event.target);
    });
    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.hasAttribute("data-action-field")) {
        var key = target.getAttribute("data-action-field");
        if (target.checked) state.velden[key] = "ja";
        else delete state.velden[key];
      } else if (target.name === "example") {
        example.choose(target.value, target);
        return;
      } else if (target.type === "radio") {
        state.keuzes[target.name.replace(/^choice-/, "")] = target.value;
        updateNext(target.closest(".rk-walk-step"));
      } else {
        return;
      }
      save(target);
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
      root.querySelectorAll("[data-to-step]").forEach(function (link) {
        if (link.getAttribute("data-to-step") === id) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      });
      if (id === "samenvatting") renderSummary();
      example.showChooser(id === start, false);
      if (moveFocus) target.querySelector("h2").focus();
    }

    window.addEventListener("hashchange", function () {
      if (document.getElementById("rk-walk") === root) show(currentId(), true);
    });

    // --- the summary "mijn handelingen" (walk-summary.js) ---------------------
    var summarizer = rk.walk.summarizer({ root: root, steps: steps, start: start, end: end,
      stepSection: stepSection, state: function () { return state; } });
    var fieldsOf = summarizer.fieldsOf, stepTitle = summarizer.stepTitle, summaryModel = summarizer.model;

    // Notes of questions no longer in the walk are shown with every summary change.
    var showEarlier = rk.walk.earlierList(notice);
    function renderSummary() {
      root.querySelector("#rk-summary").innerHTML = rk.walk.summaryHtml(summaryModel(), endTitle, t, true);
      showEarlier(rk.walk.earlierNotes(root, state));
    }

    var today = rk.today;

    // --- buttons ---------------------------------------------------------------
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-action");
      if (action === "print") {
        renderSummary();
        window.print();
      } else if (action === "save-html") {
        rk.saveFile(t("file_stem") + "-" + today() + ".html", "text/html;charset=utf-8", rk.walk.summaryFile(summaryModel(), endTitle, t));
      } else if (action === "save-text") {
        rk.saveFile(t("file_stem") + "-" + today() + ".txt", "text/plain;charset=utf-8", rk.walk.summaryText(summaryModel(), endTitle, t));
      } else if (action === "save-json") {
        var file = rk.walk.actionsFile({ root: root, steps: steps, state: function () { return state; } }, today());
        var name = rk.walk.actionsFileName(file, t);
        rk.saveFile(name, "application/json", JSON.stringify(file, null, 2) + "\n");
        status.textContent = t("saved_as", { name: name });
      } else if (action === "without-example") {
        example.choose(null, button);
        var heading = root.querySelector(".rk-walk-step:not([hidden]) h2, .rk-walk-summary:not([hidden]) h2");
        if (heading) heading.focus();
      } else if (action === "change-example") {
        example.toggle(currentId() === start);
      } else if (action === "wipe") {
        try {
          STORE.remove();
          STORE.removeDamagedCopy();
        } catch (ignored) { /* nothing was stored */ }
        state = emptyState();
        synced.seen(null);
        warning.saved();
        fill();
        notice.hidden = true;
        notice.textContent = "";
        renderSummary();
        status.textContent = t("wiped");
      }
    });

    // The walk records who walked it ("Ik ben ..."), as chosen on this device.
    document.addEventListener("rk:role", function () {
      if (document.getElementById("rk-walk") === root) save(null);
    });

    // What another tab of this browser saves shows here at once.
    synced.listen(function () { state.rol = rk.role.get(); return own(); }, function (name, value) {
      if (name === "fenomeen" || name === "rol") state[name] = value || null;
      var part = name.charAt(0) === "v" ? state.velden : name.charAt(0) === "k" ? state.keuzes : null;
      if (!part) return;
      if (value) part[name.slice(1)] = value;
      else delete part[name.slice(1)];
    }, function () {
      fill();
      renderSummary();
    });

    load();
    state.rol = rk.role.get();
    example.fromAddress();
    fill();
    renderSummary();
    root.classList.add("rk-walk--active");
    root.querySelectorAll(".rk-walk-choose, .rk-walk-buttons, .rk-walk-json-help, .rk-walk-wipe").forEach(function (n) { n.hidden = false; });
    show(currentId(), false);
  }

  rk.onPage("#rk-walk", setUp);
})();
