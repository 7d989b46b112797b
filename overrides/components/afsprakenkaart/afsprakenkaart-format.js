// The afsprakenkaart's format, in a file and in this browser's storage: the
// check every card passes before it is used (check), and the card as named
// fields for rk.fields (codec), so tabs save it field by field. Used by
// afsprakenkaart.js and by the bespreken page (bespreken-card.js).
(function () {
  "use strict";

  // The saved file's format: its field names (soort, versie, regio, datum,
  // antwoorden) and these values are data in users' files, so they stay Dutch.
  var KIND = "routekaart-afsprakenkaart";
  var VERSION = 1;
  // No limit cuts a text: a card with long answers must open again from its
  // own file, and 16 MB is more than a browser keeps of one site.
  var MAX_FILE_BYTES = 16 * 1024 * 1024;

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
  // partners. Returns {card} or {error: what is wrong, in plain Dutch}. A
  // card kept on this device (`kept`) may hold questions and partners this
  // version no longer has: those texts are the reader's and are kept too.
  // Names read from the card are looked up as own keys only (null-prototype
  // objects), so "constructor" or "__proto__" is just an unknown name.
  function check(data, questions, partners, kept) {
    // Its words are the shared scripts' (content/teksten.yml, block site):
    // the afsprakenkaart and the bespreken page both check cards.
    var t = rk.texts(null);
    if (!isObject(data)) return { error: t("card_not_a_card") };
    if (data.soort !== KIND) return { error: t("card_other_kind") };
    if (typeof data.versie !== "number") return { error: t("card_no_version") };
    if (data.versie > VERSION) {
      return { error: t("card_newer_version", { version: data.versie }) };
    }
    if (data.versie !== VERSION) return { error: t("card_unknown_version", { version: data.versie }) };
    var region = data.regio === undefined ? "" : data.regio;
    if (typeof region !== "string") return { error: t("card_region_not_text") };
    var date = data.datum === undefined ? "" : data.datum;
    if (typeof date !== "string" || (date !== "" && !isDate(date))) {
      return { error: t("card_bad_date") };
    }
    if (!isObject(data.antwoorden)) return { error: t("card_no_answers") };
    var answers = Object.create(null);
    var questionIds = Object.keys(data.antwoorden);
    for (var i = 0; i < questionIds.length; i++) {
      var question = questionIds[i];
      if (!kept && questions.indexOf(question) < 0) return { error: t("card_unknown_question", { question: question }) };
      var byPartner = data.antwoorden[question];
      if (!isObject(byPartner)) return { error: t("card_unreadable_question", { question: question }) };
      var partnerIds = Object.keys(byPartner);
      for (var j = 0; j < partnerIds.length; j++) {
        var partner = partnerIds[j];
        var text = byPartner[partner];
        if (!kept && partners.indexOf(partner) < 0) return { error: t("card_unknown_partner", { partner: partner }) };
        if (typeof text !== "string") {
          return { error: t("card_answer_not_text", { partner: partner, question: question }) };
        }
        if (text) {
          answers[question] = answers[question] || Object.create(null);
          answers[question][partner] = text;
        }
      }
    }
    return { card: { soort: KIND, versie: VERSION, regio: region, datum: date, antwoorden: answers } };
  }

  // The card as named fields for rk.fields: "regio", "datum" and one per
  // cell, a["question","partner"] (also for cells this version lacks).
  function cellName(question, partner) { return "a" + JSON.stringify([question, partner]); }

  function cardCodec(questions, partners, fixedRegion) {
    return {
      parse: function (raw) {
        var result, t = rk.texts(null);
        try {
          result = check(JSON.parse(raw), questions, partners, true);
        } catch (e) {
          throw new Error(t("card_unreadable"));
        }
        if (!result.card) throw new Error(result.error);
        return result.card;
      },
      toFields: function (card) {
        var fields = new Map([["regio", card.regio], ["datum", card.datum]]);
        Object.keys(card.antwoorden).forEach(function (question) {
          Object.keys(card.antwoorden[question]).forEach(function (partner) {
            fields.set(cellName(question, partner), card.antwoorden[question][partner]);
          });
        });
        return fields;
      },
      fromFields: function (fields) {
        var card = { soort: KIND, versie: VERSION, regio: "", datum: "", antwoorden: Object.create(null) };
        var filled = false;
        fields.forEach(function (value, name) {
          if (!value) return;
          if (name === "regio") { card.regio = value; filled = filled || !fixedRegion; return; }
          filled = true;
          if (name === "datum") { card.datum = value; return; }
          var cell = JSON.parse(name.slice(1));
          card.antwoorden[cell[0]] = card.antwoorden[cell[0]] || Object.create(null);
          card.antwoorden[cell[0]][cell[1]] = value;
        });
        return filled ? card : null;
      }
    };
  }

  rk.agreementsCard = { check: check, codec: cardCodec, cellName: cellName, dateNl: dateNl,
    KIND: KIND, VERSION: VERSION, MAX_FILE_BYTES: MAX_FILE_BYTES };
})();
