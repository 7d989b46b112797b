// The walk's saved state: its shape, and the check a saved copy must pass
// before it is used (a copy that fails is set aside by rk.store, never lost).
// Part of the walk: walk-state.js, walk-summary.js, walk.js.
(function () {
  "use strict";

  var VERSION = 1;
  var MAX_NOTE = 20000;

  // The state's field names (versie, velden, keuzes, fenomeen, rol) are data kept in
  // users' browsers under "routekaart:doorloop": they stay as they are.
  function emptyState() {
    return { versie: VERSION, velden: {}, keuzes: {}, fenomeen: null, rol: null };
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
    if (data.rol !== null && data.rol !== undefined && typeof data.rol !== "string") {
      throw new Error("'rol' is geen tekst");
    }
    return { versie: VERSION, velden: data.velden, keuzes: data.keuzes, fenomeen: data.fenomeen || null,
      rol: data.rol || null };
  }

  rk.walk = rk.walk || {};
  rk.walk.store = rk.store("routekaart:doorloop");  // the storage key: data, kept
  rk.walk.emptyState = emptyState;
  rk.walk.parseState = parseState;
  rk.walk.MAX_NOTE = MAX_NOTE;
})();
