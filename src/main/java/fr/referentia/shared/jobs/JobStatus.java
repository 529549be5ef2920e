package fr.referentia.shared.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The one status JSON of a background job ({@code GET /api/v1/jobs/{id}}), what a client polls.
 * {@code problems} (a failed input's report: row and column for a spreadsheet's cells) only when there
 * are some.
 */
public record JobStatus(UUID id, String kind, JobState state, String phase, int done, int total, String error,
        String resultUrl, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Problem> problems) {

    public static JobStatus of(JobView job) {
        return new JobStatus(job.id(), job.kind(), job.state(), job.phase(), job.done(), job.total(), job.error(),
                job.resultUrl(), job.problems());
    }
}
