// Handelingen bespreken: copies an answer into the afsprakenkaart's own store
// (afsprakenkaart.html), after a dialog that says where it goes, and asks
// again before it replaces text that is already there. Part of bespreken:
// discuss-file.js, discuss-view.js, discuss-card.js, discuss.js.
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
    var raw;
    try {
      raw = localStorage.getItem(CARD_KEY);
    } catch (e) {
      return { error: "deze browser laat niet toe dat de afsprakenkaart op dit apparaat wordt bewaard" };
    }
    var card = rk.agreementsCard;
    if (raw === null) return { card: { soort: card.KIND, versie: card.VERSION, regio: "", datum: "", antwoorden: {} } };
    var questions = Array.prototype.map.call(select.options, function (o) { return o.value; }).filter(Boolean);
    var result;
    try {
      // As the afsprakenkaart keeps it: texts of questions this version lacks stay.
      result = card.check(JSON.parse(raw), questions, Object.keys(model.partnerNames), true);
    } catch (e) {
      result = { error: "de gegevens zijn onleesbaar" };
    }
    if (!result.card) return { error: "de afsprakenkaart op dit apparaat kan niet worden gelezen (" + result.error + "). Open eerst de afsprakenkaart" };
    return result;
  }

  // page: { root, model, status, showErrors(messages) } (discuss.js).
  // Returns copyToCard(answer), answer: { text, partner, who, question,
  // cardQuestion, button } (discuss-view.js).
  function cardCopier(page) {
    var root = page.root, model = page.model, status = page.status;
    var quote = rk.discuss.quote;
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
      root.querySelector("#rk-discuss-copy-what").textContent = "Het antwoord van " + answer.who + " bij " +
        quote(answer.question) + " komt in de kolom " + model.partnerNames[answer.partner] + ".";
      root.querySelector("#rk-discuss-copy-text").textContent = answer.text;
      select.value = answer.cardQuestion || "";
      rk.ask(copyDialog, yes, root.querySelector("#rk-discuss-copy-no"), select)
        .then(function (go) {
          if (!go) return null;
          var option = select.options[select.selectedIndex];
          var where = "bij de vraag " + quote(option.textContent.trim()) + " in de kolom " + model.partnerNames[answer.partner];
          if ((option.getAttribute("data-agreed") || "").split(" ").indexOf(answer.partner) >= 0) {
            return fail("Op de afsprakenkaart van de regio staat " + where + " al een afspraak. Die verandert niet.");
          }
          var found = readCard(select, model);
          if (found.error) return fail("Het antwoord is niet op de afsprakenkaart gezet: " + found.error + ".");
          var cells = found.card.antwoorden;
          var current = (cells[option.value] || {})[answer.partner] || "";
          if (current === answer.text) {
            tell("Dit antwoord staat al op de afsprakenkaart " + where + ".");
            return null;
          }
          var proceed = current ? (function () {
            root.querySelector("#rk-discuss-confirm-text").textContent = "Op de afsprakenkaart staat " + where +
              " al deze tekst: " + quote(current) + ". Die wordt vervangen door het antwoord van " + answer.who + ".";
            return rk.ask(confirmDialog, root.querySelector("#rk-discuss-confirm-yes"),
              root.querySelector("#rk-discuss-confirm-no"), root.querySelector("#rk-discuss-confirm-no"));
          })() : Promise.resolve(true);
          return proceed.then(function (confirmed) {
            if (!confirmed) {
              tell("De afsprakenkaart is niet veranderd.");
              return;
            }
            cells[option.value] = cells[option.value] || Object.create(null);
            cells[option.value][answer.partner] = answer.text;
            try {
              localStorage.setItem(CARD_KEY, JSON.stringify(found.card));
            } catch (e) {
              fail("De afsprakenkaart kon op dit apparaat niet worden bewaard.");
              return;
            }
            page.showErrors([]);
            tell("Het antwoord van " + answer.who + " staat nu op de afsprakenkaart " + where + ".");
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
