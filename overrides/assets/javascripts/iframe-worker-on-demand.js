// Search costs nothing until it is used. Material starts its search worker
// as soon as a page loads; the build (macros/afterbuild/search.py) makes
// Material fetch the index when search is first opened, and this starts the
// worker only then too, when Material sends it that index. On file://, where
// browsers refuse workers, the worker runs in an iframe: the vendored
// iframe-worker shim is loaded then, and only there.
(function () {
  var NativeWorker = window.Worker;
  var shim = new URL("vendor/iframe-worker-shim.js", document.currentScript.src).href;
  var SEARCH_WORKER = /\/workers\/search\.[^/]+\.js$/;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function start(url) {
    if (location.protocol !== "file:") return Promise.resolve(new NativeWorker(url));
    return load(shim).then(function () { return new window.IFrameWorker(url); });
  }

  // Stands in for the worker until the first message; Material listens with
  // addEventListener and talks with postMessage, which is all it needs.
  class WorkerOnDemand extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.worker = null;
    }

    postMessage(message) {
      var self = this;
      if (!this.worker) {
        this.worker = start(this.url).then(function (worker) {
          ["message", "error"].forEach(function (type) {
            worker.addEventListener(type, function (event) {
              self.dispatchEvent(type === "message" ? new MessageEvent("message", { data: event.data })
                                                   : new ErrorEvent("error", event));
            });
          });
          return worker;
        });
      }
      this.worker.then(function (worker) { worker.postMessage(message); });
    }

    terminate() {
      if (this.worker) this.worker.then(function (worker) { worker.terminate(); });
    }
  }

  window.Worker = function (url, options) {
    if (SEARCH_WORKER.test(String(url))) return new WorkerOnDemand(String(url));
    return new NativeWorker(url, options);
  };
})();
