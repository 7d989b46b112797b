// Handelingen bespreken: opens several files "mijn handelingen" at once
// (read in this browser with File.text(), never sent), keeps them for this
// tab (sessionStorage), lists them by example and role, and sets the page up.
// bespreken-file.js checks each file, bespreken-view.js shows them with the
// choices at the forks compared first, and bespreken-card.js copies an answer
// into the afsprakenkaart's own store. Loads after those three.
(function () {
  "use strict";

  var el = rk.discuss.el, quote = rk.discuss.quote;

  function setUp(root) {
    var model = rk.discuss.readModel(root.querySelector("#rk-discuss-model"));
    var t = rk.texts(root);
    var sessionKey = root.getAttribute("data-storage-key");
    var kept = rk.store(sessionKey, true);
    var input = root.querySelector("#rk-discuss-input");
    var errors = root.querySelector("#rk-discuss-errors");
    var status = root.querySelector("#rk-discuss-status");
    var list = root.querySelector("#rk-discuss-files");
    var view = root.querySelector("#rk-discuss-view");
    var opened = [];  // {name, text, file}
    var counter = 0;

    root.querySelector(".rk-discuss-open").hidden = false;

    function showErrors(messages) {
      errors.textContent = "";
      errors.hidden = !messages.length;
      if (!messages.length) return;
      var ul = el("ul");
      messages.forEach(function (m) { ul.appendChild(el("li", m)); });
      errors.appendChild(ul);
      if (opened.length) errors.appendChild(el("p", t("still_open")));
    }

    // Returns a warning when the browser does not keep them (too large, or not allowed).
    function keep() {
      try {
        sessionStorage.setItem(sessionKey, JSON.stringify(opened.map(function (o) { return { naam: o.name, tekst: o.text }; })));
        return "";
      } catch (e) {
        return " " + t("not_kept");
      }
    }

    // --- opening --------------------------------------------------------------
    function refusal(name, reason) {
      return t("file_refused", { name: quote(name), reason: reason });
    }

    function add(name, text, messages) {
      function refuse(reason) { messages.push(refusal(name, reason)); }
      if (opened.some(function (o) { return o.text === text; })) { refuse(t("already_open")); return; }
      if (opened.length >= model.maxFiles) { refuse(t("too_many", { max: model.maxFiles })); return; }
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
          return Promise.resolve({ name: file.name, error: t("too_large", { size: Math.ceil(file.size / 1024) }) });
        }
        if (file.size === 0) return Promise.resolve({ name: file.name, error: t("empty") });
        return file.text().then(function (text) { return { name: file.name, text: text }; },
          function () { return { name: file.name, error: t("unreadable") }; });
      });
      Promise.all(reads).then(function (results) {
        results.forEach(function (r) {
          if (r.error) messages.push(refusal(r.name, r.error));
          else add(r.name, r.text, messages);
        });
        var added = opened.length - before;
        showErrors(messages);
        status.textContent = added ? (added === 1 ? t("opened_one") : t("opened_many", { n: added })) +
          " " + t("open_now", { n: opened.length }) + keep() : "";
        render();
      });
    });

    // A list that no longer reads is set aside (rk.store), said, and can be downloaded.
    function restore() {
      var saved = kept.load(function (raw) {
        var list;
        try {
          list = JSON.parse(raw);
        } catch (e) {
          throw new Error(t("list_unreadable"));
        }
        if (!Array.isArray(list) || !list.every(function (s) {
          return s && typeof s.naam === "string" && typeof s.tekst === "string";
        })) throw new Error(t("list_unreadable"));
        return list;
      });
      var messages = [];
      (saved.value || []).forEach(function (s) { add(s.naam, s.tekst, messages); });
      showErrors(messages);
      if (saved.damaged) {
        rk.damageNotice(kept, rk.words("list-damaged"), "bespreken-beschadigd").forEach(function (node) {
          errors.appendChild(node);
        });
        errors.hidden = false;
      }
    }

    // --- the list of opened files ---------------------------------------------
    function renderList() {
      list.textContent = "";
      root.querySelector(".rk-discuss-none").hidden = opened.length > 0;
      sorted().forEach(function (o) {
        var li = el("li");
        var example = o.file.voorbeeld ? t("list_example", { title: exampleTitle(o) }) : t("list_own_case");
        li.appendChild(el("span", rk.discuss.roleLabel(model, o.file) + ": " + o.name + " (" + example + ", " + o.file.datum + ") "));
        var close = el("button", t("close"), "rk-button rk-button--outline rk-button--compact");
        close.type = "button";
        close.appendChild(el("span", " " + o.name, "rk-sr"));
        close.addEventListener("click", function () {
          opened = opened.filter(function (x) { return x !== o; });
          showErrors([]);
          status.textContent = t("closed", { name: quote(o.name) }) + keep();
          render();
          root.querySelector("#geopende-bestanden").focus();
        });
        li.appendChild(close);
        list.appendChild(li);
      });
    }

    // An example goes by this site's title for it (the routekaart's own), also
    // when a file names it otherwise.
    function exampleTitle(o) {
      return model.examples[o.file.voorbeeld.id] || o.file.voorbeeld.titel;
    }

    // By example (eigen casus last), then by role in the order of
    // content/rollen.yml, then by file name in natural order (deelnemer-2
    // before deelnemer-10).
    function sorted() {
      function exampleKey(o) { return o.file.voorbeeld ? "0" + exampleTitle(o) : "1"; }
      function roleKey(o) { return o.file.rol ? model.roleOrder.indexOf(o.file.rol) : model.roleOrder.length; }
      return opened.slice().sort(function (a, b) {
        return exampleKey(a).localeCompare(exampleKey(b)) || roleKey(a) - roleKey(b) ||
          a.name.localeCompare(b.name, "nl", { numeric: true });
      });
    }

    // Each file's label in its example's comparison: its role, and a number
    // when the role is there more than once ("politie, deelnemer 2").
    function groups() {
      var out = [];
      sorted().forEach(function (o) {
        var key = o.file.voorbeeld ? o.file.voorbeeld.id : "";
        var last = out[out.length - 1];
        if (last && last.key === key) last.files.push(o);
        else out.push({ key: key, title: o.file.voorbeeld ? t("example_heading", { title: exampleTitle(o) }) : t("own_case"),
          files: [o] });
      });
      out.forEach(function (group) {
        var count = {}, seen = {};
        group.files.forEach(function (o) { count[o.file.rol] = (count[o.file.rol] || 0) + 1; });
        group.files.forEach(function (o) {
          seen[o.file.rol] = (seen[o.file.rol] || 0) + 1;
          o.label = rk.discuss.roleLabel(model, o.file) +
            (count[o.file.rol] > 1 ? ", " + model.participant + " " + seen[o.file.rol] : "");
        });
      });
      return out;
    }

    // --- the comparison and the afsprakenkaart (bespreken-view.js, bespreken-card.js)
    var copyToCard = rk.discuss.cardCopier({ root: root, model: model, status: status,
      showErrors: showErrors });

    // The filter: only the questions somebody answered (bespreken.css).
    var filter = root.querySelector("#rk-discuss-filter");
    var answeredOnly = root.querySelector("#rk-discuss-answered-only");
    answeredOnly.addEventListener("change", function () {
      view.classList.toggle("rk-discuss-view--answered-only", answeredOnly.checked);
    });

    function render() {
      renderList();
      filter.hidden = !opened.length;
      rk.discuss.renderComparison(view, groups(), model, copyToCard);
    }

    restore();
    render();
  }

  rk.onPage("#rk-discuss", setUp);
})();
