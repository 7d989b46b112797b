// Walk the route with notes ("doorloop de route").
//
// The page already holds every step, question, choice and example, rendered
// from content/. This script shows one step at a time, keeps notes and
// choices in localStorage on this device only (nothing is ever sent), writes
// the summary "mijn handelingen", and saves it as a file without a network
// request (a Blob). Saved state is checked on load: anything malformed is set
// aside under a second key, never silently thrown away or half-used.
(function () {
  "use strict";

  var STORE = rk.store("routekaart:doorloop");
  var VERSION = 1;
  var MAX_NOTE = 20000;

  function emptyState() {
    return { versie: VERSION, velden: {}, keuzes: {}, fenomeen: null };
  }

  // The saved state, or an Error whose message says what is wrong, in Dutch.
  function parseState(raw) {
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      throw new Error("het is geen geldige JSON");
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      throw new Error("het is geen object met velden");
    }
    if (data.versie !== VERSION) {
      throw new Error("onbekende versie " + JSON.stringify(data.versie));
    }
    ["velden", "keuzes"].forEach(function (part) {
      var value = data[part];
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        throw new Error("'" + part + "' ontbreekt of is geen lijst van teksten");
      }
      Object.keys(value).forEach(function (key) {
        if (typeof value[key] !== "string") {
          throw new Error("'" + part + "." + key + "' is geen tekst");
        }
        if (value[key].length > MAX_NOTE) {
          throw new Error("'" + part + "." + key + "' is te lang");
        }
      });
    });
    if (data.fenomeen !== null && data.fenomeen !== undefined && typeof data.fenomeen !== "string") {
      throw new Error("'fenomeen' is geen tekst");
    }
    return { versie: VERSION, velden: data.velden, keuzes: data.keuzes, fenomeen: data.fenomeen || null };
  }

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

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
      var saved = STORE.load(parseState);
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

    // --- the summary "mijn handelingen" --------------------------------------
    function fieldsOf(section) {
      var items = [];
      section.querySelectorAll("[data-notitie], fieldset").forEach(function (node) {
        if (node.matches("[data-notitie]")) {
          var label = section.querySelector('label[for="' + node.id + '"]');
          items.push({ vraag: clean(label.textContent), antwoord: state.velden[node.getAttribute("data-notitie")] || "" });
        } else if (node.classList.contains("rk-doorloop-acties")) {
          var chosen = [];
          node.querySelectorAll("[data-actie-veld]").forEach(function (box) {
            if (state.velden[box.getAttribute("data-actie-veld")] === "ja") {
              chosen.push(clean(node.querySelector('label[for="' + box.id + '"]').textContent));
            }
          });
          items.push({ vraag: clean(node.querySelector("legend").textContent), antwoord: chosen.join("\n") });
        } else if (node.classList.contains("rk-doorloop-keuze")) {
          var radio = node.querySelector('input[value="' + CSS.escape(state.keuzes[section.getAttribute("data-stap")] || "") + '"]');
          items.push({
            vraag: clean(node.querySelector("legend").textContent),
            antwoord: radio ? clean(node.querySelector('label[for="' + radio.id + '"]').textContent) : "",
            keuze: true
          });
        }
      });
      return items;
    }

    function stepTitle(section) {
      return section.getAttribute("data-label");
    }

    function summaryModel() {
      var model = { voorbeeld: null, stappen: [], open: null, klaar: false, buiten: [] };
      if (state.fenomeen) {
        var example = root.querySelector('[data-voorbeeld="' + CSS.escape(state.fenomeen) + '"]');
        if (example) {
          model.voorbeeld = {
            titel: clean(example.querySelector("h2").textContent),
            tekst: clean(example.querySelector(".rk-voorbeeld").textContent)
          };
        }
      }
      var seen = {};
      var id = start;
      while (id && id !== einde && !seen[id]) {
        seen[id] = true;
        var section = stepSection(id);
        if (!section) break;
        model.stappen.push({ id: id, titel: stepTitle(section), items: fieldsOf(section) });
        if (section.querySelector('input[type="radio"]')) {
          var chosen = section.querySelector('input[type="radio"][value="' + CSS.escape(state.keuzes[id] || "") + '"]');
          if (!chosen) {
            model.open = { id: id, titel: stepTitle(section) };
            break;
          }
          id = chosen.getAttribute("data-naar");
        } else {
          id = section.getAttribute("data-volgende") || einde;
        }
      }
      model.klaar = id === einde;
      // Notes on steps the route did not pass are still shown: nothing is lost.
      steps.forEach(function (section) {
        var stap = section.getAttribute("data-stap");
        if (seen[stap]) return;
        var items = fieldsOf(section).filter(function (item) { return item.antwoord; });
        if (items.length) model.buiten.push({ id: stap, titel: stepTitle(section), items: items });
      });
      var known = {};
      root.querySelectorAll("[data-notitie], [data-actie-veld]").forEach(function (node) {
        known[node.getAttribute("data-notitie") || node.getAttribute("data-actie-veld")] = true;
      });
      var other = Object.keys(state.velden).filter(function (key) { return !known[key]; });
      if (other.length) {
        model.buiten.push({ id: null, titel: "Aantekeningen bij vragen die niet meer in de routekaart staan",
          items: other.map(function (key) { return { vraag: key, antwoord: state.velden[key] }; }) });
      }
      return model;
    }

    function renderSteps(container, list, headingTag) {
      list.forEach(function (stap) {
        container.appendChild(el(headingTag, stap.titel));
        var dl = el("dl", null, "rk-samenvatting-lijst");
        stap.items.forEach(function (item) {
          dl.appendChild(el("dt", item.vraag));
          var dd = el("dd", item.antwoord || (item.keuze ? "Nog geen keuze gemaakt" : "Geen aantekening"));
          if (item.keuze && item.antwoord) dd.className = "rk-samenvatting-keuze";
          if (!item.antwoord) dd.classList.add("rk-samenvatting-leeg");
          dl.appendChild(dd);
        });
        container.appendChild(dl);
      });
    }

    function renderSummary() {
      var model = summaryModel();
      var box = root.querySelector("#rk-samenvatting");
      box.textContent = "";
      if (model.voorbeeld) {
        box.appendChild(el("h3", model.voorbeeld.titel));
        box.appendChild(el("p", model.voorbeeld.tekst, "rk-samenvatting-voorbeeld"));
      }
      box.appendChild(el("h3", "De route die je nam"));
      var route = el("ol", null, "rk-samenvatting-route");
      model.stappen.forEach(function (stap) { route.appendChild(el("li", stap.titel)); });
      if (model.klaar) route.appendChild(el("li", endTitle));
      box.appendChild(route);
      if (model.open) {
        var open = el("p", "Je hebt bij " + model.open.titel + " nog geen keuze gemaakt. ", "rk-melding");
        var link = el("a", "Maak de keuze bij " + model.open.titel);
        link.href = "#doorloop-" + model.open.id;
        open.appendChild(link);
        box.appendChild(open);
      }
      renderSteps(box, model.stappen, "h3");
      if (model.buiten.length) {
        box.appendChild(el("h3", "Aantekeningen buiten je route"));
        renderSteps(box, model.buiten, "h4");
      }
    }

    function summaryText(model) {
      var lines = ["Mijn handelingen - Routekaart online jeugdcriminaliteit", ""];
      if (model.voorbeeld) lines.push(model.voorbeeld.titel, model.voorbeeld.tekst, "");
      lines.push("De route die je nam: " + model.stappen.map(function (s) { return s.titel; }).join(" > ") +
        (model.klaar ? " > " + endTitle : ""));
      if (model.open) lines.push("Nog geen keuze gemaakt bij " + model.open.titel + ".");
      function add(list) {
        list.forEach(function (stap) {
          lines.push("", stap.titel, stap.titel.replace(/./g, "="));
          stap.items.forEach(function (item) {
            lines.push("- " + item.vraag);
            (item.antwoord || (item.keuze ? "(nog geen keuze)" : "(geen aantekening)")).split("\n").forEach(function (line) {
              lines.push("    " + line);
            });
          });
        });
      }
      add(model.stappen);
      if (model.buiten.length) {
        lines.push("", "Aantekeningen buiten je route");
        add(model.buiten);
      }
      return lines.join("\n") + "\n";
    }

    function summaryHtml(model) {
      var out = ['<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
        "<title>Mijn handelingen</title>",
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}",
        "dt{font-weight:bold;margin-top:.8em}dd{margin-left:1em;white-space:pre-wrap}</style></head><body>",
        "<h1>Mijn handelingen</h1>"];
      if (model.voorbeeld) {
        out.push("<h2>" + escapeHtml(model.voorbeeld.titel) + "</h2><p>" + escapeHtml(model.voorbeeld.tekst) + "</p>");
      }
      out.push("<h2>De route die je nam</h2><ol>");
      model.stappen.forEach(function (s) { out.push("<li>" + escapeHtml(s.titel) + "</li>"); });
      if (model.klaar) out.push("<li>" + escapeHtml(endTitle) + "</li>");
      out.push("</ol>");
      if (model.open) out.push("<p>Nog geen keuze gemaakt bij " + escapeHtml(model.open.titel) + ".</p>");
      function add(list) {
        list.forEach(function (stap) {
          out.push("<h2>" + escapeHtml(stap.titel) + "</h2><dl>");
          stap.items.forEach(function (item) {
            out.push("<dt>" + escapeHtml(item.vraag) + "</dt><dd>" +
              escapeHtml(item.antwoord || (item.keuze ? "Nog geen keuze gemaakt" : "Geen aantekening")) + "</dd>");
          });
          out.push("</dl>");
        });
      }
      add(model.stappen);
      if (model.buiten.length) {
        out.push("<h2>Aantekeningen buiten je route</h2>");
        add(model.buiten);
      }
      out.push("</body></html>\n");
      return out.join("\n");
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
        rk.saveFile("mijn-handelingen-" + today() + ".html", "text/html;charset=utf-8", summaryHtml(summaryModel()));
      } else if (action === "opslaan-tekst") {
        rk.saveFile("mijn-handelingen-" + today() + ".txt", "text/plain;charset=utf-8", summaryText(summaryModel()));
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
