// Handelingen bespreken: opens several files "mijn handelingen" at once
// (read in this browser with File.text(), never sent), keeps them for this
// tab (sessionStorage), shows them by example and role with the choices at
// the forks compared first, and copies an answer into the afsprakenkaart's
// own store after asking before it replaces text. discuss-file.js checks
// each file.
(function () {
  "use strict";

  var CARD_KEY = "routekaart:afsprakenkaart";  // the afsprakenkaart's store (afsprakenkaart.html)

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function quote(text) {
    return "\u201c" + text + "\u201d";
  }

  function setUp(root) {
    var model = rk.discuss.readModel(root.querySelector("#rk-discuss-model"));
    var sessionKey = root.getAttribute("data-storage-key");
    var input = root.querySelector("#rk-discuss-input");
    var errors = root.querySelector("#rk-discuss-errors");
    var status = root.querySelector("#rk-discuss-status");
    var list = root.querySelector("#rk-discuss-files");
    var view = root.querySelector("#rk-discuss-view");
    var opened = [];  // {name, text, file}
    var counter = 0;

    root.querySelector(".rk-discuss-open").hidden = false;
    root.querySelector(".rk-discuss-no-js").hidden = true;

    function roleLabel(file) {
      return file.rol ? model.roles[file.rol].label : "Geen rol gekozen";
    }

    function showErrors(messages) {
      errors.textContent = "";
      errors.hidden = !messages.length;
      if (!messages.length) return;
      var ul = el("ul");
      messages.forEach(function (m) { ul.appendChild(el("li", m)); });
      errors.appendChild(ul);
      if (opened.length) errors.appendChild(el("p", "De bestanden die al open waren, blijven open."));
    }

    // Returns a warning when the browser does not keep them (too large, or not allowed).
    function keep() {
      try {
        sessionStorage.setItem(sessionKey, JSON.stringify(opened.map(function (o) { return { naam: o.name, tekst: o.text }; })));
        return "";
      } catch (e) {
        return " De bestanden konden niet voor dit tabblad worden bewaard: na het herladen moet je ze opnieuw openen.";
      }
    }

    // --- opening --------------------------------------------------------------
    function add(name, text, messages) {
      function refuse(reason) {
        messages.push("Het bestand " + quote(name) + " kan niet worden geopend: " + reason + ".");
      }
      if (opened.some(function (o) { return o.text === text; })) { refuse("dit bestand is al geopend"); return; }
      if (opened.length >= model.maxFiles) {
        refuse("er zijn al " + model.maxFiles + " bestanden geopend, meer kan niet tegelijk. Sluit eerst een bestand");
        return;
      }
      var result = rk.discuss.parse(text, model);
      if (result.error) { refuse(result.error); return; }
      opened.push({ id: ++counter, name: name, text: text, file: result.file });
    }

    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files);
      input.value = "";  // the same file can be chosen again
      var messages = [];
      var before = opened.length;
      var reads = files.map(function (file) {
        if (file.size > rk.discuss.MAX_BYTES) {
          return Promise.resolve({ name: file.name, error: "het is te groot (" + Math.ceil(file.size / 1024) +
            " kB; een bestand met handelingen is kleiner dan 1 MB)" });
        }
        if (file.size === 0) return Promise.resolve({ name: file.name, error: "het bestand is leeg" });
        return file.text().then(function (text) { return { name: file.name, text: text }; },
          function () { return { name: file.name, error: "het kan niet worden gelezen" }; });
      });
      Promise.all(reads).then(function (results) {
        results.forEach(function (r) {
          if (r.error) messages.push("Het bestand " + quote(r.name) + " kan niet worden geopend: " + r.error + ".");
          else add(r.name, r.text, messages);
        });
        var added = opened.length - before;
        showErrors(messages);
        status.textContent = added ? (added === 1 ? "1 bestand geopend." : added + " bestanden geopend.") +
          " Er zijn nu " + opened.length + " bestanden open." + keep() : "";
        render();
      });
    });

    function restore() {
      var saved;
      try {
        saved = JSON.parse(sessionStorage.getItem(sessionKey) || "[]");
      } catch (e) {
        saved = [];
      }
      if (!Array.isArray(saved)) saved = [];
      var messages = [];
      saved.forEach(function (s) {
        if (s && typeof s.naam === "string" && typeof s.tekst === "string") add(s.naam, s.tekst, messages);
      });
      showErrors(messages);
    }

    // --- the list of opened files ---------------------------------------------
    function renderList() {
      list.textContent = "";
      root.querySelector(".rk-discuss-none").hidden = opened.length > 0;
      sorted().forEach(function (o) {
        var li = el("li");
        var example = o.file.voorbeeld ? "voorbeeld " + o.file.voorbeeld.titel : "eigen casus";
        li.appendChild(el("span", roleLabel(o.file) + ": " + o.name + " (" + example + ", " + o.file.datum + ") "));
        var close = el("button", "Sluit", "rk-button rk-button--outline rk-button--compact");
        close.type = "button";
        close.appendChild(el("span", " " + o.name, "rk-sr"));
        close.addEventListener("click", function () {
          opened = opened.filter(function (x) { return x !== o; });
          showErrors([]);
          status.textContent = "Het bestand " + quote(o.name) + " is gesloten." + keep();
          render();
          root.querySelector("#geopende-bestanden").focus();
        });
        li.appendChild(close);
        list.appendChild(li);
      });
    }

    // By example (eigen casus last), then by role in the order of content/rollen.yml.
    function sorted() {
      function exampleKey(o) { return o.file.voorbeeld ? "0" + o.file.voorbeeld.titel : "1"; }
      function roleKey(o) { return o.file.rol ? model.roleOrder.indexOf(o.file.rol) : model.roleOrder.length; }
      return opened.slice().sort(function (a, b) {
        return exampleKey(a).localeCompare(exampleKey(b)) || roleKey(a) - roleKey(b) || a.name.localeCompare(b.name);
      });
    }

    function groups() {
      var out = [];
      sorted().forEach(function (o) {
        var key = o.file.voorbeeld ? o.file.voorbeeld.id : "";
        var last = out[out.length - 1];
        if (last && last.key === key) last.files.push(o);
        else out.push({ key: key, title: o.file.voorbeeld ? "Voorbeeld: " + o.file.voorbeeld.titel : "Eigen casus", files: [o] });
      });
      return out;
    }

    // --- the comparison -------------------------------------------------------
    function render() {
      renderList();
      view.textContent = "";
      groups().forEach(function (group, g) {
        var section = el("section", null, "rk-discuss-example");
        var headingId = "rk-discuss-group-" + g;
        section.setAttribute("aria-labelledby", headingId);
        var h2 = el("h2", group.title);
        h2.id = headingId;
        section.appendChild(h2);
        section.appendChild(choicesTable(group, g));
        model.steps.forEach(function (step) { section.appendChild(stepPart(step, group)); });
        view.appendChild(section);
      });
    }

    function choiceLabel(o, step) {
      var s = o.file.steps[step.id];
      return s && s.choice ? step.option[s.choice] : "Geen keuze";
    }

    function choicesTable(group, g) {
      var wrap = el("div", null, "rk-discuss-scroll");
      var table = el("table", null, "rk-discuss-choices");
      var caption = el("caption", "Keuzes op de route: " + group.title);
      caption.id = "rk-discuss-caption-" + g;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-labelledby", caption.id);
      wrap.tabIndex = 0;
      table.appendChild(caption);
      var head = el("tr");
      head.appendChild(el("th", "Keuze")).scope = "col";
      group.files.forEach(function (o) {
        var th = el("th", roleLabel(o.file));
        th.scope = "col";
        th.appendChild(el("span", o.name, "rk-discuss-file-name"));
        head.appendChild(th);
      });
      head.appendChild(el("th", "Verschil")).scope = "col";
      table.appendChild(el("thead")).appendChild(head);
      var body = table.appendChild(el("tbody"));
      model.steps.filter(function (s) { return s.decision; }).forEach(function (step) {
        var tr = el("tr");
        var th = el("th", step.label);
        th.appendChild(el("span", step.decision, "rk-discuss-decision"));
        th.scope = "row";
        tr.appendChild(th);
        var labels = group.files.map(function (o) { return choiceLabel(o, step); });
        labels.forEach(function (label) { tr.appendChild(el("td", label)); });
        var differs = labels.some(function (l) { return l !== labels[0]; });
        var verdict = el("td", null, differs ? "rk-discuss-verdict rk-discuss-verdict--differs" : "rk-discuss-verdict");
        verdict.appendChild(el(differs ? "strong" : "span", differs ? "Verschilt" : "Gelijk"));
        tr.appendChild(verdict);
        if (differs) tr.className = "rk-discuss-differs";
        body.appendChild(tr);
      });
      wrap.appendChild(table);
      return wrap;
    }

    function stepPart(step, group) {
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
      items.forEach(function (item) {
        part.appendChild(el("h4", item.question));
        // A question nobody answered takes one line, so the answers stand out.
        if (!group.files.some(function (o) { return item.answer(stepOf(o)); })) {
          part.appendChild(el("p", "Niemand schreef hier iets op.", "rk-discuss-empty"));
          return;
        }
        var ul = el("ul", null, "rk-discuss-answers");
        group.files.forEach(function (o) {
          var text = item.answer(stepOf(o));
          var li = el("li");
          li.appendChild(el("p", roleLabel(o.file), "rk-discuss-who"));
          li.appendChild(el("p", text || "Geen aantekening", text ? "rk-discuss-answer" : "rk-discuss-answer rk-discuss-empty"));
          var partner = o.file.rol && model.roles[o.file.rol].partner;
          if (text && partner) {
            var button = el("button", "Naar de afsprakenkaart", "rk-button rk-button--outline rk-button--compact");
            button.type = "button";
            button.appendChild(el("span", " (antwoord van " + roleLabel(o.file) + ")", "rk-sr"));
            button.addEventListener("click", function () {
              copyToCard({ text: text, partner: partner, who: roleLabel(o.file), question: item.question,
                cardQuestion: step.cardQuestion, button: button });
            });
            li.appendChild(button);
          }
          ul.appendChild(li);
        });
        part.appendChild(ul);
      });
      return part;
    }

    // --- into the afsprakenkaart ----------------------------------------------
    var copyDialog = root.querySelector("#rk-discuss-copy");
    var confirmDialog = root.querySelector("#rk-discuss-confirm");
    var select = root.querySelector("#rk-discuss-copy-question");

    // Opens `dialog` with focus on `first`; resolves true for `yes`, false
    // for `no` or Escape; focus goes back where it was.
    function ask(dialog, yes, no, first) {
      return new Promise(function (done) {
        var returnFocus = document.activeElement;
        function close(answer) {
          yes.removeEventListener("click", onYes);
          no.removeEventListener("click", onNo);
          dialog.removeEventListener("close", onNo);
          if (dialog.open) dialog.close();
          if (returnFocus && returnFocus.focus) returnFocus.focus();
          done(answer);
        }
        function onYes() { close(true); }
        function onNo() { close(false); }
        yes.addEventListener("click", onYes);
        no.addEventListener("click", onNo);
        dialog.addEventListener("close", onNo);
        dialog.showModal();
        first.focus();
      });
    }

    function readCard() {
      var raw;
      try {
        raw = localStorage.getItem(CARD_KEY);
      } catch (e) {
        return { error: "deze browser laat niet toe dat de afsprakenkaart op dit apparaat wordt bewaard" };
      }
      var card = rk.agreementsCard;
      if (raw === null) return { card: { soort: card.KIND, versie: card.VERSION, regio: "", datum: "", antwoorden: {} } };
      var questions = Array.prototype.map.call(select.options, function (o) { return o.value; });
      var result;
      try {
        result = card.check(JSON.parse(raw), questions, Object.keys(model.partnerNames));
      } catch (e) {
        result = { error: "de gegevens zijn onleesbaar" };
      }
      if (!result.card) return { error: "de afsprakenkaart op dit apparaat kan niet worden gelezen (" + result.error + "). Open eerst de afsprakenkaart" };
      return result;
    }

    function copyToCard(answer) {
      var card = rk.agreementsCard;
      root.querySelector("#rk-discuss-copy-what").textContent = "Het antwoord van " + answer.who + " bij " +
        quote(answer.question) + " komt in de kolom " + model.partnerNames[answer.partner] + ".";
      root.querySelector("#rk-discuss-copy-text").textContent = answer.text;
      select.value = answer.cardQuestion;
      ask(copyDialog, root.querySelector("#rk-discuss-copy-yes"), root.querySelector("#rk-discuss-copy-no"), select)
        .then(function (go) {
          if (!go) return null;
          var option = select.options[select.selectedIndex];
          var where = "bij de vraag " + quote(option.textContent.trim()) + " in de kolom " + model.partnerNames[answer.partner];
          if ((option.getAttribute("data-agreed") || "").split(" ").indexOf(answer.partner) >= 0) {
            return fail("Op de afsprakenkaart van de regio staat " + where + " al een afspraak. Die verandert niet.");
          }
          if (answer.text.length > card.MAX_ANSWER) {
            return fail("Het antwoord is langer dan " + card.MAX_ANSWER + " tekens en past niet op de afsprakenkaart.");
          }
          var found = readCard();
          if (found.error) return fail("Het antwoord is niet op de afsprakenkaart gezet: " + found.error + ".");
          var cells = found.card.antwoorden;
          var current = (cells[option.value] || {})[answer.partner] || "";
          if (current === answer.text) {
            status.textContent = "Dit antwoord staat al op de afsprakenkaart " + where + ".";
            return null;
          }
          var proceed = current ? (function () {
            root.querySelector("#rk-discuss-confirm-text").textContent = "Op de afsprakenkaart staat " + where +
              " al deze tekst: " + quote(current) + ". Die wordt vervangen door het antwoord van " + answer.who + ".";
            return ask(confirmDialog, root.querySelector("#rk-discuss-confirm-yes"),
              root.querySelector("#rk-discuss-confirm-no"), root.querySelector("#rk-discuss-confirm-no"));
          })() : Promise.resolve(true);
          return proceed.then(function (confirmed) {
            if (!confirmed) {
              status.textContent = "De afsprakenkaart is niet veranderd.";
              return;
            }
            cells[option.value] = cells[option.value] || {};
            cells[option.value][answer.partner] = answer.text;
            try {
              localStorage.setItem(CARD_KEY, JSON.stringify(found.card));
            } catch (e) {
              fail("De afsprakenkaart kon op dit apparaat niet worden bewaard.");
              return;
            }
            showErrors([]);
            status.textContent = "Het antwoord van " + answer.who + " staat nu op de afsprakenkaart " + where + ".";
          });
        });
    }

    function fail(message) {
      status.textContent = "";
      errors.textContent = "";
      errors.appendChild(el("p", message));
      errors.hidden = false;
      return null;
    }

    restore();
    render();
  }

  rk.onPage("#rk-discuss", setUp);
})();
