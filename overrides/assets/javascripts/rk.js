// Shared pieces every script of the site uses, defined once (loads first):
// - rk.onPage(selector, setUp): start a feature on each element it belongs to,
//   once per element, on every page view (Material's document$ where it runs);
// - rk.store(key, session): data kept in this browser only (sessionStorage when
//   `session`), where a copy that no longer reads is moved aside to
//   key + ":beschadigd" (then ":beschadigd:2", ...: a backup is never
//   overwritten) instead of being lost;
// - rk.fields(store, codec, damaged): a saved copy written field by field, so
//   tabs that save the same copy keep each other's text (see there);
// - rk.saveWarning(keep): the "not saved" warning next to the field typed in;
// - rk.damageNotice(store, message, fileName): says a copy was set aside, with
//   a download button for every backup;
// - rk.words(name): a sentence of content/opslag.yml, by its attribute on
//   <meta name="rk-storage-words"> (main.html): rk.words("not-saved");
// - rk.today(): the reader's own calendar date as jjjj-mm-dd;
// - rk.saveFile(name, type, text): a file made in the browser (a Blob) and
//   handed to its download, so nothing is sent anywhere;
// - rk.ask(dialog, yes, no, first): open a modal <dialog> with focus on
//   `first`; resolves true for `yes`, false for `no` or Escape; focus goes
//   back where it was;
// - rk.role: the reader's role ("Ik ben ..."), kept on this device only.
//   rk.role.get() is a role id of content/rollen.yml or null; set(id) and
//   clear() change it and fire "rk:role" on document (detail: {role});
//   rk.role.kept is its rk.store, for a notice about a damaged copy.
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

  function store(key, session) {
    var backup = key + ":beschadigd";
    function area() { return session ? window.sessionStorage : window.localStorage; }
    function backupKeys() {
      var keys = [];
      for (var n = 1; ; n++) {
        var name = n === 1 ? backup : backup + ":" + n;
        if (area().getItem(name) === null) return keys;
        keys.push(name);
      }
    }
    var self = {
      key: key,
      // { value } for a copy that `read` accepts, { missing: true }, or
      // { unavailable: true } when the browser keeps nothing, or
      // { damaged: reason } after moving a copy `read` throws on aside.
      load: function (read) {
        var raw;
        try {
          raw = area().getItem(key);
        } catch (e) {
          return { unavailable: true };
        }
        if (raw === null) return { missing: true };
        try {
          return { value: read(raw) };
        } catch (e) {
          try {
            var keys = backupKeys();
            area().setItem(keys.length ? backup + ":" + (keys.length + 1) : backup, raw);
            area().removeItem(key);
          } catch (ignored) { /* the caller's notice still says what happened */ }
          return { damaged: e.message };
        }
      },
      // Throws when the browser refuses (private mode, storage full).
      save: function (value) { area().setItem(key, JSON.stringify(value)); },
      remove: function () { area().removeItem(key); },
      // Every copy set aside, oldest first.
      damagedCopies: function () {
        try {
          return backupKeys().map(function (name) { return area().getItem(name); });
        } catch (e) { return []; }
      },
      damagedCopy: function () { return self.damagedCopies()[0] || null; },
      removeDamagedCopy: function () {
        backupKeys().forEach(function (name) { area().removeItem(name); });
      }
    };
    return self;
  }

  // A saved copy seen as named text fields ("" is empty), so that several tabs
  // can keep one copy: a save writes only the fields this tab changed since it
  // last saw the copy, over what is stored now, and another tab's save shows
  // here at once (the storage event). A field changed in two tabs keeps both
  // texts, one after the other, so neither is lost.
  // codec: { parse(raw) -> value (throws on damage), toFields(value) -> Map,
  //          fromFields(Map) -> value, or null for a copy with nothing in it }.
  // damaged(reason): another tab stored a copy that does not read; it is set
  // aside (rk.store) and this tab's fields are stored again in its place.
  function fields(saved, codec, damaged) {
    var seen = new Map();  // the stored fields as this tab last saw them

    function get(map, name) { return map.has(name) ? map.get(name) : ""; }

    // The stored fields, or null when the stored copy was damaged: then
    // nothing counts as stored, so this tab's next save writes all it shows.
    function stored() {
      var found = saved.load(codec.parse);
      if (found.unavailable) throw new Error("unavailable");
      if (found.damaged) {
        seen = new Map();
        if (damaged) damaged(found.damaged);
        return null;
      }
      return found.value ? codec.toFields(found.value) : new Map();
    }

    var self = {
      seen: function (value) { seen = value ? codec.toFields(value) : new Map(); },
      // own: Map of the fields this tab shows. Returns { fields: the copy as
      // now stored, conflicts: names changed in another tab as well }.
      // Throws when the browser refuses to keep it.
      save: function (own) {
        var current = stored() || new Map();
        var conflicts = [];
        own.forEach(function (value, name) {
          var before = get(seen, name);
          if (value === before) return;  // not changed in this tab
          var theirs = get(current, name);
          if (theirs !== before && theirs !== value && theirs !== "" && value.indexOf(theirs) < 0) {
            value = value ? value + "\n\n" + words("separator") + "\n" + theirs : theirs;
            conflicts.push(name);
          }
          current.set(name, value);
        });
        var value = codec.fromFields(current);
        if (value === null) saved.remove();
        else saved.save(value);
        seen = current;
        return { fields: current, conflicts: conflicts };
      },
      // apply(name, value) for every field another tab changed that this tab
      // has not changed since; then done(the stored fields).
      listen: function (own, apply, done) {
        window.addEventListener("storage", function (event) {
          if (event.key !== null && event.key !== saved.key) return;
          var now;
          try { now = stored(); } catch (e) { return; }
          if (now === null) {  // keep what this tab shows, and store it again at once
            try { self.save(own()); } catch (e) { /* the next save by typing warns */ }
            return;
          }
          var mine = own();
          var names = new Set(Array.from(now.keys()).concat(Array.from(seen.keys())));
          names.forEach(function (name) {
            var before = get(seen, name);
            if (get(now, name) !== before && mine.has(name) && get(mine, name) === before) {
              apply(name, get(now, name));
            }
          });
          seen = now;
          if (done) done(now);
        });
      }
    };
    return self;
  }

  function words(name) {
    var meta = document.querySelector('meta[name="rk-storage-words"]');
    return (meta && meta.getAttribute("data-" + name)) || "";
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function button(text, onClick) {
    var b = el("button", text, "rk-button rk-button--compact");
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // The warning that saving failed, placed right after the field typed in, so
  // it is seen on a phone too; announced (role=alert) when it appears or
  // moves. keep(): makes the file that keeps the text (the page's own export).
  function saveWarning(keep) {
    var box = el("div", null, "rk-notice rk-notice--error rk-save-warning");
    box.setAttribute("role", "alert");
    var after = null;
    return {
      failed: function (field) {
        // A text field has the warning right under it, a box under its own line, a choice under its group.
        var place = !field || !field.closest ? null : field.tagName === "TEXTAREA" || field.type === "text" ||
          field.type === "date" ? field : field.type === "checkbox" ? field.parentNode
          : field.closest("fieldset") || field.parentNode;
        if (box.isConnected && after === place) return;
        after = place;
        box.remove();
        box.textContent = "";
        box.appendChild(el("p", words("not-saved")));
        box.appendChild(button(words("save-button"), keep));
        if (!place || !place.isConnected) return;
        place.insertAdjacentElement("afterend", box);
        box.scrollIntoView({ block: "nearest" });  // in sight under the field, also on a phone
      },
      saved: function () {
        after = null;
        box.remove();
      }
    };
  }

  // A notice that a saved copy was set aside: `message`, then a download
  // button for every backup (fileName.txt, or fileName-1.txt, fileName-2.txt
  // when there are more). Returns the nodes to show.
  function damageNotice(saved, message, fileName) {
    var nodes = [el("p", message)];
    saved.damagedCopies().forEach(function (text, i, all) {
      var label = words("download-damaged") + (all.length > 1 ? " (" + (i + 1) + ")" : "");
      nodes.push(button(label, function () {
        saveFile(fileName + (all.length > 1 ? "-" + (i + 1) : "") + ".txt", "text/plain;charset=utf-8", text);
      }));
    });
    return nodes;
  }

  // A component's words (content/teksten.yml), handed over by its template as
  // JSON in data-texts on the element or an ancestor; the shared scripts'
  // block sits on <meta name="rk-site-texts"> (main.html).
  // var t = rk.texts(root); t("saved"); t("files_open", { n: 3 }).
  function texts(element) {
    var holder = (element && element.closest("[data-texts]")) ||
      document.querySelector('meta[name="rk-site-texts"]');
    var block = holder ? JSON.parse(holder.getAttribute("data-texts")) : {};
    return function (key, values) {
      if (!Object.prototype.hasOwnProperty.call(block, key)) throw new Error("content/teksten.yml: no text " + key);
      return block[key].replace(/\{(\w+)\}/g, function (all, name) {
        return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
      });
    };
  }

  // Local, not UTC: a file saved at 00:30 in Amsterdam carries that day.
  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
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

  // The roles a page knows are in <meta name="rk-roles"> (main.html): a role removed from content/ counts as none.
  var ROLE_KEY = "routekaart:rol";  // stored data: keep the key as it is
  var role = {
    kept: store(ROLE_KEY),
    known: function () {
      var meta = document.querySelector('meta[name="rk-roles"]');
      return meta ? meta.content.split(" ") : [];
    },
    get: function () {
      var found = store(ROLE_KEY).load(function (raw) {
        var value = JSON.parse(raw), t = texts();
        if (typeof value !== "string") throw new Error(t("role_not_text"));
        return value;
      });
      return found.value && role.known().indexOf(found.value) >= 0 ? found.value : null;
    },
    set: function (id) {
      var t = texts();  // why a role cannot be kept: content/teksten.yml, block `site`
      if (role.known().indexOf(id) < 0) throw new Error(t("role_unknown", { id: id }));
      store(ROLE_KEY).save(id);
      document.dispatchEvent(new CustomEvent("rk:role", { detail: { role: id } }));
    },
    clear: function () {
      store(ROLE_KEY).remove();
      document.dispatchEvent(new CustomEvent("rk:role", { detail: { role: null } }));
    }
  };

  return { onPage: onPage, store: store, fields: fields, saveWarning: saveWarning, damageNotice: damageNotice,
    words: words, texts: texts, today: today, saveFile: saveFile, ask: ask, role: role };
})();
