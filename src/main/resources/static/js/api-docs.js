// The API documentation (Swagger UI): names the controls Swagger UI renders without one, in French.
// Swagger UI draws its page after loading the description, and again when a section opens: each drawing is named.
(function () {
  const names = [
    ["select#servers", "Serveur de l'API"],
  ];
  function name() {
    names.forEach(([selector, label]) => {
      document.querySelectorAll(selector + ":not([aria-label])").forEach((element) => {
        element.setAttribute("aria-label", label);
      });
    });
  }
  new MutationObserver(name).observe(document.getElementById("swagger-ui"), {childList: true, subtree: true});
})();
