// Background jobs: while a listed job is queued or running, ask the server for its status
// every second and show its progress; when it ends, show its result and reload the page so
// that what it changed (snapshots, suggestions, claims) shows too, unless the person has
// started typing in a form, which a reload would lose. The page's messages ("Article added…")
// are carried over the reload (sessionStorage), so a fast job does not wipe them before they
// are read. Without this file the page still shows each job's state as it was when the page
// was made.
(function () {
  "use strict";
  var POLL_MS = 1000;
  var typing = false;
  document.addEventListener("input", function () { typing = true; });

  function active(item) {
    var state = item.getAttribute("data-job-state");
    return state === "queued" || state === "running";
  }

  function show(item, job) {
    item.setAttribute("data-job-state", job.state);
    item.className = "job job-" + job.state;
    item.querySelector(".job-state").textContent = job.state_label || job.state;
    var bar = item.querySelector(".job-bar");
    var count = item.querySelector(".job-count");
    if (job.total) {
      bar.max = job.total;
      bar.value = job.done;
      bar.textContent = count.textContent = job.progress || job.done + " of " + job.total;
    }
    bar.hidden = job.finished;
    item.querySelector(".job-result").textContent = job.result || "";
  }

  var KEPT = "factcheck-messages:" + window.location.pathname + window.location.search;

  function keepMessages() {
    var kept = [];
    var shown = document.querySelectorAll("main > .flash");
    for (var i = 0; i < shown.length; i++) {
      kept.push({ cls: shown[i].className, role: shown[i].getAttribute("role"), text: shown[i].textContent });
    }
    try { window.sessionStorage.setItem(KEPT, JSON.stringify(kept)); } catch (e) { /* storage off */ }
  }

  function restoreMessages() {
    var kept;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(KEPT) || "[]");
      window.sessionStorage.removeItem(KEPT);
    } catch (e) { return; }
    var main = document.getElementById("main");
    if (!main || !kept.length || main.querySelector(".flash")) { return; }
    for (var i = kept.length - 1; i >= 0; i--) {
      var p = document.createElement("p");
      p.className = kept[i].cls;
      if (kept[i].role) { p.setAttribute("role", kept[i].role); }
      p.textContent = kept[i].text;
      main.insertBefore(p, main.firstChild);
    }
  }

  function finished() {
    if (!typing) {
      keepMessages();
      window.location.reload();
      return;
    }
    var list = document.querySelector(".jobs");
    if (list && !document.getElementById("jobs-reload")) {
      var link = document.createElement("a");
      link.id = "jobs-reload";
      link.href = window.location.pathname + window.location.search;
      link.textContent = list.getAttribute("data-reload-text") || "Reload the page to see what changed";
      list.parentNode.insertBefore(link, list.nextSibling);
    }
  }

  function poll(item) {
    fetch(item.getAttribute("data-job-url"), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (job) {
      show(item, job);
      if (job.finished) { finished(); } else { window.setTimeout(function () { poll(item); }, POLL_MS); }
    }).catch(function () {
      window.setTimeout(function () { poll(item); }, POLL_MS * 5);  // server restarting
    });
  }

  restoreMessages();
  var items = document.querySelectorAll("[data-job-url]");
  for (var i = 0; i < items.length; i++) {
    if (active(items[i])) { poll(items[i]); }
  }
})();
