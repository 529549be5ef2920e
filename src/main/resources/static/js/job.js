// The page of a background job: polls its status (GET /api/v1/jobs/{id}), moves the bar and says where
// the job stands; reloads the page once the job has ended, to show its result, error or retry button.
// Without JavaScript the page's « Actualiser » link does the same by hand.
document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (!job || job.dataset.ended === "true") {
    return;
  }
  const bar = document.getElementById("job-progress");
  const status = document.getElementById("job-status");
  let announced = "";

  // The same sentence as the page's (JobView.statusText) while the job waits or runs.
  const sentence = (s) => s.state === "QUEUED" ? "En attente de démarrage…"
    : (s.phase || "En cours") + (s.total > 0 ? " : " + s.done + " sur " + s.total : "") + "…";

  const poll = async () => {
    let state;
    try {
      const response = await fetch(job.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        return; // unknown or expired job: the « Actualiser » link tells why
      }
      state = await response.json();
    } catch (e) {
      window.setTimeout(poll, 5000);
      return;
    }
    if (state.state !== "QUEUED" && state.state !== "RUNNING") {
      window.location.reload();
      return;
    }
    const percent = state.total > 0 ? Math.min(99, Math.floor(100 * state.done / state.total)) : 0;
    if (bar && state.total > 0) {
      bar.value = percent;
      bar.textContent = percent + " %";
    }
    // Screen readers hear the status at each new phase and each tenth, not at every poll.
    const step = state.state + "/" + state.phase + "/" + Math.floor(percent / 10);
    if (step !== announced) {
      announced = step;
      status.textContent = sentence(state);
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
});
