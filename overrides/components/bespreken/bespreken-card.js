// Handelingen bespreken: copies an answer into the afsprakenkaart's own store
// (afsprakenkaart.html), after a dialog that says where it goes, and asks
// again before it replaces text that is already there. Part of bespreken:
// bespreken-file.js, bespreken-view.js, bespreken-card.js, bespreken.js.
// It checks the card with the afsprakenkaart's own code (rk.agreementsCard),
// so the page's bundle takes the afsprakenkaart's scripts too
// (macros/afterbuild/bundle.py):
// needs: afsprakenkaart
(function () {
  "use strict";

  var CARD_KEY = "routekaart:afsprakenkaart";  // the afsprakenkaart's store (afsprakenkaart.html)

  // The afsprakenkaart on this device as {card} (an empty one when there is
  // none yet), or {error: why it cannot be used}. select: the dialog's list
  // of the card's questions.
  function readCard(select, model) {
    var t = model.t;
    var raw;
    try {
      raw = localStorage.getItem(CARD_KEY);
    } catch (e) {
      return { error: t("card_not_allowed") };
    }
    var card = rk.agreementsCard;
    if (raw === null) return { card: { soort: card.KIND, versie: card.VERSION, regio: "", datum: "", antwoorden: {} } };
    var questions = Array.prototype.map.call(select.options, function (o) { return o.value; }).filter(Boolean);
    var result;
    try {
      // As the afsprakenkaart keeps it: texts of questions this version lacks stay.
      result = card.check(JSON.parse(raw), questions, Object.keys(model.partnerNames), true);
    } catch (e) {
      result = { error: t("card_data_unreadable") };
    }
    if (!result.card) return { error: t("card_unreadable", { reason: result.error }) };
    return result;
  }

  // page: { root, model, status, showErrors(messages) } (bespreken.js).
  // Returns copyToCard(answer), answer: { text, partner, who, question,
  // cardQuestion, button } (bespreken-view.js).
  function cardCopier(page) {
    var root = page.root, model = page.model, status = page.status;
    var quote = rk.discuss.quote;
    var t = rk.texts(root);
    var copyDialog = root.querySelector("#rk-discuss-copy");
    var confirmDialog = root.querySelector("#rk-discuss-confirm");
    var select = root.querySelector("#rk-discuss-copy-question");
    var missing = root.querySelector("#rk-discuss-copy-missing");
    var yes = root.querySelector("#rk-discuss-copy-yes");
    var answerNow = null;  // the answer the dialog is open for

    // No card question is offered first when none fits the answer's step:
    // the dialog stays open until the reader chooses one. Registered before
    // rk.ask's own listener, so it can stop it.
    yes.addEventListener("click", function (event) {
      if (select.value) return;
      event.stopImmediatePropagation();
      missing.hidden = false;
      select.focus();
    });
    select.addEventListener("change", function () { if (select.value) missing.hidden = true; });

    // The outcome shows beside the button that was clicked (answer.done, a
    // status message), not at the top of the page.
    function tell(text, isError) {
      status.textContent = "";
      answerNow.done.textContent = text;
      answerNow.done.classList.toggle("rk-discuss-done--error", !!isError);
    }

    function copyToCard(answer) {
      answerNow = answer;
      answer.done.textContent = "";
      missing.hidden = true;
      root.querySelector("#rk-discuss-copy-what").textContent = t("copy_what", { who: answer.who,
        question: quote(answer.question), partner: model.partnerNames[answer.partner] });
      root.querySelector("#rk-discuss-copy-text").textContent = answer.text;
      select.value = answer.cardQuestion || "";
      rk.ask(copyDialog, yes, root.querySelector("#rk-discuss-copy-no"), select)
        .then(function (go) {
          if (!go) return null;
          var option = select.options[select.selectedIndex];
          var where = t("card_place", { question: quote(option.textContent.trim()),
            partner: model.partnerNames[answer.partner] });
          if ((option.getAttribute("data-agreed") || "").split(" ").indexOf(answer.partner) >= 0) {
            return fail(t("already_agreed", { place: where }));
          }
          var found = readCard(select, model);
          if (found.error) return fail(t("not_copied", { reason: found.error }));
          var cells = found.card.antwoorden;
          var current = (cells[option.value] || {})[answer.partner] || "";
          if (current === answer.text) {
            tell(t("already_there", { place: where }));
            return null;
          }
          var proceed = current ? (function () {
            root.querySelector("#rk-discuss-confirm-text").textContent = t("confirm_text", { place: where,
              current: quote(current), who: answer.who });
            return rk.ask(confirmDialog, root.querySelector("#rk-discuss-confirm-yes"),
              root.querySelector("#rk-discuss-confirm-no"), root.querySelector("#rk-discuss-confirm-no"));
          })() : Promise.resolve(true);
          return proceed.then(function (confirmed) {
            if (!confirmed) {
              tell(t("unchanged"));
              return;
            }
            cells[option.value] = cells[option.value] || Object.create(null);
            cells[option.value][answer.partner] = answer.text;
            try {
              localStorage.setItem(CARD_KEY, JSON.stringify(found.card));
            } catch (e) {
              fail(t("card_not_kept"));
              return;
            }
            page.showErrors([]);
            tell(t("copied", { who: answer.who, place: where }));
          });
        });
    }

    function fail(message) {
      tell(message, true);
      return null;
    }

    return copyToCard;
  }

  rk.discuss = rk.discuss || {};
  rk.discuss.cardCopier = cardCopier;
})();
