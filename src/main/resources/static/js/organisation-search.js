// Accompanying organisation: as the candidate types a name (2 characters or more), the organisations
// found replace the choices below, through the same search as the page's button (which works without this file).
(() => {
  const search = document.querySelector("form.organisation-search");
  const choices = document.getElementById("organisme-choix");
  const status = document.getElementById("organisme-resultats-etat");
  if (!search || !choices || !status) {
    return;
  }
  const input = search.querySelector("input[name=organisme]");
  let timer = null;
  let asked = 0;

  function show(organisations) {
    choices.replaceChildren(...organisations.map((o, i) => {
      const row = document.createElement("div");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "organisationId";
      radio.id = `organisme-${i}`;
      radio.value = o.id;
      const label = document.createElement("label");
      label.htmlFor = radio.id;
      label.textContent = `${o.name} (${o.address})`;
      row.append(radio, " ", label);
      return row;
    }));
    status.textContent = organisations.length === 0 ? "Aucun organisme ne porte ce nom."
      : `${organisations.length} organisme(s) trouvé(s).`;
  }

  async function find() {
    const text = input.value.trim();
    if (text.length < 2) {
      return;
    }
    const mine = ++asked;
    const response = await fetch(`${search.dataset.api}?q=${encodeURIComponent(text)}`,
      { headers: { Accept: "application/json" } });
    if (mine !== asked) {
      return; // a later search has been asked meanwhile
    }
    if (response.ok) {
      show(await response.json());
    } else {
      status.textContent = "La recherche n'a pas abouti : utilisez le bouton « Rechercher ».";
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(find, 300);
  });
})();
