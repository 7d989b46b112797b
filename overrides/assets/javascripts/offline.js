// Registers the service worker (sw.js, written at build time) so the site
// works offline after one visit, and says so politely when a new version of
// the content has taken over. Not on file:// (the offline folder needs none)
// and not under `mkdocs serve`, where a cache would only hide changes.
(function () {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;

  // This file is assets/javascripts/offline.js: the site root is two up.
  // A relative URL keeps the site working under any sub-path.
  var root = new URL("../../", document.currentScript.src);

  var notice = null;
  var t = rk.texts();  // the shared scripts' words: <meta name="rk-site-texts">

  function showUpdated() {
    if (notice) return;
    // The live region goes in empty and gets its text a moment later, so
    // screen readers announce it; it exists only while there is news.
    notice = document.createElement("div");
    notice.className = "rk-updated";
    notice.setAttribute("role", "status");
    document.body.appendChild(notice);
    var text = document.createElement("p");
    text.textContent = t("updated");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "rk-updated__close";
    close.textContent = t("close");
    close.addEventListener("click", function () {
      notice.remove();
    });
    setTimeout(function () { notice.append(text, close); }, 100);
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    // The message's type is sent by sw.js, also to pages of an older build
    // still open: it stays "routekaart-bijgewerkt".
    if (event.data && event.data.type === "routekaart-bijgewerkt") showUpdated();
  });
  navigator.serviceWorker.startMessages();

  // Once the page has loaded and the browser is idle: installing the worker
  // fetches the whole offline copy, which must not compete with the page.
  function whenIdle(run) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 10000 });
    else setTimeout(run, 2000);
  }

  window.addEventListener("load", function () {
    // `mkdocs serve` defines livereload() in a script at the end of the body.
    if (typeof window.livereload === "function") return;
    whenIdle(function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
        .catch(function (error) {
          console.warn("Offline use is not available:", error);
        });
    });
  });
})();
