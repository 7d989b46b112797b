// The walk's saved state: its shape, and the check a saved copy must pass
// before it is used (a copy that fails is set aside by rk.store, never lost).
// Part of the walk: walk-state.js, walk-summary.js, walk.js.
(function () {
  "use strict";

  var VERSION = 1;

  // The state's field names (versie, velden, keuzes, fenomeen, rol) are data kept in
  // users' browsers under "routekaart:doorloop": they stay as they are.
  function emptyState() {
    return { versie: VERSION, velden: Object.create(null), keuzes: Object.create(null), fenomeen: null, rol: null };
  }

  // The saved state, or an Error whose message says what is wrong, in the
  // reader's words (t: the walk's texts, rk.texts).
  function parseState(raw, t) {
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      throw new Error(t("not_json"));
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      throw new Error(t("not_object"));
    }
    if (data.versie !== VERSION) {
      throw new Error(t("unknown_version", { version: JSON.stringify(data.versie) }));
    }
    ["velden", "keuzes"].forEach(function (part) {
      var value = data[part];
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        throw new Error(t("part_missing", { part: part }));
      }
      Object.keys(value).forEach(function (key) {
        if (typeof value[key] !== "string") {
          throw new Error(t("not_text", { field: part + "." + key }));
        }
      });
    });
    if (data.fenomeen !== null && data.fenomeen !== undefined && typeof data.fenomeen !== "string") {
      throw new Error(t("not_text", { field: "fenomeen" }));
    }
    if (data.rol !== null && data.rol !== undefined && typeof data.rol !== "string") {
      throw new Error(t("not_text", { field: "rol" }));
    }
    // Own keys only, into objects without inherited names ("constructor").
    function copy(part) {
      var out = Object.create(null);
      Object.keys(data[part]).forEach(function (key) { out[key] = data[part][key]; });
      return out;
    }
    return { versie: VERSION, velden: copy("velden"), keuzes: copy("keuzes"), fenomeen: data.fenomeen || null,
      rol: data.rol || null };
  }

  // The state as named fields for rk.fields (several tabs keep one walk):
  // "v" + a note or box, "k" + a step's choice, "fenomeen" and "rol".
  function stateCodec(t) {
    return { parse: function (raw) { return parseState(raw, t); }, toFields: toFields, fromFields: fromFields };
  }

  function toFields(state) {
    var fields = new Map([["fenomeen", state.fenomeen || ""], ["rol", state.rol || ""]]);
    Object.keys(state.velden).forEach(function (key) { fields.set("v" + key, state.velden[key]); });
    Object.keys(state.keuzes).forEach(function (key) { fields.set("k" + key, state.keuzes[key]); });
    return fields;
  }

  function fromFields(fields) {
    var state = emptyState();
    fields.forEach(function (value, name) {
      if (!value) return;
      if (name === "fenomeen" || name === "rol") state[name] = value;
      else if (name.charAt(0) === "v") state.velden[name.slice(1)] = value;
      else if (name.charAt(0) === "k") state.keuzes[name.slice(1)] = value;
    });
    return state;
  }

  // The notes and boxes of the state this page has no field for (a question
  // or step of an earlier version), in their order: [[key, text]]. They stay
  // stored, and are shown and exported apart.
  function earlierNotes(root, state) {
    var known = new Set();
    root.querySelectorAll("[data-note], [data-action-field]").forEach(function (node) {
      known.add(node.getAttribute("data-note") || node.getAttribute("data-action-field"));
    });
    return Object.keys(state.velden).filter(function (key) { return !known.has(key) && state.velden[key]; })
      .map(function (key) { return [key, state.velden[key]]; });
  }

  rk.walk = rk.walk || {};
  rk.walk.earlierNotes = earlierNotes;
  rk.walk.store = rk.store("routekaart:doorloop");  // the storage key: data, kept
  rk.walk.emptyState = emptyState;
  rk.walk.stateCodec = stateCodec;
})();
