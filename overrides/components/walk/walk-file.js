// "Mijn handelingen" as a file for the bespreken page: every step's
// answers, ticked actions and choice, the role and the example, and the
// notes of questions no longer in the walk ("eerdere_teksten"), in a
// versioned format (checked by components/bespreken/bespreken-file.js).
// Part of the walk: walk-state.js, walk-summary.js, walk-file.js, walk.js.
(function () {
  "use strict";

  // The file's field names and these values are data in users' files: they
  // stay Dutch, like the afsprakenkaart's file.
  var KIND = "routekaart-handelingen";
  var VERSION = 1;

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  function labelOf(root, input) {
    return clean(root.querySelector('label[for="' + input.id + '"]').textContent);
  }

  // walk: { root, steps, state: () => the current state }; today: "jjjj-mm-dd"
  function actionsFile(walk, today) {
    var root = walk.root, state = walk.state();
    var example = state.fenomeen && root.querySelector('.rk-walk-example[data-phenomenon="' + CSS.escape(state.fenomeen) + '"]');
    var file = {
      soort: KIND,
      versie: VERSION,
      rol: state.rol || null,
      voorbeeld: example ? { id: state.fenomeen, titel: example.getAttribute("data-title") } : null,
      datum: today,
      stappen: []
    };
    walk.steps.forEach(function (section) {
      var id = section.getAttribute("data-step");
      var step = { stap: id, titel: section.getAttribute("data-label"), antwoorden: [], acties: [] };
      section.querySelectorAll("[data-note]").forEach(function (field) {
        var key = field.getAttribute("data-note");
        step.antwoorden.push({ veld: key, vraag: labelOf(section, field), antwoord: state.velden[key] || "" });
      });
      section.querySelectorAll("[data-action-field]").forEach(function (box) {
        var key = box.getAttribute("data-action-field");
        if (state.velden[key] === "ja") step.acties.push({ veld: key, titel: labelOf(section, box) });
      });
      if (section.querySelector('input[type="radio"]')) {
        var chosen = section.querySelector('input[type="radio"][value="' + CSS.escape(state.keuzes[id] || "") + '"]');
        step.keuze = chosen ? { optie: chosen.value, label: labelOf(section, chosen) } : null;
      }
      file.stappen.push(step);
    });
    // Notes of questions this version has no more: kept in the file, in a
    // field of their own that the bespreken page leaves aside.
    var earlier = rk.walk.earlierNotes(root, state);
    if (earlier.length) {
      file.eerdere_teksten = earlier.map(function (note) { return { veld: note[0], tekst: note[1] }; });
    }
    return file;
  }

  // "Online fraude" -> "online-fraude"
  function slug(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  // mijn-handelingen-politie-online-fraude-2026-12-01.json: one file per role
  // and example, the example named by its title, as everywhere else.
  // t: the walk's texts (rk.texts), which hold the name's words.
  function actionsFileName(file, t) {
    return [t("file_stem"), file.rol, file.voorbeeld ? slug(file.voorbeeld.titel) || file.voorbeeld.id : t("own_case_stem"),
      file.datum].filter(Boolean).join("-") + ".json";
  }

  rk.walk = rk.walk || {};
  rk.walk.actionsFile = actionsFile;
  rk.walk.actionsFileName = actionsFileName;
  rk.walk.FILE_KIND = KIND;
  rk.walk.FILE_VERSION = VERSION;
})();
