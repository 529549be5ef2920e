// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  collapsibleMenu();
  printEverything();
  document.querySelectorAll("button.print").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  checkImportSize();
  followImport();
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

// Import follow-up page: polls the job's JSON status, moves the bar, reloads once the job is over.
function followImport() {
  const job = document.getElementById("import-job");
  if (!job || job.dataset.finished === "true") {
    return;
  }
  const progress = document.getElementById("import-progress");
  const status = document.getElementById("import-status");
  const poll = () => {
    fetch(job.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((state) => {
        progress.value = state.percent;
        progress.textContent = state.percent + " %";
        if (status.textContent !== state.statusText) {
          status.textContent = state.statusText;
        }
        if (state.status === "DONE" || state.status === "FAILED") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(() => window.setTimeout(poll, 5000));
  };
  window.setTimeout(poll, 500);
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
