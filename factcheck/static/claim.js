// The claim review screen. Everything works without this file; it only saves time: the keys
// "n" and "p" open the next and previous claim (as the links of the same name do), and the
// article text scrolls to the claim on the page.
(function () {
  "use strict";

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
      (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    var link = document.querySelector('a[data-key="' + event.key + '"]');
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });

  var pane = document.getElementById("text");
  var current = document.getElementById("current-claim");
  if (pane && current && pane.scrollHeight > pane.clientHeight) {
    // only the text pane scrolls, never the page
    pane.scrollTop = Math.max(0, current.offsetTop - pane.offsetTop - pane.clientHeight / 3);
  }
})();
