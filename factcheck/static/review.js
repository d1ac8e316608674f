// Workspace helpers. Everything works without this file; it only makes choosing a claim's
// span in the article text quicker: select words, and the "from/to" fields fill in.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var start = document.getElementById("add-start");
  var end = document.getElementById("add-end");
  var status = document.getElementById("selection-status");
  if (!text || !start || !end) {
    return;
  }

  // Character offset of (node, offset) from the start of the article text. The container's
  // text is exactly the article's (the template adds no white space), so lengths agree.
  function offsetOf(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(text);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) {
      return;
    }
    var from = offsetOf(range.startContainer, range.startOffset);
    var to = offsetOf(range.endContainer, range.endOffset);
    var chosen = text.textContent.slice(from, to);
    // leave out white space at either end, as a person means the words
    from += chosen.length - chosen.replace(/^\s+/, "").length;
    to -= chosen.length - chosen.replace(/\s+$/, "").length;
    if (to <= from) {
      return;
    }
    start.value = from;
    end.value = to;
    if (status) {
      status.textContent = "Chosen: characters " + from + " to " + to + ": “" +
        text.textContent.slice(from, to) + "”. Press “Add claim” to add it.";
    }
  }

  text.addEventListener("mouseup", update);
  text.addEventListener("keyup", update);
  text.addEventListener("touchend", update);
})();
