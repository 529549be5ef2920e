// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
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
