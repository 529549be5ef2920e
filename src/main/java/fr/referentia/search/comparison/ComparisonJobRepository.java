package fr.referentia.search.comparison;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ComparisonJobRepository extends JpaRepository<StoredComparisonJob, UUID> {

    @Modifying
    @Query("update StoredComparisonJob j set j.state = fr.referentia.search.comparison.ComparisonJob.State.RUNNING,"
            + " j.versions = :versions, j.updatedAt = :now where j.id = :id")
    int running(UUID id, String versions, Instant now);

    /** Progress only ever grows: writes from several workers may commit out of order. */
    @Modifying
    @Query("update StoredComparisonJob j set j.done = :done, j.total = :total, j.updatedAt = :now"
            + " where j.id = :id and j.state = fr.referentia.search.comparison.ComparisonJob.State.RUNNING"
            + " and (j.done < :done or j.total <> :total)")
    int progress(UUID id, int done, int total, Instant now);

    /** The jobs waiting on a node are alive while it works: they must not read as interrupted. */
    @Modifying
    @Query("update StoredComparisonJob j set j.updatedAt = :now where j.id in :ids"
            + " and j.state = fr.referentia.search.comparison.ComparisonJob.State.QUEUED")
    int waiting(Collection<UUID> ids, Instant now);

    @Modifying
    @Query("update StoredComparisonJob j set j.state = fr.referentia.search.comparison.ComparisonJob.State.FAILED,"
            + " j.message = :message, j.updatedAt = :now, j.finishedAt = :now where j.id in :ids"
            + " and j.state in (fr.referentia.search.comparison.ComparisonJob.State.QUEUED,"
            + " fr.referentia.search.comparison.ComparisonJob.State.RUNNING)")
    int failed(Collection<UUID> ids, String message, Instant now);

    /** The person's ended jobs, latest first (a stale one counts as ended when it was last heard of). */
    @Query("select j.id from StoredComparisonJob j where j.requester = :requester and (j.finishedAt is not null"
            + " or j.updatedAt < :staleBefore) order by coalesce(j.finishedAt, j.updatedAt) desc")
    List<UUID> ended(String requester, Instant staleBefore);

    /** Jobs ended (or last heard of, for stale ones) before {@code before}. */
    @Query("select j.id from StoredComparisonJob j where j.finishedAt < :before"
            + " or (j.finishedAt is null and j.updatedAt < :before)")
    List<UUID> endedBefore(Instant before);
}
