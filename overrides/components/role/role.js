// "Ik ben ...": the reader chooses a role on the start page or from the small
// control at the top of every other page; rk.role keeps it on this device
// only. With a role, step 3 shows the other core partners, the partners page
// opens at the reader's own partner and the afsprakenkaart marks the reader's
// column on screen. Everything this script shows is rendered hidden, so
// without JavaScript, or without a role, every page reads as it does for all.
(function () {
  "use strict";

  // The core partner of a role ("" for another role or none), from the
  // options every page carries (role.html).
  function partnerOf(role) {
    var option = role && document.querySelector('[data-role-chooser] input[name="role"][value="' + role + '"]');
    return option ? option.getAttribute("data-partner") : "";
  }

  // A notice in `place`, made once: announced (role=alert) when it appears.
  function notice(place, nodes) {
    var box = place.querySelector(":scope > .rk-role-notice");
    if (!box) {
      box = document.createElement("div");
      box.className = "rk-notice rk-notice--error rk-role-notice";
      box.setAttribute("role", "alert");
      place.appendChild(box);
    }
    box.textContent = "";
    nodes.forEach(function (node) { box.appendChild(node); });
  }

  // A stored role that no longer reads is set aside by rk.store: say so, with its download.
  function reportDamage(place) {
    if (rk.role.kept.damagedCopy() === null) return;
    notice(place, rk.damageNotice(rk.role.kept, rk.words("role-damaged"), "rol-beschadigd"));
  }

  function onRole(show) {
    show(rk.role.get());
    document.addEventListener("rk:role", function (event) { show(event.detail.role); });
  }

  rk.onPage("[data-role-chooser]", function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.name !== "role") return;
      try {
        // "geen rol" clears the role and nothing else.
        if (event.target.value) rk.role.set(event.target.value);
        else rk.role.clear();
      } catch (e) {
        // The browser keeps nothing: the choice holds on this page only, and the reader is told.
        var p = document.createElement("p");
        p.textContent = rk.words("role-not-kept");
        notice(form.closest("[data-role-control]") || form, [p]);  // seen after the control's chooser closes
        document.dispatchEvent(new CustomEvent("rk:role", { detail: { role: event.target.value || null } }));
      }
    });
    onRole(function (role) {
      form.querySelectorAll('input[name="role"]').forEach(function (input) {
        // "geen rol" stays checked once chosen; a new reader sees none checked,
        // so Tab enters the options at the first role.
        input.checked = input.value ? input.value === role : input.checked && !role;
      });
    });
    // The start page's form shows at once; the control opens its own.
    if (!form.closest("[data-role-control]")) {
      form.hidden = false;
      reportDamage(form);
    }
  });

  rk.onPage("[data-role-control]", function (control) {
    var toggle = control.querySelector("[data-role-toggle]");
    var chooser = control.querySelector("[data-role-chooser]");
    var current = control.querySelector("[data-role-current]");
    var label = control.querySelector("[data-role-label]");
    var byPointer = false;

    function open(yes) {
      chooser.hidden = !yes;
      toggle.setAttribute("aria-expanded", String(yes));
    }
    function close() {
      open(false);
      toggle.focus();
    }
    toggle.addEventListener("click", function () { open(chooser.hidden); });
    // A tap on an option chooses and closes; arrow keys move through the
    // options (each one a change), so a keyboard closes with Escape or the button.
    chooser.addEventListener("pointerdown", function () { byPointer = true; });
    chooser.addEventListener("keydown", function (event) {
      byPointer = false;
      if (event.key === "Escape") close();
    });
    chooser.addEventListener("change", function () { if (byPointer) close(); });

    onRole(function (role) {
      var option = role && chooser.querySelector('input[name="role"][value="' + role + '"]');
      current.hidden = !option;
      label.textContent = option ? option.labels[0].textContent : "";
      toggle.textContent = toggle.getAttribute(option ? "data-label-change" : "data-label-choose");
    });
    reportDamage(control);
    control.hidden = false;
  });

  // Step 3: the other core partners (all of them for another role).
  rk.onPage("[data-role-partners]", function (block) {
    onRole(function (role) {
      var own = partnerOf(role);
      block.hidden = !role;
      block.querySelectorAll("[data-partner]").forEach(function (item) {
        item.hidden = item.getAttribute("data-partner") === own;
      });
    });
  });

  // The partners page opens at the reader's own partner, unless the address
  // names a place of its own.
  rk.onPage(".rk-partners", function (partners) {
    var own = partnerOf(rk.role.get());
    var heading = own && !location.hash && partners.querySelector('.rk-partner > h2[id="' + own + '"]');
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView();
  });

  // The afsprakenkaart: the reader's own column, on screen only (role.css).
  rk.onPage("[data-own-column-label]", function (table) {
    var words = table.getAttribute("data-own-column-label");
    onRole(function (role) {
      var own = partnerOf(role);
      table.querySelectorAll(".rk-role-own-label").forEach(function (span) { span.remove(); });
      table.querySelectorAll("th[data-partner], td[data-partner]").forEach(function (cell) {
        var mine = cell.getAttribute("data-partner") === own;
        cell.classList.toggle("rk-role-own-column", mine);
        if (!mine) return;
        // The column's head on a wide screen, each field's label on a phone
        // (the card puts the partner's name first in each cell).
        var name = cell.tagName === "TH" ? cell : cell.firstElementChild;
        if (!name) return;
        var span = document.createElement("span");
        span.className = "rk-role-own-label";
        span.textContent = " (" + words + ")";
        name.appendChild(span);
      });
    });
  });
})();
