// Save text as a file on this device. The file is made in the browser (a
// Blob) and handed to its download, so nothing is sent anywhere. Shared by
// the afsprakenkaart and the walk; loads before both.
window.rkSaveFile = function (name, type, content) {
  "use strict";
  var url = URL.createObjectURL(new Blob([content], { type: type }));
  var link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
};
