// Draft editor enhancements: autosave, Alt+↑/↓, drag and drop, lock renewal. Without this file every
// operation still works through the page's forms.
(() => {
  const main = document.querySelector("main.editor");
  if (!main || main.dataset.editable !== "true") {
    return;
  }
  const api = main.dataset.api;
  const status = document.getElementById("autosave-status");
  const undoForm = document.querySelector(".undo-form");
  const undoButton = undoForm && undoForm.querySelector("button");

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
    status.textContent = "Enregistré à " + change.time;
    if (undoForm && change.undo) {
      undoButton.textContent = "Annuler : " + change.undo;
      undoForm.hidden = false;
    }
  }

  function failed(error) {
    status.textContent = "Erreur : " + error.message;
  }

  // Autosave of an item's text, one second after the last keystroke.
  document.querySelectorAll("textarea[data-autosave]").forEach((area) => {
    let timer = null;
    area.addEventListener("input", () => {
      clearTimeout(timer);
      status.textContent = "Modification en cours…";
      timer = setTimeout(() => {
        call("PATCH", "/items/" + encodeURIComponent(area.dataset.autosave), { text: area.value })
          .then(saved, failed);
      }, 1000);
    });
  });

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

  // The lock lasts five minutes without renewal: renew it every minute while the page is open.
  setInterval(() => {
    call("POST", "/lock").catch(failed);
  }, 60000);
})();
