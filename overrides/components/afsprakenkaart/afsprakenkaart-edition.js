// The afsprakenkaart as the agreed answers of a region's own edition: a file
// regio.yml that the build reads unchanged (macros/content/regio.py). It takes
// every answer on the card, those typed here and, in a regional edition, those
// agreed before, so saving again never drops an earlier agreement. Made in
// the browser (a Blob); nothing is sent.
(function () {
  "use strict";

  // Characters a YAML reader refuses or reads as a line break, and what the
  // build refuses in a text (macros/content/base.py): written as escapes in
  // a double-quoted string, or left out (control characters).
  var UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/;
  var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

  function escapeChar(ch) {
    return "\\u" + ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
  }

  // A double-quoted YAML string: exact for any text.
  function quoted(text) {
    return "\"" + text.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\t/g, "\\t")
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, escapeChar)
      .replace(/[\ud800-\udfff]/g, function (ch, i, all) {
        var code = ch.charCodeAt(0);
        var paired = code < 0xdc00 ? /[\udc00-\udfff]/.test(all.charAt(i + 1)) : /[\ud800-\udbff]/.test(all.charAt(i - 1));
        return paired ? ch : escapeChar(ch);
      }) + "\"";
  }

  // A text of several lines as a literal block, which a person can read and
  // edit, when that keeps it exact; otherwise double-quoted.
  function scalar(text, indent) {
    var lines = text.split("\n");
    var literalKeepsIt = lines.length > 1 && !/^[ \t]/.test(text) && !UNPRINTABLE.test(text) &&
      lines.every(function (line) { return line === "" || /\S/.test(line); });
    if (!literalKeepsIt) return quoted(text);
    return "|-\n" + lines.map(function (line) { return line ? indent + line : ""; }).join("\n");
  }

  // card: {naam, datum, antwoorden: [[vraag, [[partner, tekst]]]]} in the card's order.
  function editionYaml(card) {
    var out = ["naam: " + quoted(card.naam), "afsprakenkaart:", "  datum_afgesproken: " + card.datum, "  antwoorden:"];
    card.antwoorden.forEach(function (question) {
      out.push("    " + question[0] + ":");
      question[1].forEach(function (answer) {
        out.push("      " + answer[0] + ": " + scalar(answer[1], "        "));
      });
    });
    return out.join("\n") + "\n";
  }

  function setUp(button) {
    var form = document.getElementById("card-form");
    // The card's own messages (afsprakenkaart.html), just above the button.
    var notice = document.getElementById("card-action-notice");
    var status = document.getElementById("card-status");
    var regionField = document.getElementById("card-region");
    var dateField = document.getElementById("card-date");
    var words = button.dataset;

    function refuse(message) {
      status.textContent = "";
      notice.textContent = message;
      notice.hidden = false;
    }

    // Every answer on the card, agreed or typed, in the card's order.
    function answers() {
      var leftOut = 0;
      var rows = [];
      form.querySelectorAll("tbody tr[id^='vraag-']").forEach(function (row) {
        var cells = [];
        row.querySelectorAll("td[data-partner]").forEach(function (cell) {
          var field = cell.querySelector("textarea");
          var agreed = cell.querySelector(".rk-card-answer");
          var text = field ? field.value : agreed ? agreed.textContent : "";
          var clean = text.replace(/\r\n?/g, "\n").replace(CONTROL, "");
          leftOut += text.replace(/\r\n?/g, "\n").length - clean.length;
          clean = clean.trim();
          if (clean) cells.push([cell.getAttribute("data-partner"), clean]);
        });
        if (cells.length) rows.push([row.id.replace(/^vraag-/, ""), cells]);
      });
      return { rows: rows, leftOut: leftOut };
    }

    button.addEventListener("click", function () {
      var name = (regionField ? regionField.value : form.dataset.region || "").replace(CONTROL, "").trim();
      var found = answers();
      if (!name) return refuse(words.noRegion);
      if (!dateField.value) return refuse(words.noDate);
      if (!found.rows.length) return refuse(words.noAnswers);
      notice.hidden = true;
      notice.textContent = "";
      rk.saveFile("regio.yml", "application/yaml;charset=utf-8",
        editionYaml({ naam: name, datum: dateField.value, antwoorden: found.rows }));
      status.textContent = words.saved + (found.leftOut ? " " + words.leftOut + " " + found.leftOut + "." : "");
    });
    document.getElementById("card-edition").hidden = false;
  }

  rk.onPage("#card-edition-export", setUp);
})();
