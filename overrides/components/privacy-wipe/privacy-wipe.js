// Privacy page: one button wipes everything this site keeps on the device
// (localStorage, sessionStorage, the offline copy and its service worker).
// Without JavaScript the button stays hidden; the page explains the browser way.
(function () {
  "use strict";

  async function wipe() {
    rk.role.clear();  // also tells the page's role control
    localStorage.clear();
    sessionStorage.clear();
    if ("caches" in window) {
      for (const name of await caches.keys()) await caches.delete(name);
    }
    if ("serviceWorker" in navigator) {
      for (const registration of await navigator.serviceWorker.getRegistrations()) {
        await registration.unregister();
      }
    }
  }

  rk.onPage("[data-rk-wipe]", function (button) {
    const status = document.querySelector(".rk-wipe-status");
    const t = rk.texts(button);
    button.closest(".rk-wipe").hidden = false;
    button.addEventListener("click", async () => {
      try {
        await wipe();
        status.textContent = t("wiped");
      } catch (error) {
        status.textContent = t("not_wiped", { fout: error.message });
      }
    });
  });
})();
