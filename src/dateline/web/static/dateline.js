// dateline pages: timeline zoom and graph pan/zoom. The pages work without this file:
// every timeline group is open and the graph is drawn whole.
"use strict";

(function () {
  const LEVELS = ["years", "months", "days"];

  function setZoom(timeline, bar, level) {
    const depth = LEVELS.indexOf(level);
    timeline.querySelectorAll("details[data-level]").forEach(function (group) {
      // A group is open when the zoom reaches below it: at "months" the years are open
      // (showing their months) and the months are closed.
      group.open = LEVELS.indexOf(group.dataset.level) < depth || level === "days";
    });
    bar.querySelectorAll("button[data-zoom]").forEach(function (button) {
      button.classList.toggle("active", button.dataset.zoom === level);
      button.setAttribute("aria-pressed", String(button.dataset.zoom === level));
    });
    timeline.dataset.zoom = level;
  }

  function initTimeline() {
    const timeline = document.getElementById("timeline");
    const bar = document.getElementById("timeline-zoom");
    if (!timeline || !bar) {
      return;
    }
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      const button = event.target.closest("button[data-zoom]");
      if (button) {
        setZoom(timeline, bar, button.dataset.zoom);
      }
    });
    timeline.dataset.zoom = "days";
  }

  function initGraph() {
    const svg = document.getElementById("actor-graph");
    if (!svg) {
      return;
    }
    const start = svg.viewBox.baseVal;
    const home = [start.x, start.y, start.width, start.height];
    let box = home.slice();
    let drag = null;
    const apply = function () {
      svg.setAttribute("viewBox", box.join(" "));
    };
    const toGraph = function (clientX, clientY) {
      const rect = svg.getBoundingClientRect();
      return [
        box[0] + ((clientX - rect.left) / rect.width) * box[2],
        box[1] + ((clientY - rect.top) / rect.height) * box[3],
      ];
    };
    svg.addEventListener(
      "wheel",
      function (event) {
        event.preventDefault();
        const factor = event.deltaY < 0 ? 0.85 : 1 / 0.85;
        const width = Math.min(Math.max(box[2] * factor, home[2] / 8), home[2] * 2);
        const scale = width / box[2];
        const at = toGraph(event.clientX, event.clientY);
        box = [at[0] - (at[0] - box[0]) * scale, at[1] - (at[1] - box[1]) * scale,
               box[2] * scale, box[3] * scale];
        apply();
      },
      { passive: false }
    );
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.closest("a")) {
        return; // a click on a node follows its link
      }
      drag = { x: event.clientX, y: event.clientY, box: box.slice() };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) {
        return;
      }
      const rect = svg.getBoundingClientRect();
      const dx = ((event.clientX - drag.x) / rect.width) * drag.box[2];
      const dy = ((event.clientY - drag.y) / rect.height) * drag.box[3];
      box = [drag.box[0] - dx, drag.box[1] - dy, drag.box[2], drag.box[3]];
      apply();
    });
    const stop = function () {
      drag = null;
      svg.classList.remove("dragging");
    };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    const reset = document.getElementById("graph-reset");
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        box = home.slice();
        apply();
      });
    }
  }

  // The ingest form: sent with fetch, and the run's report shown as text (never as
  // markup: sources and reasons come from the uploaded files).
  function initIngest() {
    const form = document.getElementById("ingest-form");
    const out = document.getElementById("ingest-result");
    if (!form || !out) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      out.textContent = "Adding…";
      fetch(form.action, {method: "POST", body: new FormData(form)})
        .then(function (response) {
          return response.json().then(function (body) { return [response.ok, body]; });
        })
        .then(function (result) {
          const ok = result[0], body = result[1];
          if (!ok) {
            const detail = Array.isArray(body.detail)
              ? body.detail.map(function (d) { return d.msg; }).join("; ") : body.detail;
            out.textContent = "Not added: " + detail;
            return;
          }
          const lines = Object.keys(body.counts).map(function (k) {
            return k + ": " + body.counts[k];
          });
          body.failed.concat(body.skipped).forEach(function (f) {
            lines.push(f.source + ": " + f.reason);
          });
          out.textContent = lines.join("\n");
        })
        .catch(function (error) { out.textContent = "Not added: " + error; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initTimeline();
    initGraph();
    initIngest();
  });
})();
