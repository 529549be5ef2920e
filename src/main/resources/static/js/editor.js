// Draft editor enhancements: autosave, Alt+↑/↓, drag and drop, lock renewal. Without this file every
// operation still works through the page's forms (each item keeps its « Enregistrer » button).
// Opening the page takes no lock: the first change does, and only then is the lock renewed.
(() => {
  const main = document.querySelector("main.editor");
  if (!main || main.dataset.editable !== "true") {
    return;
  }
  const api = main.dataset.api;
  const status = document.getElementById("autosave-status");
  const undoForm = document.querySelector(".undo-form");
  const undoButton = undoForm && undoForm.querySelector("button");
  let holding = main.dataset.lockHeld === "true";

  // The fields of an item save themselves: its « Enregistrer » button is only for pages without script.
  document.querySelectorAll(".item-form .save-item").forEach((button) => { button.hidden = true; });

  function call(method, path, body) {
    const headers = { "Accept": "application/json" };
    headers[main.dataset.csrfHeader] = main.dataset.csrfToken;
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(api + path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(async (response) => {
      const data = response.status === 204 ? null : await response.json().catch(() => null);
      if (!response.ok) {
        throw new Error((data && data.detail) || ("HTTP " + response.status));
      }
      return data;
    });
  }

  function saved(change) {
    holding = true;
    status.textContent = "Enregistré à " + change.time;
    if (undoForm) {
      undoButton.textContent = change.undo ? "Annuler : " + change.undo : "Annuler";
      undoForm.hidden = !change.undo;
    }
  }

  function failed(error) {
    status.textContent = "Erreur : " + error.message;
  }

  // Autosave of an item's text and context, one second after the last keystroke, or at once when the
  // field is left; an emptied context clears it.
  function autosave(field, code, body) {
    let timer = null;
    const save = () => {
      timer = null;
      call("PATCH", "/items/" + encodeURIComponent(code), body(field.value)).then(saved, failed);
    };
    field.addEventListener("input", () => {
      clearTimeout(timer);
      status.textContent = "Modification en cours…";
      timer = setTimeout(save, 1000);
    });
    field.addEventListener("blur", () => {
      if (timer !== null) {
        clearTimeout(timer);
        save();
      }
    });
  }
  document.querySelectorAll("textarea[data-autosave]").forEach((area) =>
    autosave(area, area.dataset.autosave, (value) => ({ text: value })));
  document.querySelectorAll("input[data-autosave-context]").forEach((field) =>
    autosave(field, field.dataset.autosaveContext, (value) => ({ context: value })));

  document.querySelectorAll("input.essential-input").forEach((box) => {
    box.addEventListener("change", () => {
      call("PATCH", "/items/" + encodeURIComponent(box.dataset.code), { essential: box.checked })
        .then(saved, (error) => { box.checked = !box.checked; failed(error); });
    });
  });

  function moved(code) {
    return () => {
      location.hash = "item-" + code;
      location.reload();
    };
  }

  // Keyboard alternative to drag and drop: Alt+↑ / Alt+↓ on a row.
  document.querySelectorAll("li.editor-item").forEach((row) => {
    row.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
        return;
      }
      if (event.target.closest("li.editor-item") !== row) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      const code = row.dataset.code;
      call("POST", "/items/" + encodeURIComponent(code) + "/move",
        { direction: event.key === "ArrowUp" ? "UP" : "DOWN" }).then(moved(code), failed);
    });
  });

  // Drag and drop by the handle: the dragged item goes just before the row it is dropped on.
  let dragged = null;
  document.querySelectorAll("li.editor-item .handle").forEach((handle) => {
    handle.addEventListener("dragstart", (event) => {
      dragged = handle.closest("li.editor-item");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.code);
    });
    handle.addEventListener("dragend", () => { dragged = null; });
  });
  document.querySelectorAll("li.editor-item").forEach((row) => {
    row.addEventListener("dragover", (event) => {
      if (dragged && dragged !== row && !dragged.contains(row)) {
        event.preventDefault();
        event.stopPropagation();
        row.classList.add("drop-target");
      }
    });
    row.addEventListener("dragleave", () => row.classList.remove("drop-target"));
    row.addEventListener("drop", (event) => {
      row.classList.remove("drop-target");
      if (!dragged || dragged === row || dragged.contains(row)) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      const sameParent = (dragged.dataset.parent || "") === (row.dataset.parent || "");
      let position = Number(row.dataset.position);
      if (sameParent && Number(dragged.dataset.position) < position) {
        position -= 1;
      }
      const code = dragged.dataset.code;
      call("POST", "/items/" + encodeURIComponent(code) + "/move",
        { parentCode: row.dataset.parent || null, position }).then(moved(code), failed);
    });
  });

  // Back from a move: the moved row gets the focus again.
  if (location.hash.startsWith("#item-")) {
    const row = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    if (row) {
      row.focus();
    }
  }

  // The lock lasts five minutes without renewal: once taken (by the first change), renew it every
  // minute while the page is open.
  setInterval(() => {
    if (holding) {
      call("POST", "/lock").catch(failed);
    }
  }, 60000);
})();
