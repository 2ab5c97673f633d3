// The document page: clicking a record (event, claim, quote, proposal) lights up its evidence in the article;
// clicking a marked piece of text selects its record. #event=<id> (or claim=, quote=, proposal=) selects on load.
(function () {
  "use strict";
  const article = document.getElementById("article");
  if (!article) return;
  const records = Array.from(document.querySelectorAll(".record[data-key]"));
  const pieces = Array.from(article.querySelectorAll("[data-ann]"));
  const KINDS = { e: "event", c: "claim", q: "quote", p: "proposal" };

  function clear() {
    article.querySelectorAll(".sel").forEach((span) => {
      span.className = span.className.split(" ").filter((c) => c !== "sel" && !c.startsWith("sel-")).join(" ");
    });
    records.forEach((r) => r.classList.remove("active"));
  }

  function select(record, scroll) {
    clear();
    const key = record.dataset.key;
    let first = null;
    pieces.forEach((span) => {
      const roles = span.dataset.ann.split(" ").filter((t) => t.startsWith(key + ":"))
        .map((t) => t.slice(key.length + 1));
      if (!roles.length) return;
      span.classList.add("sel");
      roles.forEach((role) => span.classList.add("sel-" + role));
      first = first || span;
    });
    record.classList.add("active");
    if (scroll && first) first.scrollIntoView({ block: "center" });
    const kind = KINDS[key.charAt(0)];
    history.replaceState(null, "", "#" + kind + "=" + encodeURIComponent(record.dataset.id));
  }

  records.forEach((record) => {
    record.addEventListener("click", (event) => {
      if (event.target.closest("a")) return; // a link inside the record (its story) just navigates
      select(record, true);
    });
    record.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(record, true);
      }
    });
  });

  article.addEventListener("click", (event) => {
    const span = event.target.closest("[data-ann]");
    if (!span) return;
    const key = span.dataset.ann.split(" ")[0].split(":")[0];
    const record = records.find((r) => r.dataset.key === key);
    if (record) {
      select(record, false);
      record.scrollIntoView({ block: "nearest" });
    }
  });

  const match = location.hash.match(/^#(event|claim|quote|proposal)=(.+)$/);
  if (match) {
    const id = decodeURIComponent(match[2]);
    const record = records.find((r) => r.dataset.id === id);
    if (record) select(record, true);
  }
})();
