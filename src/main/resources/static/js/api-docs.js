// The API documentation (Swagger UI, which has no French of its own): names the controls it renders
// without a name, and puts its own words in French. Swagger UI draws its page once the description is
// loaded, and again whenever a section opens or an answer arrives: each drawing is named and translated.
(function () {
  const root = document.getElementById("swagger-ui");
  if (!root) {
    return;
  }
  const names = [
    ["select#servers", "Serveur de l'API"],
  ];
  // Swagger UI's words, as shown (the text of an element, trimmed), and what they read in French.
  const french = new Map([
    ["Servers", "Serveurs"],
    ["Authorize", "S'authentifier"],
    ["Parameters", "Paramètres"],
    ["No parameters", "Aucun paramètre"],
    ["Try it out", "Essayer"],
    ["Cancel", "Annuler"],
    ["Execute", "Envoyer"],
    ["Clear", "Effacer"],
    ["Reset", "Rétablir"],
    ["Request body", "Corps de la requête"],
    ["Responses", "Réponses"],
    ["Response content type", "Type de contenu de la réponse"],
    ["Parameter content type", "Type de contenu du paramètre"],
    ["Media type", "Type de média"],
    ["Example Value", "Exemple"],
    ["Example Description", "Description de l'exemple"],
    ["Examples", "Exemples"],
    ["Schema", "Schéma"],
    ["Schemas", "Schémas"],
    ["Links", "Liens"],
    ["No links", "Aucun lien"],
    ["Name", "Nom"],
    ["Details", "Détails"],
    ["Default", "Par défaut"],
    ["Send empty value", "Envoyer une valeur vide"],
    ["Server response", "Réponse du serveur"],
    ["Response body", "Corps de la réponse"],
    ["Response headers", "En-têtes de la réponse"],
    ["Request URL", "Adresse de la requête"],
    ["Download", "Télécharger"],
    ["Expand all", "Tout déplier"],
    ["Collapse all", "Tout replier"],
    ["Expand operation", "Déplier l'opération"],
    ["Collapse operation", "Replier l'opération"],
    ["Copy to clipboard", "Copier dans le presse-papiers"],
    ["Terms of service", "Conditions d'utilisation"],
    ["Failed to load API definition.", "La description de l'API n'a pas pu être chargée."],
    ["required", "obligatoire"],
    ["Filter by tag", "Filtrer par rubrique"],
  ]);
  const attributes = ["aria-label", "title", "placeholder"];

  function translate(node) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const shown = text.nodeValue.trim();
      if (french.has(shown)) {
        text.nodeValue = text.nodeValue.replace(shown, french.get(shown));
      }
    }
    node.querySelectorAll("[aria-label], [title], [placeholder]").forEach((element) => {
      attributes.forEach((attribute) => {
        const value = element.getAttribute(attribute);
        if (value && french.has(value.trim())) {
          element.setAttribute(attribute, french.get(value.trim()));
        }
      });
    });
  }

  function drawn() {
    names.forEach(([selector, label]) => {
      root.querySelectorAll(selector + ":not([aria-label])").forEach((element) => {
        element.setAttribute("aria-label", label);
      });
    });
    translate(root);
  }

  // Translating changes text, which is a mutation too: it finds nothing left to translate and stops there.
  new MutationObserver(drawn).observe(root, {childList: true, characterData: true, subtree: true});
})();
