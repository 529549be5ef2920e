// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  collapsibleMenu();
  printEverything();
  document.querySelectorAll("button.print").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  checkImportSize();
});

// Import page: a file over the limit is refused before it is sent (the server refuses it too).
function checkImportSize() {
  const input = document.querySelector("input[type=file][data-max-bytes]");
  if (!input) {
    return;
  }
  const max = Number(input.dataset.maxBytes);
  const help = document.getElementById(input.getAttribute("aria-describedby"));
  input.form.addEventListener("submit", (event) => {
    const file = input.files && input.files[0];
    if (file && file.size > max) {
      event.preventDefault();
      help.textContent = "Le fichier dépasse la taille maximale acceptée (" + Math.floor(max / 1048576)
        + " Mo) : rien n'a été importé.";
      help.classList.add("alert");
      input.focus();
    }
  });
}

// Header on a phone: the menu folds behind a button (without this file, it simply wraps).
function collapsibleMenu() {
  const toggle = document.querySelector(".menu-toggle");
  const menu = document.getElementById("site-menu");
  if (!toggle || !menu) {
    return;
  }
  document.documentElement.classList.add("js");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  });
}

// Referential page: a printed outline shows every branch, then the page closes those it opened.
function printEverything() {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll(".tree details:not([open])"));
    opened.forEach((details) => { details.open = true; });
  });
  window.addEventListener("afterprint", () => opened.forEach((details) => { details.open = false; }));
}
