// A file "mijn handelingen" (made by components/walk/walk-file.js), checked
// against this site's steps, questions, choices and roles before the
// bespreken page shows it. Every fault gets its own message in plain Dutch
// (content/teksten.yml, block bespreken).
(function () {
  "use strict";

  // The file's field names and kind are data in users' files: they stay Dutch.
  var KIND = "routekaart-handelingen";
  var CARD_KIND = "routekaart-afsprakenkaart";
  var VERSION = 1;
  var MAX_TITLE = 200;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDate(value) {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  function quote(text) {
    return "\u201c" + String(text).slice(0, 60) + "\u201d";
  }

  // The steps, fields, options and roles the page knows, read from
  // .rk-discuss-model (rendered from content/), and the page's words
  // (model.t, rk.texts). Every lookup by a name read
  // from a file goes through objects without inherited names, so a file's
  // "constructor" or "__proto__" is as unknown as any other name.
  function readModel(node) {
    var model = { steps: [], step: Object.create(null), roles: Object.create(null), roleOrder: [],
      partnerNames: Object.create(null), examples: Object.create(null),
      participant: node.getAttribute("data-participant"), t: rk.texts(node) };
    node.querySelectorAll("[data-phenomenon]").forEach(function (p) {
      model.examples[p.getAttribute("data-phenomenon")] = p.textContent.trim();
    });
    node.querySelectorAll("[data-role]").forEach(function (p) {
      model.roles[p.getAttribute("data-role")] = { label: p.textContent.trim(), partner: p.getAttribute("data-partner") };
      model.roleOrder.push(p.getAttribute("data-role"));
    });
    node.querySelectorAll("[data-partner-name]").forEach(function (p) {
      model.partnerNames[p.getAttribute("data-partner-name")] = p.textContent.trim();
    });
    node.querySelectorAll("[data-step]").forEach(function (div) {
      var step = {
        id: div.getAttribute("data-step"), label: div.getAttribute("data-label"),
        cardQuestion: div.getAttribute("data-card-question"),
        decision: div.getAttribute("data-decision"), fields: [], field: Object.create(null), options: [],
        option: Object.create(null)
      };
      div.querySelectorAll("[data-field]").forEach(function (p) {
        var field = { key: p.getAttribute("data-field"), text: p.textContent.trim(), group: p.getAttribute("data-group") };
        step.fields.push(field);
        step.field[field.key] = field;
      });
      div.querySelectorAll("[data-option]").forEach(function (p) {
        step.options.push(p.getAttribute("data-option"));
        step.option[p.getAttribute("data-option")] = p.textContent.trim();
      });
      model.steps.push(step);
      model.step[step.id] = step;
    });
    model.maxFiles = Number(node.getAttribute("data-max-files"));
    return model;
  }

  // {file: {rol, voorbeeld, datum, steps: {id: {answers, actions, choice}}}}
  // or {error: what is wrong}.
  function parse(text, model) {
    var t = model.t;
    if (/[\u0000\ufffd]/.test(text)) return { error: t("not_text") };
    if (!text.trim()) return { error: t("empty") };
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { error: t("not_json") };
    }
    if (!isObject(data)) return { error: t("no_actions") };
    if (data.soort === CARD_KIND) return { error: t("is_card") };
    if (data.soort !== KIND) return { error: t("not_actions") };
    if (typeof data.versie !== "number") return { error: t("no_version") };
    if (data.versie > VERSION) return { error: t("newer_version", { version: data.versie }) };
    if (data.versie !== VERSION) return { error: t("unknown_version", { version: data.versie }) };
    if (data.rol !== null && typeof data.rol !== "string") return { error: t("role_not_text") };
    if (data.rol !== null && !model.roles[data.rol]) return { error: t("unknown_role", { role: quote(data.rol) }) };
    var example = data.voorbeeld;
    if (example !== null && (!isObject(example) || typeof example.id !== "string" || typeof example.titel !== "string" ||
        !/^[a-z0-9-]{1,100}$/.test(example.id) || example.titel.length > MAX_TITLE)) {
      return { error: t("example_unreadable") };
    }
    if (!isDate(data.datum)) return { error: t("bad_date") };
    if (!Array.isArray(data.stappen)) return { error: t("no_steps") };
    var steps = Object.create(null);
    for (var i = 0; i < data.stappen.length; i++) {
      var result = parseStep(data.stappen[i], model, steps);
      if (result.error) return result;
      steps[result.id] = result.step;
    }
    return { file: { rol: data.rol, voorbeeld: example, datum: data.datum, steps: steps } };
  }

  function parseStep(entry, model, seen) {
    var t = model.t;
    if (!isObject(entry) || typeof entry.stap !== "string") return { error: t("step_unreadable") };
    var known = model.step[entry.stap];
    if (!known) return { error: t("unknown_step", { step: quote(entry.stap) }) };
    if (seen[entry.stap]) return { error: t("step_twice", { step: quote(entry.stap) }) };
    var label = known.label;
    if (!Array.isArray(entry.antwoorden) || !Array.isArray(entry.acties)) return { error: t("not_lists", { step: label }) };
    var step = { answers: Object.create(null), actions: Object.create(null), choice: null };
    for (var i = 0; i < entry.antwoorden.length; i++) {
      var answer = entry.antwoorden[i];
      if (!isObject(answer) || typeof answer.veld !== "string" || typeof answer.antwoord !== "string") {
        return { error: t("answer_not_text", { step: label }) };
      }
      if (!known.field[answer.veld] || known.field[answer.veld].group) {
        return { error: t("unknown_question", { field: quote(answer.veld), step: label }) };
      }
      if (answer.antwoord) step.answers[answer.veld] = answer.antwoord;
    }
    for (var j = 0; j < entry.acties.length; j++) {
      var action = entry.acties[j];
      if (!isObject(action) || typeof action.veld !== "string") return { error: t("action_unreadable", { step: label }) };
      if (!known.field[action.veld] || !known.field[action.veld].group) {
        return { error: t("unknown_action", { field: quote(action.veld), step: label }) };
      }
      step.actions[action.veld] = true;
    }
    if (entry.keuze !== undefined && entry.keuze !== null) {
      if (!isObject(entry.keuze) || typeof entry.keuze.optie !== "string") return { error: t("choice_unreadable", { step: label }) };
      if (!known.decision || !known.option[entry.keuze.optie]) {
        return { error: t("unknown_choice", { option: quote(entry.keuze.optie), step: label }) };
      }
      step.choice = entry.keuze.optie;
    }
    return { id: entry.stap, step: step };
  }

  rk.discuss = rk.discuss || {};
  rk.discuss.readModel = readModel;
  rk.discuss.parse = parse;
  rk.discuss.MAX_BYTES = 16 * 1024 * 1024;  // a walk's notes have no limit of their own
})();
