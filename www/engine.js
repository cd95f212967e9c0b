// ksum engine: runs the wasm summarizer off the main thread, in a classic Web Worker started from
// a blob: URL (works over http and from file://; the page's CSP allows `worker-src blob:`).
// If a worker cannot start, it falls back to the main thread (same results, but a long text
// then blocks the page while it is summarized).
//
// A classic script (no import/export): scripts/build-html.mjs inlines it into the page,
// after www/pack.js (`pack`, the result message the worker sends too).
/* global pack */
"use strict";

/**
 * @param {{workerSource: string | null, api: any}} opts
 *   workerSource: the worker's code (glue + www/pack.js + www/worker.js);
 *   api: the main-thread wasm_bindgen glue, for the fallback.
 * Requests made before start(module) wait for it; after fail(err) they are refused with err.
 */
function createKsumEngine(opts) {
  const READY_TIMEOUT_MS = 5000;
  // A newer request cancels a running one on a text this long, by restarting the worker:
  // its result would be thrown away anyway. Shorter runs finish in a few ms and are let be.
  const RESTART_OVER = 100000;

  let worker = null;
  let workerUrl = null;
  let ready = null; // Promise<void> for the current worker
  let isReady = false;
  let mode = "starting";
  let seq = 0;
  let current = null; // the job the worker is running
  let queued = null; // the next job (only the latest request waits)
  let mainApiReady = false;
  let module = null; // the compiled ksum wasm, given to start()
  let failed = null; // the error that keeps the engine from starting, once known

  function stop(reason) {
    const err = new Error(reason);
    err.name = "KsumCancelled";
    return err;
  }

  let generation = 0;
  let abandon = null; // stops waiting for the worker being started, when it is replaced
  // A worker started by warm() before the wasm was compiled, and why it failed, if it did.
  let early = null;
  let earlyError = null;

  function spawn() {
    const gen = ++generation;
    isReady = false;
    if (abandon) abandon();
    const w = early || new Worker(workerUrl, { name: "ksum" });
    const failedEarly = early ? earlyError : null;
    early = null;
    worker = w;
    ready = new Promise((resolve, reject) => {
      if (failedEarly) {
        reject(new Error(failedEarly));
        return;
      }
      const timer = setTimeout(() => reject(new Error("the worker did not start")), READY_TIMEOUT_MS);
      abandon = () => {
        clearTimeout(timer);
        resolve(); // replaced before it was ready: nothing to report
      };
      w.onmessage = (event) => {
        const msg = event.data || {};
        if (gen !== generation) return;
        if (msg.type === "ready") {
          clearTimeout(timer);
          abandon = null;
          isReady = true;
          w.onmessage = onMessage;
          w.onerror = onCrash;
          resolve();
          pump();
        } else if (msg.type === "fatal") {
          clearTimeout(timer);
          reject(new Error(msg.message));
        }
      };
      w.onerror = (event) => {
        clearTimeout(timer);
        event.preventDefault();
        reject(new Error(event.message || "the worker failed to start"));
      };
    });
    w.postMessage({ type: "init", module });
    return ready.catch((err) => {
      if (gen !== generation) return; // an older worker's failure does not matter
      throw err;
    });
  }

  function onMessage(event) {
    const msg = event.data || {};
    if (!current || msg.id !== current.id) return;
    const job = current;
    current = null;
    if (msg.type === "result") {
      job.resolve(msg);
    } else if (msg.type === "error") {
      job.reject(new Error(msg.message));
      if (msg.fatal) restart();
    }
    pump();
  }

  /** The worker died while running (out of memory, say): fail the job, start a new worker. */
  function onCrash(event) {
    event.preventDefault();
    const job = current;
    current = null;
    restart();
    if (job) job.reject(new Error(event.message || "the summarizer stopped"));
  }

  function restart() {
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    if (current) {
      current.reject(stop("cancelled"));
      current = null;
    }
    spawn().catch(() => {
      // A worker that started once and no longer does: go on without one.
      useMainThread();
    });
  }

  function useMainThread() {
    if (worker) worker.terminate();
    worker = null;
    if (!mainApiReady) {
      opts.api.initSync({ module });
      mainApiReady = true;
    }
    mode = "main";
    isReady = true;
    pump();
  }

  /** The worker's message shape, computed here (fallback). */
  function runHere(job) {
    const t0 = performance.now();
    const r = opts.api.summarize(job.text, job.options);
    return pack(job.id, job.text, r, performance.now() - t0);
  }

  function pump() {
    if (current || !queued || !isReady) return;
    current = queued;
    queued = null;
    const job = current;
    if (mode === "main") {
      // Let the page paint its "working" state first.
      setTimeout(() => {
        if (current !== job) return;
        current = null;
        try {
          job.resolve(runHere(job));
        } catch (err) {
          job.reject(err);
        }
        pump();
      }, 16);
      return;
    }
    worker.postMessage({ type: "summarize", id: job.id, text: job.text, options: job.options });
  }

  /** The blob: URL of the worker's code; throws where there are no workers. */
  function workerScript() {
    if (!opts.workerSource || typeof Worker !== "function") throw new Error("no workers here");
    if (!workerUrl) workerUrl = URL.createObjectURL(new Blob([opts.workerSource], { type: "text/javascript" }));
    return workerUrl;
  }

  return {
    /**
     * Starts the worker while the wasm is still being inflated and compiled: a worker takes
     * tens of ms to start, which then overlap with that work. start() hands it the module.
     */
    warm() {
      try {
        early = new Worker(workerScript(), { name: "ksum" });
        early.onerror = (event) => {
          event.preventDefault();
          earlyError = event.message || "the worker failed to start";
        };
      } catch {
        early = null; // start() tries again, and falls back to the main thread
      }
    },

    /** Starts the worker (or the fallback) on `compiled`; resolves to "worker" or "main". */
    async start(compiled) {
      module = compiled;
      try {
        workerScript();
        await spawn();
        mode = "worker";
      } catch (err) {
        useMainThread();
      }
      return mode;
    },

    get mode() {
      return mode;
    },

    get busy() {
      return Boolean(current || queued);
    },

    /**
     * Summarizes `text`; the promise rejects with a KsumCancelled error when a newer request or
     * cancel() replaces it.
     */
    summarize(text, options) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        const job = { id: ++seq, text, options, resolve, reject };
        if (queued) queued.reject(stop("superseded"));
        queued = job;
        if (current && mode === "worker" && current.text.length > RESTART_OVER) restart();
        pump();
      });
    },

    /** The engine cannot start: the request waiting and every later one fail with `err`. */
    fail(err) {
      failed = err;
      if (queued) {
        queued.reject(err);
        queued = null;
      }
    },

    /** Stops whatever is running or waiting (restarting the worker). */
    cancel() {
      if (queued) {
        queued.reject(stop("cancelled"));
        queued = null;
      }
      if (current && mode === "worker") restart();
    },
  };
}
