// VAE dossier: saves a competency's answers as the candidate types (through the API, with the version
// read, so that another tab's save is never overwritten). Without this file the page's button saves.
(() => {
  const main = document.querySelector("main.dossier");
  if (!main || main.dataset.editable !== "true") {
    return;
  }
  const form = main.querySelector("form.dossier-form");
  const status = document.getElementById("autosave-status");
  const version = form.querySelector("input[name=version]");
  const button = form.querySelector(".save-button");
  if (button) {
    button.remove(); // the answers save themselves
  }
  let timer = null;
  let stale = false;
  // One save at a time, each with the version the previous one returned; changes made meanwhile follow.
  let inFlight = false;
  let pending = false;

  function answers() {
    const activities = [...form.querySelectorAll("fieldset.activity")].map((set) => {
      const code = set.dataset.code;
      const done = set.querySelector(`input[name="done_${code}"]:checked`);
      return {
        code,
        done: done ? done.value === "true" : null,
        examples: set.querySelector(`[name="examples_${code}"]`).value,
        tools: set.querySelector(`[name="tools_${code}"]`).value,
        proofIds: [...set.querySelectorAll(`input[name="proofs_${code}"]:checked`)].map((box) => box.value)
      };
    });
    const questions = [...form.querySelectorAll("textarea[name^=answer_]")].map((area) => ({
      code: area.name.substring("answer_".length), text: area.value
    }));
    return { activities, answers: questions, version: Number(version.value) };
  }

  function save() {
    if (stale) {
      return;
    }
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    const headers = { "Accept": "application/json", "Content-Type": "application/json" };
    headers[main.dataset.csrfHeader] = main.dataset.csrfToken;
    status.textContent = "Enregistrement…";
    fetch(main.dataset.api, {
      method: "PUT", headers, credentials: "same-origin", body: JSON.stringify(answers())
    }).then(async (response) => {
      const data = await response.json().catch(() => null);
      if (response.ok) {
        version.value = data.version;
        const time = new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
        status.textContent = "Enregistré à " + time + (data.missing.length === 0 ? " — compétence complète."
          : " — " + data.missing.length + " élément(s) encore à renseigner.");
      } else if (response.status === 409) {
        stale = true;
        status.textContent = (data && data.detail) || "Cette compétence a été enregistrée ailleurs.";
        const reload = document.createElement("button");
        reload.type = "button";
        reload.textContent = "Afficher la version enregistrée";
        reload.addEventListener("click", () => window.location.reload());
        status.append(" ", reload);
      } else {
        status.textContent = "Non enregistré : " + ((data && data.detail) || ("erreur " + response.status));
      }
    }).catch(() => {
      status.textContent = "Non enregistré : la connexion a échoué ; vos réponses restent dans la page.";
    }).finally(() => {
      inFlight = false;
      if (pending) {
        pending = false;
        save();
      }
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    save();
  });
})();
