package fr.referentia.shared.jobs.web;

import fr.referentia.shared.jobs.JobKind;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Jobs;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The one page following a background job: its progress bar (moved by {@code job.js}, or by the
 * « Actualiser » link), then its result, its error, or the offer to run it again.
 */
@Controller
class JobPages {

    private final Jobs jobs;
    private final List<JobKind> kinds;

    JobPages(Jobs jobs, List<JobKind> kinds) {
        this.jobs = jobs;
        this.kinds = kinds;
    }

    @GetMapping("/travaux/{jobId}")
    String job(@PathVariable UUID jobId, Authentication authentication, Model model) {
        JobView job = jobs.find(jobId, Jobs.Viewer.of(authentication));
        JobKind kind = kinds.stream().filter(k -> k.name().equals(job.kind())).findFirst().orElseThrow();
        if (job.state() == JobState.DONE && kind.opensResult() && job.resultUrl() != null) {
            return "redirect:" + job.resultUrl();
        }
        model.addAttribute("job", job);
        model.addAttribute("resultLabel", kind.resultLabel());
        model.addAttribute("againUrl", kind.againUrl(job));
        model.addAttribute("mine", job.owner().equals(authentication.getName()));
        return "jobs/job";
    }

    @PostMapping("/travaux/{jobId}/relance")
    String retry(@PathVariable UUID jobId, Authentication authentication) {
        jobs.retry(jobId, Jobs.Viewer.of(authentication));
        return "redirect:/travaux/" + jobId;
    }
}
