// The afsprakenkaart form: kept in this browser's localStorage as you type
// (never sent anywhere), emptied only after a confirmation, and carried to
// another device as a JSON file. Without JavaScript the card is still a form
// that prints; this script only adds saving, files and the print copy.
(function () {
  "use strict";

  // The saved file's format: its field names (soort, versie, regio, datum,
  // antwoorden) and these values are data in users' files, so they stay Dutch.
  var KIND = "routekaart-afsprakenkaart";
  var VERSION = 1;
  var MAX_FILE_BYTES = 1024 * 1024;
  var MAX_ANSWER = 5000;
  var MAX_REGION = 200;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  // The month names come with the form, from the one list the build uses (macros/nl.py).
  function dateNl(value, months) {
    if (!isDate(value)) return "";
    var parts = value.split("-");
    return Number(parts[2]) + " " + months[Number(parts[1]) - 1] + " " + parts[0];
  }

  // A card from storage or a file, checked against this site's questions and
  // partners. Returns {card} or {error: what is wrong, in plain Dutch}.
  function check(data, questions, partners) {
    if (!isObject(data)) return { error: "er staat geen afsprakenkaart in" };
    if (data.soort !== KIND) return { error: "het is geen afsprakenkaart van de routekaart" };
    if (typeof data.versie !== "number") return { error: "het versienummer ontbreekt" };
    if (data.versie > VERSION) {
      return { error: "het is gemaakt met een nieuwere versie van de routekaart (versie " + data.versie + ")" };
    }
    if (data.versie !== VERSION) return { error: "het versienummer " + data.versie + " is onbekend" };
    var region = data.regio === undefined ? "" : data.regio;
    if (typeof region !== "string" || region.length > MAX_REGION) {
      return { error: "de naam van de regio is geen tekst of te lang" };
    }
    var date = data.datum === undefined ? "" : data.datum;
    if (typeof date !== "string" || (date !== "" && !isDate(date))) {
      return { error: "de datum is geen geldige datum" };
    }
    if (!isObject(data.antwoorden)) return { error: "de antwoorden ontbreken" };
    var answers = {};
    var questionIds = Object.keys(data.antwoorden);
    for (var i = 0; i < questionIds.length; i++) {
      var question = questionIds[i];
      if (questions.indexOf(question) < 0) return { error: "het bevat een onbekende vraag (\u201c" + question + "\u201d)" };
      var byPartner = data.antwoorden[question];
      if (!isObject(byPartner)) return { error: "de antwoorden op vraag \u201c" + question + "\u201d zijn onleesbaar" };
      var partnerIds = Object.keys(byPartner);
      for (var j = 0; j < partnerIds.length; j++) {
        var partner = partnerIds[j];
        var text = byPartner[partner];
        if (partners.indexOf(partner) < 0) return { error: "het bevat een onbekende partner (\u201c" + partner + "\u201d)" };
        if (typeof text !== "string") {
          return { error: "het antwoord van " + partner + " op vraag \u201c" + question + "\u201d is geen tekst" };
        }
        if (text.length > MAX_ANSWER) {
          return { error: "het antwoord van " + partner + " op vraag \u201c" + question + "\u201d is langer dan " + MAX_ANSWER + " tekens" };
        }
        if (text) {
          answers[question] = answers[question] || {};
          answers[question][partner] = text;
        }
      }
    }
    return { card: { soort: KIND, versie: VERSION, regio: region, datum: date, antwoorden: answers } };
  }

  function setUp(form) {
    var months = form.dataset.months.split(" ");
    var storage = rk.store(form.dataset.storageKey);
    var questions = form.dataset.questions.split(" ");
    var partners = form.dataset.partners.split(" ");
    var fixedRegion = form.dataset.region || "";
    var fields = Array.prototype.slice.call(form.querySelectorAll("textarea[data-question]"));
    var regionField = document.getElementById("card-region");
    var dateField = document.getElementById("card-date");
    var loadNotice = document.getElementById("card-load-notice");
    var actionNotice = document.getElementById("card-action-notice");
    var status = document.getElementById("card-status");
    var dialog = document.getElementById("card-confirm");
    var importField = document.getElementById("card-import");
    var storageFailed = false;

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

    function save() {
      var card = read();
      try {
        if (isEmpty(card)) storage.remove();
        else storage.save(card);
        if (storageFailed) { storageFailed = false; show(loadNotice, ""); }
      } catch (e) {
        if (!storageFailed) {
          storageFailed = true;
          show(loadNotice, "Je antwoorden kunnen op dit apparaat niet worden bewaard (de browser staat het niet toe of het geheugen is vol). " +
            "Sla de kaart op als bestand of druk hem af voordat je de pagina sluit.");
        }
      }
    }

    function parseSaved(saved) {
      var result;
      try {
        result = check(JSON.parse(saved), questions, partners);
      } catch (e) {
        throw new Error("de gegevens zijn onleesbaar");
      }
      if (!result.card) throw new Error(result.error);
      return result.card;
    }

    function load() {
      var saved = storage.load(parseSaved);
      if (saved.unavailable) {
        show(loadNotice, "Deze browser laat niet toe dat de afsprakenkaart op dit apparaat wordt bewaard. " +
          "Sla de kaart op als bestand of druk hem af voordat je de pagina sluit.");
      } else if (saved.value) {
        fill(saved.value);
      } else if (saved.damaged) {
        // The damaged copy is kept aside, so nothing is lost; start with an empty card.
        show(loadNotice, "De afsprakenkaart die op dit apparaat bewaard was, kan niet worden geopend: " +
          saved.damaged + ". Er is een reservekopie van bewaard in deze browser. Je begint met een lege kaart.");
      }
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
      save();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    document.getElementById("card-print").addEventListener("click", function () { window.print(); });

    document.getElementById("card-clear").addEventListener("click", function () {
      askToConfirm("Alle antwoorden op deze kaart worden gewist, ook op dit apparaat. Dat kun je niet ongedaan maken. " +
        "Wil je de kaart bewaren? Kies dan eerst \u2018Opslaan als bestand\u2019.", "Ja, maak leeg").then(function (confirmed) {
        if (!confirmed) return;
        fill({ regio: "", datum: "", antwoorden: {} });
        save();
        reportDone("De afsprakenkaart is leeggemaakt.");
      });
    });

    document.getElementById("card-export").addEventListener("click", function () {
      var card = read();
      var name = (card.regio || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      var today = new Date().toISOString().slice(0, 10);
      var file = "afsprakenkaart-" + (name ? name + "-" : "") + today + ".json";
      rk.saveFile(file, "application/json", JSON.stringify(card, null, 2) + "\n");
      reportDone("De afsprakenkaart is opgeslagen als bestand \u201c" + file + "\u201d.");
    });

    importField.addEventListener("change", function () {
      var file = importField.files[0];
      importField.value = "";  // the same file can be chosen again
      if (!file) return;
      var refuse = function (error) {
        reportError("Het bestand \u201c" + file.name + "\u201d kan niet worden geopend: " + error +
          ". Je afsprakenkaart is niet veranderd.");
      };
      if (file.size > MAX_FILE_BYTES) {
        refuse("het is te groot voor een afsprakenkaart (" + Math.ceil(file.size / 1024) + " kB)");
        return;
      }
      file.text().then(function (text) {
        var result;
        try {
          result = check(JSON.parse(text), questions, partners);
        } catch (e) {
          result = { error: "het is geen afsprakenkaart (het bestand is beschadigd of heeft een ander formaat)" };
        }
        if (!result.card) { refuse(result.error); return; }
        var proceed = isEmpty(read()) ? Promise.resolve(true) :
          askToConfirm("De kaart uit het bestand vervangt wat nu op deze kaart staat.", "Ja, vervang mijn kaart");
        proceed.then(function (confirmed) {
          if (!confirmed) return;
          if (regionField === null) result.card.regio = fixedRegion;
          var skipped = fill(result.card);
          save();
          reportDone("De afsprakenkaart uit \u201c" + file.name + "\u201d is geopend." + (skipped ?
            " " + skipped + " antwoord(en) uit het bestand staan niet op deze kaart, omdat daar al een afspraak van de regio staat." : ""));
        });
      }, function () { refuse("het kan niet worden gelezen"); });
    });

    load();
  }

  rk.onPage("#card-form", setUp);

  // For the bespreken page, which copies an answer into this card's store.
  rk.agreementsCard = { check: check, KIND: KIND, VERSION: VERSION, MAX_ANSWER: MAX_ANSWER };
})();
