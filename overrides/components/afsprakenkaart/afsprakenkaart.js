// The afsprakenkaart form: kept in this browser's localStorage as you type
// (never sent anywhere), emptied only after a confirmation, and carried to
// another device as a JSON file. Without JavaScript the card is still a form
// that prints; this script only adds saving, files and the print copy.
(function () {
  "use strict";

  var SOORT = "routekaart-afsprakenkaart";
  var VERSIE = 1;
  var MAX_BESTAND = 1024 * 1024;
  var MAX_TEKST = 5000;
  var MAX_REGIO = 200;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isDatum(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  // The month names come with the form, from the one list the build uses (macros/nl.py).
  function datumNl(value, maanden) {
    if (!isDatum(value)) return "";
    var parts = value.split("-");
    return Number(parts[2]) + " " + maanden[Number(parts[1]) - 1] + " " + parts[0];
  }

  // A card from storage or a file, checked against this site's questions and
  // partners. Returns {kaart} or {fout: what is wrong, in plain Dutch}.
  function controleer(data, vragen, partners) {
    if (!isObject(data)) return { fout: "er staat geen afsprakenkaart in" };
    if (data.soort !== SOORT) return { fout: "het is geen afsprakenkaart van de routekaart" };
    if (typeof data.versie !== "number") return { fout: "het versienummer ontbreekt" };
    if (data.versie > VERSIE) {
      return { fout: "het is gemaakt met een nieuwere versie van de routekaart (versie " + data.versie + ")" };
    }
    if (data.versie !== VERSIE) return { fout: "het versienummer " + data.versie + " is onbekend" };
    var regio = data.regio === undefined ? "" : data.regio;
    if (typeof regio !== "string" || regio.length > MAX_REGIO) {
      return { fout: "de naam van de regio is geen tekst of te lang" };
    }
    var datum = data.datum === undefined ? "" : data.datum;
    if (typeof datum !== "string" || (datum !== "" && !isDatum(datum))) {
      return { fout: "de datum is geen geldige datum" };
    }
    if (!isObject(data.antwoorden)) return { fout: "de antwoorden ontbreken" };
    var antwoorden = {};
    var vraagIds = Object.keys(data.antwoorden);
    for (var i = 0; i < vraagIds.length; i++) {
      var vraag = vraagIds[i];
      if (vragen.indexOf(vraag) < 0) return { fout: "het bevat een onbekende vraag (\u201c" + vraag + "\u201d)" };
      var perPartner = data.antwoorden[vraag];
      if (!isObject(perPartner)) return { fout: "de antwoorden op vraag \u201c" + vraag + "\u201d zijn onleesbaar" };
      var partnerIds = Object.keys(perPartner);
      for (var j = 0; j < partnerIds.length; j++) {
        var partner = partnerIds[j];
        var tekst = perPartner[partner];
        if (partners.indexOf(partner) < 0) return { fout: "het bevat een onbekende partner (\u201c" + partner + "\u201d)" };
        if (typeof tekst !== "string") {
          return { fout: "het antwoord van " + partner + " op vraag \u201c" + vraag + "\u201d is geen tekst" };
        }
        if (tekst.length > MAX_TEKST) {
          return { fout: "het antwoord van " + partner + " op vraag \u201c" + vraag + "\u201d is langer dan " + MAX_TEKST + " tekens" };
        }
        if (tekst) {
          antwoorden[vraag] = antwoorden[vraag] || {};
          antwoorden[vraag][partner] = tekst;
        }
      }
    }
    return { kaart: { soort: SOORT, versie: VERSIE, regio: regio, datum: datum, antwoorden: antwoorden } };
  }

  function setup(form) {
    var maanden = form.dataset.months.split(" ");
    var opslag = rk.store(form.dataset.storageKey);
    var vragen = form.dataset.questions.split(" ");
    var partners = form.dataset.partners.split(" ");
    var vasteRegio = form.dataset.region || "";
    var velden = Array.prototype.slice.call(form.querySelectorAll("textarea[data-question]"));
    var regioVeld = document.getElementById("card-region");
    var datumVeld = document.getElementById("card-date");
    var laadMelding = document.getElementById("card-load-notice");
    var actieMelding = document.getElementById("card-action-notice");
    var status = document.getElementById("card-status");
    var dialoog = document.getElementById("card-confirm");
    var importVeld = document.getElementById("card-import");
    var opslagFout = false;

    form.classList.add("rk-card--js");
    document.getElementById("card-actions").hidden = false;

    function toon(element, tekst) {
      element.textContent = tekst;
      element.hidden = !tekst;
    }

    function meld(fout) {
      status.textContent = "";
      toon(actieMelding, fout);
    }

    function bevestigd(tekst) {
      toon(actieMelding, "");
      status.textContent = tekst;
    }

    function afdruk(veld) {
      var kopie = veld.parentNode.querySelector(".rk-card-print-copy");
      if (kopie) kopie.textContent = veld.type === "date" ? datumNl(veld.value, maanden) : veld.value;
    }

    function lees() {
      var antwoorden = {};
      velden.forEach(function (veld) {
        if (!veld.value) return;
        antwoorden[veld.dataset.question] = antwoorden[veld.dataset.question] || {};
        antwoorden[veld.dataset.question][veld.dataset.partner] = veld.value;
      });
      return {
        soort: SOORT, versie: VERSIE,
        regio: regioVeld ? regioVeld.value : vasteRegio,
        datum: datumVeld.value,
        antwoorden: antwoorden
      };
    }

    function isLeeg(kaart) {
      return !Object.keys(kaart.antwoorden).length && !kaart.datum && (!regioVeld || !kaart.regio);
    }

    // Fills the form with `kaart`; returns how many answers had no free field
    // (in a local edition, agreed answers are fixed).
    function vul(kaart) {
      var overgeslagen = 0;
      velden.forEach(function (veld) {
        var perPartner = kaart.antwoorden[veld.dataset.question] || {};
        veld.value = perPartner[veld.dataset.partner] || "";
        afdruk(veld);
      });
      Object.keys(kaart.antwoorden).forEach(function (vraag) {
        Object.keys(kaart.antwoorden[vraag]).forEach(function (partner) {
          if (!document.getElementById("answer-" + vraag + "-" + partner)) overgeslagen++;
        });
      });
      if (regioVeld) { regioVeld.value = kaart.regio; afdruk(regioVeld); }
      datumVeld.value = kaart.datum;
      afdruk(datumVeld);
      return overgeslagen;
    }

    function bewaar() {
      var kaart = lees();
      try {
        if (isLeeg(kaart)) opslag.remove();
        else opslag.save(kaart);
        if (opslagFout) { opslagFout = false; toon(laadMelding, ""); }
      } catch (e) {
        if (!opslagFout) {
          opslagFout = true;
          toon(laadMelding, "Je antwoorden kunnen op dit apparaat niet worden bewaard (de browser staat het niet toe of het geheugen is vol). " +
            "Sla de kaart op als bestand of druk hem af voordat je de pagina sluit.");
        }
      }
    }

    function leesBewaard(bewaard) {
      var uitkomst;
      try {
        uitkomst = controleer(JSON.parse(bewaard), vragen, partners);
      } catch (e) {
        throw new Error("de gegevens zijn onleesbaar");
      }
      if (!uitkomst.kaart) throw new Error(uitkomst.fout);
      return uitkomst.kaart;
    }

    function laad() {
      var bewaard = opslag.load(leesBewaard);
      if (bewaard.unavailable) {
        toon(laadMelding, "Deze browser laat niet toe dat de afsprakenkaart op dit apparaat wordt bewaard. " +
          "Sla de kaart op als bestand of druk hem af voordat je de pagina sluit.");
      } else if (bewaard.value) {
        vul(bewaard.value);
      } else if (bewaard.damaged) {
        // The damaged copy is kept aside, so nothing is lost; start with an empty card.
        toon(laadMelding, "De afsprakenkaart die op dit apparaat bewaard was, kan niet worden geopend: " +
          bewaard.damaged + ". Er is een reservekopie van bewaard in deze browser. Je begint met een lege kaart.");
      }
    }

    function bevestig(tekst, ja) {
      if (typeof dialoog.showModal !== "function") return Promise.resolve(window.confirm(tekst));
      return new Promise(function (klaar) {
        var jaKnop = document.getElementById("card-confirm-yes");
        var neeKnop = document.getElementById("card-confirm-no");
        var terug = document.activeElement;
        document.getElementById("card-confirm-text").textContent = tekst;
        jaKnop.textContent = ja;
        function sluit(antwoord) {
          jaKnop.removeEventListener("click", opJa);
          neeKnop.removeEventListener("click", opNee);
          dialoog.removeEventListener("close", opNee);
          if (dialoog.open) dialoog.close();
          if (terug && terug.focus) terug.focus();
          klaar(antwoord);
        }
        function opJa() { sluit(true); }
        function opNee() { sluit(false); }
        jaKnop.addEventListener("click", opJa);
        neeKnop.addEventListener("click", opNee);
        dialoog.addEventListener("close", opNee);
        dialoog.showModal();
        neeKnop.focus();  // the safe choice first
      });
    }

    form.addEventListener("input", function (event) {
      afdruk(event.target);
      bewaar();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    document.getElementById("card-print").addEventListener("click", function () { window.print(); });

    document.getElementById("card-clear").addEventListener("click", function () {
      bevestig("Alle antwoorden op deze kaart worden gewist, ook op dit apparaat. Dat kun je niet ongedaan maken. " +
        "Wil je de kaart bewaren? Kies dan eerst \u2018Opslaan als bestand\u2019.", "Ja, maak leeg").then(function (ja) {
        if (!ja) return;
        vul({ regio: "", datum: "", antwoorden: {} });
        bewaar();
        bevestigd("De afsprakenkaart is leeggemaakt.");
      });
    });

    document.getElementById("card-export").addEventListener("click", function () {
      var kaart = lees();
      var naam = (kaart.regio || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      var vandaag = new Date().toISOString().slice(0, 10);
      var bestand = "afsprakenkaart-" + (naam ? naam + "-" : "") + vandaag + ".json";
      rk.saveFile(bestand, "application/json", JSON.stringify(kaart, null, 2) + "\n");
      bevestigd("De afsprakenkaart is opgeslagen als bestand \u201c" + bestand + "\u201d.");
    });

    importVeld.addEventListener("change", function () {
      var bestand = importVeld.files[0];
      importVeld.value = "";  // the same file can be chosen again
      if (!bestand) return;
      var weiger = function (fout) {
        meld("Het bestand \u201c" + bestand.name + "\u201d kan niet worden geopend: " + fout +
          ". Je afsprakenkaart is niet veranderd.");
      };
      if (bestand.size > MAX_BESTAND) {
        weiger("het is te groot voor een afsprakenkaart (" + Math.ceil(bestand.size / 1024) + " kB)");
        return;
      }
      bestand.text().then(function (tekst) {
        var uitkomst;
        try {
          uitkomst = controleer(JSON.parse(tekst), vragen, partners);
        } catch (e) {
          uitkomst = { fout: "het is geen afsprakenkaart (het bestand is beschadigd of heeft een ander formaat)" };
        }
        if (!uitkomst.kaart) { weiger(uitkomst.fout); return; }
        var doorgaan = isLeeg(lees()) ? Promise.resolve(true) :
          bevestig("De kaart uit het bestand vervangt wat nu op deze kaart staat.", "Ja, vervang mijn kaart");
        doorgaan.then(function (ja) {
          if (!ja) return;
          if (regioVeld === null) uitkomst.kaart.regio = vasteRegio;
          var overgeslagen = vul(uitkomst.kaart);
          bewaar();
          bevestigd("De afsprakenkaart uit \u201c" + bestand.name + "\u201d is geopend." + (overgeslagen ?
            " " + overgeslagen + " antwoord(en) uit het bestand staan niet op deze kaart, omdat daar al een afspraak van de regio staat." : ""));
        });
      }, function () { weiger("het kan niet worden gelezen"); });
    });

    laad();
  }

  rk.onPage("#card-form", setup);
})();
