// The claim queue's article filter: as one types, ask the server for the articles whose
// title or slug hold the words typed and offer them in the field's <datalist> (choosing one
// puts its slug in the field). Without this file the field still works: the words typed are
// searched in the articles' titles when the form is sent.
(function () {
  "use strict";
  var WAIT_MS = 200;
  var input = document.querySelector("input[list='article-options']");
  var list = document.getElementById("article-options");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var asked = "";

  function show(articles) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    for (var i = 0; i < articles.length; i++) {
      var option = document.createElement("option");
      option.value = articles[i].slug;
      option.textContent = articles[i].title;
      list.appendChild(option);
    }
  }

  function ask() {
    var query = input.value.trim();
    if (query === asked) { return; }
    asked = query;
    if (!query) { show([]); return; }
    var url = list.getAttribute("data-source") + "?q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { articles: [] }; })
      .then(function (body) {
        if (input.value.trim() === query) { show(body.articles || []); }
      })
      .catch(function () { /* offline: the form still searches titles when sent */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, WAIT_MS);
  });
})();
