// Shared pieces every script of the site uses, defined once (loads first):
// - rk.onPage(selector, setUp): start a feature on each element it belongs to,
//   once per element, on every page view (Material's document$ where it runs);
// - rk.store(key): data kept in this browser only, where a copy that no longer
//   reads is moved aside to key + ":beschadigd" instead of being lost;
// - rk.saveFile(name, type, text): a file made in the browser (a Blob) and
//   handed to its download, so nothing is sent anywhere.
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

  return { onPage: onPage, store: store, saveFile: saveFile };
})();
