// "Mijn handelingen": the summary of a walk, as one model read from the page
// and the saved state, written two ways: HTML (on the page, and as a file to
// save) and plain text. Part of the walk: walk-state.js, walk-summary.js, walk.js.
(function () {
  "use strict";

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  // walk: { root, steps, start, einde, stepSection, state: () => the current state }
  function summarizer(walk) {
    var root = walk.root, steps = walk.steps, start = walk.start, einde = walk.einde;
    var stepSection = walk.stepSection;

    function fieldsOf(section) {
      var items = [];
      section.querySelectorAll("[data-note], fieldset").forEach(function (node) {
        if (node.matches("[data-note]")) {
          var label = section.querySelector('label[for="' + node.id + '"]');
          items.push({ vraag: clean(label.textContent), antwoord: walk.state().velden[node.getAttribute("data-note")] || "" });
        } else if (node.classList.contains("rk-walk-actions")) {
          var chosen = [];
          node.querySelectorAll("[data-action-field]").forEach(function (box) {
            if (walk.state().velden[box.getAttribute("data-action-field")] === "ja") {
              chosen.push(clean(node.querySelector('label[for="' + box.id + '"]').textContent));
            }
          });
          items.push({ vraag: clean(node.querySelector("legend").textContent), antwoord: chosen.join("\n") });
        } else if (node.classList.contains("rk-walk-choice")) {
          var radio = node.querySelector('input[value="' + CSS.escape(walk.state().keuzes[section.getAttribute("data-step")] || "") + '"]');
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
      if (walk.state().fenomeen) {
        var example = root.querySelector('[data-example="' + CSS.escape(walk.state().fenomeen) + '"]');
        if (example) {
          model.voorbeeld = {
            titel: clean(example.querySelector("h2").textContent),
            tekst: clean(example.querySelector(".rk-example").textContent)
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
          var chosen = section.querySelector('input[type="radio"][value="' + CSS.escape(walk.state().keuzes[id] || "") + '"]');
          if (!chosen) {
            model.open = { id: id, titel: stepTitle(section) };
            break;
          }
          id = chosen.getAttribute("data-to");
        } else {
          id = section.getAttribute("data-next") || einde;
        }
      }
      model.klaar = id === einde;
      // Notes on steps the route did not pass are still shown: nothing is lost.
      steps.forEach(function (section) {
        var stap = section.getAttribute("data-step");
        if (seen[stap]) return;
        var items = fieldsOf(section).filter(function (item) { return item.antwoord; });
        if (items.length) model.buiten.push({ id: stap, titel: stepTitle(section), items: items });
      });
      var known = {};
      root.querySelectorAll("[data-note], [data-action-field]").forEach(function (node) {
        known[node.getAttribute("data-note") || node.getAttribute("data-action-field")] = true;
      });
      var other = Object.keys(walk.state().velden).filter(function (key) { return !known[key]; });
      if (other.length) {
        model.buiten.push({ id: null, titel: "Aantekeningen bij vragen die niet meer in de routekaart staan",
          items: other.map(function (key) { return { vraag: key, antwoord: walk.state().velden[key] }; }) });
      }
      return model;
    }

    return { fieldsOf: fieldsOf, stepTitle: stepTitle, model: summaryModel };
  }

  var EMPTY = { keuze: "Nog geen keuze gemaakt", antwoord: "Geen aantekening" };

  // The summary as HTML: `page` adds the classes and the link the page uses.
  function html(model, endTitle, page) {
    var out = [];
    function cls(name) { return page ? ' class="' + name + '"' : ""; }
    if (model.voorbeeld) {
      out.push((page ? "<h3>" : "<h2>") + escapeHtml(model.voorbeeld.titel) + (page ? "</h3>" : "</h2>"),
        "<p" + cls("rk-summary-example") + ">" + escapeHtml(model.voorbeeld.tekst) + "</p>");
    }
    out.push(page ? "<h3>De route die je nam</h3>" : "<h2>De route die je nam</h2>", "<ol" + cls("rk-summary-route") + ">");
    model.stappen.forEach(function (s) { out.push("<li>" + escapeHtml(s.titel) + "</li>"); });
    if (model.klaar) out.push("<li>" + escapeHtml(endTitle) + "</li>");
    out.push("</ol>");
    if (model.open) {
      var t = escapeHtml(model.open.titel);
      out.push(page ? '<p class="rk-notice">Je hebt bij ' + t + ' nog geen keuze gemaakt. <a href="#doorloop-' +
        escapeHtml(model.open.id) + '">Maak de keuze bij ' + t + "</a></p>" : "<p>Nog geen keuze gemaakt bij " + t + ".</p>");
    }
    function add(list, tag) {
      list.forEach(function (stap) {
        out.push("<" + tag + ">" + escapeHtml(stap.titel) + "</" + tag + "><dl" + cls("rk-summary-list") + ">");
        stap.items.forEach(function (item) {
          var classes = [];
          if (item.keuze && item.antwoord) classes.push("rk-summary-choice");
          if (!item.antwoord) classes.push("rk-summary-empty");
          out.push("<dt>" + escapeHtml(item.vraag) + "</dt><dd" + (page && classes.length ? ' class="' + classes.join(" ") + '"' : "") + ">" +
            escapeHtml(item.antwoord || (item.keuze ? EMPTY.keuze : EMPTY.antwoord)) + "</dd>");
        });
        out.push("</dl>");
      });
    }
    add(model.stappen, page ? "h3" : "h2");
    if (model.buiten.length) {
      out.push(page ? "<h3>Aantekeningen buiten je route</h3>" : "<h2>Aantekeningen buiten je route</h2>");
      add(model.buiten, page ? "h4" : "h2");
    }
    return out.join("\n");
  }

  function htmlFile(model, endTitle) {
    return ['<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
      "<title>Mijn handelingen</title>",
      "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}",
      "dt{font-weight:bold;margin-top:.8em}dd{margin-left:1em;white-space:pre-wrap}</style></head><body>",
      "<h1>Mijn handelingen</h1>", html(model, endTitle, false), "</body></html>\n"].join("\n");
  }

  function text(model, endTitle) {
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

  rk.walk = rk.walk || {};
  rk.walk.summarizer = summarizer;
  rk.walk.summaryHtml = html;
  rk.walk.summaryFile = htmlFile;
  rk.walk.summaryText = text;
})();
