// "Mijn handelingen": the summary of a walk, as one model read from the page
// and the saved state, written two ways: HTML (on the page, and as a file to
// save) and plain text; and the box of notes no longer in the walk.
// Part of the walk: walk-state.js, walk-summary.js, walk.js.
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

  // <tag>text</tag>, the text escaped.
  function element(tag, text) {
    return "<" + tag + ">" + escapeHtml(text) + "</" + tag + ">";
  }

  // walk: { root, steps, start, end, stepSection, state: () => the current state }
  function summarizer(walk) {
    var root = walk.root, steps = walk.steps, start = walk.start, end = walk.end;
    var stepSection = walk.stepSection;

    function fieldsOf(section) {
      var items = [];
      section.querySelectorAll("[data-note], fieldset").forEach(function (node) {
        if (node.matches("[data-note]")) {
          var label = section.querySelector('label[for="' + node.id + '"]');
          items.push({ question: clean(label.textContent), answer: walk.state().velden[node.getAttribute("data-note")] || "" });
        } else if (node.classList.contains("rk-walk-actions")) {
          var chosen = [];
          node.querySelectorAll("[data-action-field]").forEach(function (box) {
            if (walk.state().velden[box.getAttribute("data-action-field")] === "ja") {
              chosen.push(clean(node.querySelector('label[for="' + box.id + '"]').textContent));
            }
          });
          items.push({ question: clean(node.querySelector("legend").textContent), answer: chosen.join("\n") });
        } else if (node.classList.contains("rk-walk-choice")) {
          var radio = node.querySelector('input[value="' + CSS.escape(walk.state().keuzes[section.getAttribute("data-step")] || "") + '"]');
          items.push({
            question: clean(node.querySelector("legend").textContent),
            answer: radio ? clean(node.querySelector('label[for="' + radio.id + '"]').textContent) : "",
            choice: true
          });
        }
      });
      return items;
    }

    function stepTitle(section) {
      return section.getAttribute("data-label");
    }

    function summaryModel() {
      var model = { role: null, example: null, steps: [], open: null, done: false, outside: [] };
      var role = walk.state().rol && root.querySelector('[data-role="' + CSS.escape(walk.state().rol) + '"]');
      if (role) model.role = clean(role.textContent);
      if (walk.state().fenomeen) {
        var example = root.querySelector('.rk-walk-example[data-phenomenon="' + CSS.escape(walk.state().fenomeen) + '"]');
        if (example) {
          model.example = {
            title: clean(example.querySelector("h2").textContent),
            text: clean(example.querySelector("[data-phenomenon]").textContent)
          };
        }
      }
      var seen = {};
      var id = start;
      while (id && id !== end && !seen[id]) {
        seen[id] = true;
        var section = stepSection(id);
        if (!section) break;
        model.steps.push({ id: id, title: stepTitle(section), items: fieldsOf(section) });
        if (section.querySelector('input[type="radio"]')) {
          var chosen = section.querySelector('input[type="radio"][value="' + CSS.escape(walk.state().keuzes[id] || "") + '"]');
          if (!chosen) {
            model.open = { id: id, title: stepTitle(section) };
            break;
          }
          id = chosen.getAttribute("data-to");
        } else {
          id = section.getAttribute("data-next") || end;
        }
      }
      model.done = id === end;
      // Notes on steps the route did not pass are still shown: nothing is lost.
      steps.forEach(function (section) {
        var step = section.getAttribute("data-step");
        if (seen[step]) return;
        var items = fieldsOf(section).filter(function (item) { return item.answer; });
        if (items.length) model.outside.push({ id: step, title: stepTitle(section), items: items });
      });
      var earlier = rk.walk.earlierNotes(root, walk.state());
      if (earlier.length) {
        model.outside.push({ id: null, title: rk.words("walk-earlier-title"),
          items: earlier.map(function (note) { return { question: note[0], answer: note[1] }; }) });
      }
      return model;
    }

    return { fieldsOf: fieldsOf, stepTitle: stepTitle, model: summaryModel };
  }

  // The summary as HTML: `page` adds the classes and the link the page uses.
  // t: the walk's texts (rk.texts).
  function html(model, endTitle, t, page) {
    var out = [];
    function cls(name) { return page ? ' class="' + name + '"' : ""; }
    if (model.role) out.push("<p" + cls("rk-summary-role") + ">" + escapeHtml(t("i_am")) + " " + escapeHtml(model.role) + "</p>");
    if (model.example) {
      out.push((page ? "<h3>" : "<h2>") + escapeHtml(model.example.title) + (page ? "</h3>" : "</h2>"),
        "<p" + cls("rk-summary-example") + ">" + escapeHtml(model.example.text) + "</p>");
    }
    out.push(element(page ? "h3" : "h2", t("route_taken")), "<ol" + cls("rk-summary-route") + ">");
    model.steps.forEach(function (s) { out.push("<li>" + escapeHtml(s.title) + "</li>"); });
    if (model.done) out.push("<li>" + escapeHtml(endTitle) + "</li>");
    out.push("</ol>");
    if (model.open) {
      var step = { step: model.open.title };
      out.push(page ? '<p class="rk-notice rk-notice--error">' + escapeHtml(t("open_choice", step)) + ' <a href="#doorloop-' +
        escapeHtml(model.open.id) + '">' + escapeHtml(t("make_choice", step)) + "</a></p>" :
        "<p>" + escapeHtml(t("no_choice_at", step)) + "</p>");
    }
    function add(list, tag) {
      list.forEach(function (step) {
        out.push("<" + tag + ">" + escapeHtml(step.title) + "</" + tag + "><dl" + cls("rk-summary-list") + ">");
        step.items.forEach(function (item) {
          var classes = [];
          if (item.choice && item.answer) classes.push("rk-summary-choice");
          if (!item.answer) classes.push("rk-summary-empty");
          out.push("<dt>" + escapeHtml(item.question) + "</dt><dd" + (page && classes.length ? ' class="' + classes.join(" ") + '"' : "") + ">" +
            escapeHtml(item.answer || (item.choice ? t("no_choice") : t("no_note"))) + "</dd>");
        });
        out.push("</dl>");
      });
    }
    add(model.steps, page ? "h3" : "h2");
    if (model.outside.length) {
      out.push(element(page ? "h3" : "h2", t("outside_route")));
      add(model.outside, page ? "h4" : "h2");
    }
    return out.join("\n");
  }

  function htmlFile(model, endTitle, t) {
    return ['<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
      element("title", t("summary_title")),
      "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;line-height:1.5}",
      "dt{font-weight:bold;margin-top:.8em}dd{margin-left:1em;white-space:pre-wrap}</style></head><body>",
      element("h1", t("summary_title")), html(model, endTitle, t, false), "</body></html>\n"].join("\n");
  }

  function text(model, endTitle, t) {
    var lines = [t("text_title"), ""];
    if (model.role) lines.push(t("i_am") + " " + model.role, "");
    if (model.example) lines.push(model.example.title, model.example.text, "");
    lines.push(t("route_taken") + ": " + model.steps.map(function (s) { return s.title; }).join(" > ") +
      (model.done ? " > " + endTitle : ""));
    if (model.open) lines.push(t("no_choice_at", { step: model.open.title }));
    function add(list) {
      list.forEach(function (step) {
        lines.push("", step.title, step.title.replace(/./g, "="));
        step.items.forEach(function (item) {
          lines.push("- " + item.question);
          (item.answer || (item.choice ? t("no_choice_text") : t("no_note_text"))).split("\n").forEach(function (line) {
            lines.push("    " + line);
          });
        });
      });
    }
    add(model.steps);
    if (model.outside.length) {
      lines.push("", t("outside_route"));
      add(model.outside);
    }
    return lines.join("\n") + "\n";
  }

  // The reader's notes of questions or steps this version has no more
  // ([[key, text]], rk.walk.earlierNotes), shown in a box right after
  // `anchor`, above the steps, so they are seen wherever the reader is.
  // Returns show(notes), which redraws only when they changed, not at every keystroke.
  function earlierList(anchor) {
    var shown = "[]";
    function add(parent, tag, text) {
      var node = parent.appendChild(document.createElement(tag));
      if (text) node.textContent = text;
      return node;
    }
    return function (notes) {
      var now = JSON.stringify(notes);
      if (now === shown) return;
      shown = now;
      var box = document.getElementById("rk-walk-earlier");
      if (box) box.remove();
      if (!notes.length) return;
      box = document.createElement("section");
      box.id = "rk-walk-earlier";
      box.className = "rk-notice rk-walk-earlier";
      box.setAttribute("aria-labelledby", "rk-walk-earlier-title");
      add(box, "h2", rk.words("walk-earlier-title")).id = "rk-walk-earlier-title";
      add(box, "p", rk.words("walk-earlier-explanation"));
      var list = add(box, "dl");
      list.className = "rk-summary-list";
      notes.forEach(function (note) {
        add(list, "dt", rk.words("question-word") + " \u201c" + note[0] + "\u201d");
        add(list, "dd", note[1]);
      });
      anchor.insertAdjacentElement("afterend", box);
    };
  }

  rk.walk = rk.walk || {};
  rk.walk.earlierList = earlierList;
  rk.walk.summarizer = summarizer;
  rk.walk.summaryHtml = html;
  rk.walk.summaryFile = htmlFile;
  rk.walk.summaryText = text;
})();
