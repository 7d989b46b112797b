// Shared pieces every script of the site uses, defined once (loads first):
// - rk.onPage(selector, setUp): start a feature on each element it belongs to,
//   once per element, on every page view (Material's document$ where it runs);
// - rk.store(key): data kept in this browser only, where a copy that no longer
//   reads is moved aside to key + ":beschadigd" instead of being lost;
// - rk.saveFile(name, type, text): a file made in the browser (a Blob) and
//   handed to its download, so nothing is sent anywhere;
// - rk.ask(dialog, yes, no, first): open a modal <dialog> with focus on
//   `first`; resolves true for `yes`, false for `no` or Escape; focus goes
//   back where it was;
// - rk.role: the reader's role ("Ik ben ..."), kept on this device only.
//   rk.role.get() is a role id of content/rollen.yml or null; set(id) and
//   clear() change it and fire "rk:role" on document (detail: {role}).
window.rk = (function () {
  "use strict";

  function onPage(selector, setUp) {
    function run() {
      document.querySelectorAll(selector).forEach(function (element) {
        if (element.hasAttribute("data-rk-started")) return;
        element.setAttribute("data-rk-started", "");
        setUp(element);
      });
    }
    if (window.document$) window.document$.subscribe(run);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  function store(key) {
    var backup = key + ":beschadigd";
    return {
      // { value } for a copy that `read` accepts, { missing: true }, or
      // { unavailable: true } when the browser keeps nothing, or
      // { damaged: reason } after moving a copy `read` throws on aside.
      load: function (read) {
        var raw;
        try {
          raw = localStorage.getItem(key);
        } catch (e) {
          return { unavailable: true };
        }
        if (raw === null) return { missing: true };
        try {
          return { value: read(raw) };
        } catch (e) {
          try {
            localStorage.setItem(backup, raw);
            localStorage.removeItem(key);
          } catch (ignored) { /* the caller's notice still says what happened */ }
          return { damaged: e.message };
        }
      },
      // Throws when the browser refuses (private mode, storage full).
      save: function (value) { localStorage.setItem(key, JSON.stringify(value)); },
      remove: function () { localStorage.removeItem(key); },
      damagedCopy: function () {
        try { return localStorage.getItem(backup); } catch (e) { return null; }
      },
      removeDamagedCopy: function () { localStorage.removeItem(backup); }
    };
  }

  function saveFile(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

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

  // The roles a page knows are listed in <meta name="rk-roles"> (main.html),
  // so a role removed from content/ since it was chosen counts as none.
  var ROLE_KEY = "routekaart:rol";  // stored data: keep the key as it is
  var role = {
    known: function () {
      var meta = document.querySelector('meta[name="rk-roles"]');
      return meta ? meta.content.split(" ") : [];
    },
    get: function () {
      var found = store(ROLE_KEY).load(function (raw) {
        var value = JSON.parse(raw);
        if (typeof value !== "string") throw new Error("de opgeslagen rol is geen tekst");
        return value;
      });
      return found.value && role.known().indexOf(found.value) >= 0 ? found.value : null;
    },
    set: function (id) {
      if (role.known().indexOf(id) < 0) throw new Error("onbekende rol " + id);
      store(ROLE_KEY).save(id);
      document.dispatchEvent(new CustomEvent("rk:role", { detail: { role: id } }));
    },
    clear: function () {
      store(ROLE_KEY).remove();
      document.dispatchEvent(new CustomEvent("rk:role", { detail: { role: null } }));
    }
  };

  return { onPage: onPage, store: store, saveFile: saveFile, ask: ask, role: role };
})();
