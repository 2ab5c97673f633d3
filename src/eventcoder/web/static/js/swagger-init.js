// FastAPI's Swagger UI set-up, from a file rather than an inline script (the pages' security policy runs no
// inline script). No validator badge: it would call a server on the internet.
window.ui = SwaggerUIBundle({
  url: document.getElementById("swagger-ui").dataset.spec,
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
