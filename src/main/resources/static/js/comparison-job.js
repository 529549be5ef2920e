// Progress of a background comparison: polls its status (JSON) and updates the bar; reloads the
// page when the job ends, so that the proposals (or the error) are shown. Without JavaScript the
// page's "Actualiser" link does the same by hand.
document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("comparaison-travail");
  if (!job) {
    return;
  }
  const bar = document.getElementById("progression");
  const state = document.getElementById("etat");
  const number = new Intl.NumberFormat("fr-FR");
  let announced = "";

  const poll = async () => {
    let status;
    try {
      const response = await fetch(job.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        return; // unknown or expired job: the "Actualiser" link tells why
      }
      status = await response.json();
    } catch (e) {
      window.setTimeout(poll, 5000);
      return;
    }
    if (status.state === "DONE" || status.state === "FAILED") {
      window.location.reload();
      return;
    }
    bar.value = status.percent;
    bar.textContent = status.percent + " %";
    // Screen readers hear the status when the job starts counting and at each tenth, not at every poll.
    const step = status.state + "/" + (status.total > 0) + "/" + Math.floor(status.percent / 10);
    if (step !== announced) {
      announced = step;
      state.textContent = status.stateLabel + " : " + number.format(status.done) + " éléments traités sur "
        + number.format(status.total) + " (" + status.percent + " %).";
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
});
