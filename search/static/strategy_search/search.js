// The search page without a full reload of habits: filters and sort apply on change, and the
// query box suggests pages as you type (an ARIA 1.2 combobox). Without JavaScript the form's
// buttons do the same.
(function () {
  "use strict";
  const form = document.getElementById("search-form");
  if (!form) return;

  document.documentElement.classList.add("js");
  form.addEventListener("change", function (event) {
    const target = event.target;
    if (target.name === "sort" || target.type === "checkbox") {
      const page = form.querySelector("input[name=page]");
      if (page) page.remove();
      form.requestSubmit();
    }
  });

  const input = document.getElementById("search-q");
  const list = document.getElementById("search-q-suggestions");
  const url = form.dataset.suggestUrl;
  let active = -1;
  let timer = null;
  let controller = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function options() {
    return Array.from(list.querySelectorAll("[role=option]"));
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    const all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    all.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", all[active].id);
  }

  function show(suggestions) {
    list.replaceChildren();
    suggestions.forEach(function (suggestion, position) {
      const option = document.createElement("li");
      option.id = "search-q-option-" + position;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      const title = document.createElement("span");
      title.textContent = suggestion.title;
      const type = document.createElement("span");
      type.className = "combobox__type";
      type.textContent = suggestion.type;
      option.append(title, " ", type);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.append(option);
    });
    const open = suggestions.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    active = -1;
  }

  function fetchSuggestions() {
    const prefix = input.value.trim();
    if (prefix.length < 2) return close();
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(url + "?" + new URLSearchParams({ q: prefix }), {
      signal: controller.signal,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        show(data.suggestions);
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.url);
    }
  });
  input.addEventListener("blur", close);
})();
