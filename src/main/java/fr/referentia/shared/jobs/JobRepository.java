package fr.referentia.shared.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface JobRepository extends JpaRepository<Job, UUID> {

    List<Job> findByOwnerAndKindOrderByCreatedAtDesc(String owner, String kind, Pageable page);

    List<Job> findByOwnerOrderByCreatedAtDesc(String owner);

    @Modifying
    @Query("update Job j set j.state = fr.referentia.shared.jobs.JobState.RUNNING, j.updatedAt = :now"
            + " where j.id = :id and j.state = fr.referentia.shared.jobs.JobState.QUEUED")
    int running(UUID id, Instant now);

    @Modifying
    @Query("update Job j set j.phase = :phase, j.done = :done, j.total = :total, j.updatedAt = :now"
            + " where j.id = :id and j.state = fr.referentia.shared.jobs.JobState.RUNNING")
    int progress(UUID id, String phase, int done, int total, Instant now);

    /** The last write of a job that ended: it wins over an interruption marked meanwhile (its work did end). */
    @Modifying
    @Query("update Job j set j.state = :state, j.phase = :phase, j.done = :done, j.total = :total,"
            + " j.resultUrl = :resultUrl, j.error = :error, j.problems = :problems, j.inputStored = false,"
            + " j.updatedAt = :now, j.finishedAt = :now where j.id = :id")
    int ended(UUID id, JobState state, String phase, int done, int total, String resultUrl, String error,
            String problems, Instant now);

    /** The unfinished jobs of a node are interrupted (it stops, or starts again after a crash). */
    @Modifying
    @Query("update Job j set j.state = fr.referentia.shared.jobs.JobState.INTERRUPTED, j.updatedAt = :now,"
            + " j.finishedAt = :now where j.node = :node and j.state in (fr.referentia.shared.jobs.JobState.QUEUED,"
            + " fr.referentia.shared.jobs.JobState.RUNNING)")
    int interrupted(String node, Instant now);

    /** A node's heartbeat: its jobs waiting or running are alive, even with no progress to tell. */
    @Modifying
    @Query("update Job j set j.updatedAt = :now where j.node = :node and j.state in"
            + " (fr.referentia.shared.jobs.JobState.QUEUED, fr.referentia.shared.jobs.JobState.RUNNING)")
    int alive(String node, Instant now);

    /** An interrupted job run again: queued on this node, its progress and end forgotten. */
    @Modifying
    @Query("update Job j set j.state = fr.referentia.shared.jobs.JobState.QUEUED, j.node = :node, j.phase = null,"
            + " j.done = 0, j.total = 0, j.error = null, j.problems = null, j.resultUrl = null, j.updatedAt = :now,"
            + " j.finishedAt = null where j.id = :id and (j.state = fr.referentia.shared.jobs.JobState.INTERRUPTED"
            + " or (j.state in (fr.referentia.shared.jobs.JobState.QUEUED, fr.referentia.shared.jobs.JobState.RUNNING)"
            + " and j.updatedAt < :staleBefore))")
    int requeued(UUID id, String node, Instant now, Instant staleBefore);

    /**
     * Jobs of {@code kind} ended before {@code before}, or silent since then (a stopped node's): their
     * retention is over.
     */
    @Query("select j.id from Job j where j.kind = :kind and (j.finishedAt < :before"
            + " or (j.finishedAt is null and j.updatedAt < :before))")
    List<UUID> endedBefore(String kind, Instant before);

    /** The person's ended jobs of {@code kind}, latest first (a silent one counts as ended when last heard of). */
    @Query("select j.id from Job j where j.owner = :owner and j.kind = :kind and (j.finishedAt is not null"
            + " or j.updatedAt < :staleBefore) order by coalesce(j.finishedAt, j.updatedAt) desc")
    List<UUID> endedOf(String owner, String kind, Instant staleBefore);

    @Modifying
    @Query("delete from Job j where j.id in :ids")
    int deleteByIds(Collection<UUID> ids);

    @Modifying
    @Query("delete from Job j where j.owner = :owner")
    int deleteByOwner(String owner);
}
