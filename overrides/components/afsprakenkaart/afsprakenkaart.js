// The afsprakenkaart form: kept in this browser's localStorage as you type
// (never sent anywhere), emptied only after a confirmation, and carried to
// another device as a JSON file. Without JavaScript the card is still a form
// that prints; this script only adds saving, files and the print copy.
(function () {
  "use strict";

  // The card's format (afsprakenkaart-format.js).
  var format = rk.agreementsCard;
  var KIND = format.KIND, VERSION = format.VERSION, check = format.check, cardCodec = format.codec,
    cellName = format.cellName, dateNl = format.dateNl, MAX_FILE_BYTES = format.MAX_FILE_BYTES;

  function setUp(form) {
    var months = form.dataset.months.split(" ");
    var storage = rk.store(form.dataset.storageKey);
    var t = rk.texts(form);  // the card's words (content/teksten.yml)
    var questions = form.dataset.questions.split(" ");
    var partners = form.dataset.partners.split(" ");
    var fixedRegion = form.dataset.region || "";
    var fields = Array.prototype.slice.call(form.querySelectorAll("textarea[data-question]"));
    var regionField = document.getElementById("card-region");
    var dateField = document.getElementById("card-date");
    var loadNotice = document.getElementById("card-load-notice");
    var actionNotice = document.getElementById("card-action-notice");
    var status = document.getElementById("card-status");
    var savingNote = document.getElementById("card-saving");
    var dialog = document.getElementById("card-confirm");
    var importField = document.getElementById("card-import");
    var codec = cardCodec(questions, partners, fixedRegion);
    var synced = rk.fields(storage, codec, function () { showDamaged(rk.words("damaged-by-other-tab")); });
    var warning = rk.saveWarning(function () { document.getElementById("card-export").click(); });
    var earlier = new Map();  // the reader's kept texts of cells this card has no field for
    var earlierShown = "[]";

    form.classList.add("rk-card--js");
    document.getElementById("card-actions").hidden = false;

    function show(element, text) {
      element.textContent = text;
      element.hidden = !text;
    }

    function reportError(error) {
      status.textContent = "";
      show(actionNotice, error);
    }

    function reportDone(text) {
      show(actionNotice, "");
      status.textContent = text;
    }

    function updatePrintCopy(field) {
      var copy = field.parentNode.querySelector(".rk-card-print-copy");
      if (copy) copy.textContent = field.type === "date" ? dateNl(field.value, months) : field.value;
    }

    function fieldNamed(name) {
      if (name === "regio") return regionField;
      if (name === "datum") return dateField;
      var cell = JSON.parse(name.slice(1));
      return document.getElementById("answer-" + cell[0] + "-" + cell[1]);
    }

    // This tab's own fields, as rk.fields names them.
    function own() {
      var map = new Map([["regio", regionField ? regionField.value : fixedRegion], ["datum", dateField.value]]);
      fields.forEach(function (field) { map.set(cellName(field.dataset.question, field.dataset.partner), field.value); });
      return map;
    }

    function read() {
      var answers = {};
      fields.forEach(function (field) {
        if (!field.value) return;
        answers[field.dataset.question] = answers[field.dataset.question] || {};
        answers[field.dataset.question][field.dataset.partner] = field.value;
      });
      return {
        soort: KIND, versie: VERSION,
        regio: regionField ? regionField.value : fixedRegion,
        datum: dateField.value,
        antwoorden: answers
      };
    }

    function isEmpty(card) {
      return !Object.keys(card.antwoorden).length && !card.datum && (!regionField || !card.regio);
    }

    // Fills the form with `card`; returns how many answers had no free field
    // (in a local edition, agreed answers are fixed).
    function fill(card) {
      var skipped = 0;
      fields.forEach(function (field) {
        var byPartner = card.antwoorden[field.dataset.question] || {};
        field.value = byPartner[field.dataset.partner] || "";
        updatePrintCopy(field);
      });
      Object.keys(card.antwoorden).forEach(function (question) {
        Object.keys(card.antwoorden[question]).forEach(function (partner) {
          if (!document.getElementById("answer-" + question + "-" + partner)) skipped++;
        });
      });
      if (regionField) { regionField.value = card.regio; updatePrintCopy(regionField); }
      dateField.value = card.datum;
      updatePrintCopy(dateField);
      return skipped;
    }

    // Texts the reader typed in cells this version of the card has no field
    // for: beside the region's agreed answer, or in a list under the card.
    function showEarlier(stored) {
      earlier = new Map();
      stored.forEach(function (value, name) {
        if (value && name.charAt(0) === "a" && !fieldNamed(name)) earlier.set(name, value);
      });
      var now = JSON.stringify(Array.from(earlier));
      if (now === earlierShown) return;  // not redrawn at every keystroke
      earlierShown = now;
      form.querySelectorAll(".rk-card-earlier").forEach(function (node) { node.remove(); });
      var list = document.getElementById("card-earlier");
      if (list) list.remove();
      var rest = [];
      earlier.forEach(function (value, name) {
        var cell = JSON.parse(name.slice(1));
        var row = document.getElementById("vraag-" + cell[0]);
        var agreed = row && row.querySelector('.rk-card-cell--agreed[data-partner="' + CSS.escape(cell[1]) + '"]');
        if (!agreed) { rest.push([cell, value]); return; }
        var p = document.createElement("p");
        p.className = "rk-card-earlier";
        p.appendChild(document.createElement("strong")).textContent = rk.words("earlier-text") + " ";
        p.appendChild(document.createTextNode(value));
        agreed.appendChild(p);
      });
      if (!earlier.size) return;
      var box = document.createElement("section");
      box.id = "card-earlier";
      box.className = "rk-notice rk-card-earlier-list";
      box.setAttribute("aria-labelledby", "card-earlier-title");
      var title = box.appendChild(document.createElement("h2"));
      title.id = "card-earlier-title";
      title.textContent = rk.words("earlier-title");
      box.appendChild(document.createElement("p")).textContent = rk.words("earlier-explanation");
      var ul = rest.length ? box.appendChild(document.createElement("ul")) : null;
      rest.forEach(function (item) {
        var li = ul.appendChild(document.createElement("li"));
        li.appendChild(document.createElement("strong")).textContent = describe(item[0]) + ": ";
        li.appendChild(document.createTextNode(item[1]));
      });
      var download = box.appendChild(document.createElement("button"));
      download.type = "button";
      download.className = "rk-button";
      download.textContent = rk.words("earlier-download");
      download.addEventListener("click", function () {
        var lines = [];
        earlier.forEach(function (value, name) { lines.push(describe(JSON.parse(name.slice(1))) + ":\n" + value + "\n"); });
        rk.saveFile(t("earlier_file_stem") + "-" + rk.today() + ".txt", "text/plain;charset=utf-8", lines.join("\n"));
      });
      form.insertAdjacentElement("afterend", box);
    }

    function describe(cell) {
      var head = form.querySelector('th[data-partner="' + CSS.escape(cell[1]) + '"]');
      return rk.words("question-word") + " \u201c" + cell[0] + "\u201d, " + rk.words("column-word") + " " + (head ? head.textContent : cell[1]);
    }

    // Saves this tab's changes; `typedIn` is the field the reader used, for
    // the warning when saving fails.
    function save(typedIn) {
      var result;
      try {
        result = synced.save(own());
      } catch (e) {
        warning.failed(typedIn || document.activeElement);
        savingNote.hidden = true;
        return;
      }
      warning.saved();
      savingNote.hidden = false;
      result.conflicts.forEach(function (name) {
        var field = fieldNamed(name);
        field.value = result.fields.get(name);
        updatePrintCopy(field);
        reportDone(rk.words("other-tab"));
      });
      showEarlier(result.fields);
    }

    function load() {
      var saved = storage.load(codec.parse);
      if (saved.unavailable) {
        savingNote.hidden = true;
        show(loadNotice, t("storage_unavailable"));
        return;
      }
      if (saved.value) {
        fill(saved.value);
        synced.seen(saved.value);
        showEarlier(codec.toFields(saved.value));
      }
      // The damaged copy is kept aside, so nothing is lost; start with an empty card.
      var message = saved.damaged ? t("stored_damaged", { error: saved.damaged }) :
        storage.damagedCopy() !== null ? t("damaged_copy_kept") : "";
      if (message) showDamaged(message);
    }

    function showDamaged(message) {
      loadNotice.textContent = "";
      rk.damageNotice(storage, message, t("damaged_file_stem")).forEach(function (node) { loadNotice.appendChild(node); });
      loadNotice.hidden = false;
    }

    function askToConfirm(text, yesLabel) {
      if (typeof dialog.showModal !== "function") return Promise.resolve(window.confirm(text));
      var noButton = document.getElementById("card-confirm-no");
      var yesButton = document.getElementById("card-confirm-yes");
      document.getElementById("card-confirm-text").textContent = text;
      yesButton.textContent = yesLabel;
      return rk.ask(dialog, yesButton, noButton, noButton);  // the safe choice first
    }

    form.addEventListener("input", function (event) {
      updatePrintCopy(event.target);
      save(event.target);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // What another tab of this browser saves shows here at once.
    synced.listen(own, function (name, value) {
      var field = fieldNamed(name);
      if (!field) return;
      field.value = value;
      updatePrintCopy(field);
    }, showEarlier);

    document.getElementById("card-print").addEventListener("click", function () { window.print(); });

    document.getElementById("card-clear").addEventListener("click", function () {
      askToConfirm(t("clear_question"), t("clear_yes")).then(function (confirmed) {
        if (!confirmed) return;
        fill({ regio: "", datum: "", antwoorden: {} });
        try {
          storage.remove();  // the reader's earlier texts too: they asked for all of it
          synced.seen(null);
          showEarlier(new Map());
        } catch (ignored) { /* nothing was kept */ }
        reportDone(t("cleared"));
      });
    });

    document.getElementById("card-export").addEventListener("click", function () {
      var card = read();
      var name = (card.regio || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      var file = t("file_stem") + "-" + (name ? name + "-" : "") + rk.today() + ".json";
      rk.saveFile(file, "application/json", JSON.stringify(card, null, 2) + "\n");
      reportDone(t("exported", { file: file }));
    });

    importField.addEventListener("change", function () {
      var file = importField.files[0];
      importField.value = "";  // the same file can be chosen again
      if (!file) return;
      var refuse = function (error) {
        reportError(t("file_refused", { file: file.name, error: error }));
      };
      if (file.size > MAX_FILE_BYTES) {
        refuse(t("file_too_big", { size: Math.ceil(file.size / 1024) }));
        return;
      }
      file.text().then(function (text) {
        var result;
        try {
          result = check(JSON.parse(text), questions, partners);
        } catch (e) {
          result = { error: t("file_not_card") };
        }
        if (!result.card) { refuse(result.error); return; }
        var proceed = isEmpty(read()) ? Promise.resolve(true) :
          askToConfirm(t("replace_question"), t("replace_yes"));
        proceed.then(function (confirmed) {
          if (!confirmed) return;
          if (regionField === null) result.card.regio = fixedRegion;
          var skipped = fill(result.card);
          save(null);
          reportDone(t("opened", { file: file.name }) + (skipped ? " " + t("opened_skipped", { n: skipped }) : ""));
        });
      }, function () { refuse(t("file_unreadable")); });
    });

    load();
  }

  rk.onPage("#card-form", setUp);
})();
