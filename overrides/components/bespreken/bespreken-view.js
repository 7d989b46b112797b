// Handelingen bespreken: the comparison of the opened files, one section per
// example: the choices at the forks in a table first, then each step's
// answers side by side, with a button that hands an answer to the
// afsprakenkaart (bespreken-card.js). Also the small helpers the bespreken
// scripts share. Part of bespreken: bespreken-file.js, bespreken-view.js,
// bespreken-card.js, bespreken.js.
(function () {
  "use strict";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function quote(text) {
    return "\u201c" + text + "\u201d";
  }

  function roleLabel(model, file) {
    var t = model.t;
    return file.rol ? model.roles[file.rol].label : t("no_role");
  }

  // groups: [{title, files: [{name, file}]}] (bespreken.js); copy(answer) takes
  // an answer to the afsprakenkaart.
  function renderComparison(view, groups, model, copy) {
    view.textContent = "";
    groups.forEach(function (group, g) {
      var section = el("section", null, "rk-discuss-example");
      var headingId = "rk-discuss-group-" + g;
      section.setAttribute("aria-labelledby", headingId);
      var h2 = el("h2", group.title);
      h2.id = headingId;
      section.appendChild(h2);
      section.appendChild(choicesTable(group, g, model));
      model.steps.forEach(function (step) { section.appendChild(stepPart(step, group, model, copy)); });
      view.appendChild(section);
    });
  }

  function choiceLabel(o, step, model) {
    var t = model.t;
    var s = o.file.steps[step.id];
    return s && s.choice ? step.option[s.choice] : t("no_choice");
  }

  function choicesTable(group, g, model) {
    var t = model.t;
    var wrap = el("div", null, "rk-discuss-scroll");
    var table = el("table", null, "rk-discuss-choices");
    var caption = el("caption", t("choices_caption", { title: group.title }));
    caption.id = "rk-discuss-caption-" + g;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", caption.id);
    wrap.tabIndex = 0;
    table.appendChild(caption);
    var head = el("tr");
    // The verdict comes right after the choice, so it shows without
    // scrolling sideways however many files are open.
    head.appendChild(el("th", t("choice_column"))).scope = "col";
    head.appendChild(el("th", t("difference_column"))).scope = "col";
    group.files.forEach(function (o) {
      head.appendChild(el("th", o.label)).scope = "col";
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    model.steps.filter(function (s) { return s.decision; }).forEach(function (step) {
      var tr = el("tr");
      var th = el("th", step.label);
      th.appendChild(el("span", step.decision, "rk-discuss-decision"));
      th.scope = "row";
      tr.appendChild(th);
      var labels = group.files.map(function (o) { return choiceLabel(o, step, model); });
      var differs = labels.some(function (l) { return l !== labels[0]; });
      var verdict = el("td", null, differs ? "rk-discuss-verdict rk-discuss-verdict--differs" : "rk-discuss-verdict");
      verdict.appendChild(el(differs ? "strong" : "span", differs ? t("differs") : t("same")));
      tr.appendChild(verdict);
      labels.forEach(function (label) { tr.appendChild(el("td", label)); });
      if (differs) tr.className = "rk-discuss-differs";
      body.appendChild(tr);
    });
    wrap.appendChild(table);
    return wrap;
  }

  function stepPart(step, group, model, copy) {
    var t = model.t;
    var part = el("div", null, "rk-discuss-step");
    part.appendChild(el("h3", step.label));
    var items = [];
    var groupsSeen = {};
    step.fields.forEach(function (field) {
      if (!field.group) {
        items.push({ question: field.text, answer: function (s) { return s.answers[field.key] || ""; } });
      } else if (!groupsSeen[field.group]) {
        groupsSeen[field.group] = true;
        var members = step.fields.filter(function (f) { return f.group === field.group; });
        items.push({ question: field.group, answer: function (s) {
          return members.filter(function (f) { return s.actions[f.key]; }).map(function (f) { return f.text; }).join("\n");
        } });
      }
    });
    if (step.decision) {
      items.push({ question: step.decision, answer: function (s) { return s.choice ? step.option[s.choice] : ""; } });
    }
    function stepOf(o) { return o.file.steps[step.id] || { answers: {}, actions: {}, choice: null }; }
    var answered = 0;
    items.forEach(function (item) {
      // A question nobody answered takes one line, so the answers stand out;
      // the filter hides it (bespreken.css).
      var anyAnswer = group.files.some(function (o) { return item.answer(stepOf(o)); });
      var question = part.appendChild(el("div", null, anyAnswer ? "rk-discuss-question" : "rk-discuss-question rk-discuss-unanswered"));
      question.appendChild(el("h4", item.question));
      if (!anyAnswer) {
        question.appendChild(el("p", t("nobody_answered"), "rk-discuss-empty"));
        return;
      }
      answered++;
      var ul = el("ul", null, "rk-discuss-answers");
      group.files.forEach(function (o) {
        var text = item.answer(stepOf(o));
        var li = el("li");
        li.appendChild(el("p", o.label, "rk-discuss-who"));
        li.appendChild(el("p", text || t("no_note"), text ? "rk-discuss-answer" : "rk-discuss-answer rk-discuss-empty"));
        var partner = o.file.rol && model.roles[o.file.rol].partner;
        if (text && partner) {
          var button = el("button", t("to_card"), "rk-button rk-button--outline rk-button--compact");
          button.type = "button";
          button.appendChild(el("span", " " + t("answer_of", { who: o.label }), "rk-sr"));
          // What became of the copy shows (and is announced) right here.
          var done = el("p", null, "rk-discuss-done");
          done.setAttribute("role", "status");
          button.addEventListener("click", function () {
            copy({ text: text, partner: partner, who: o.label, question: item.question,
              cardQuestion: step.cardQuestion, button: button, done: done });
          });
          li.appendChild(button);
          li.appendChild(done);
        }
        ul.appendChild(li);
      });
      question.appendChild(ul);
    });
    if (!answered) part.classList.add("rk-discuss-step--unanswered");
    return part;
  }

  rk.discuss = rk.discuss || {};
  rk.discuss.el = el;
  rk.discuss.quote = quote;
  rk.discuss.roleLabel = roleLabel;
  rk.discuss.renderComparison = renderComparison;
})();
