package fr.referentia.framework.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DraftChangeRepository extends JpaRepository<DraftChange, Long> {

    /** The latest step without its snapshot (which can weigh a few hundred kilobytes). */
    record Step(Long id, String authorEmail, Instant changedAt, String summary, String fieldKey) {
    }

    @Query("select new fr.referentia.framework.authoring.DraftChangeRepository$Step(c.id, c.authorEmail, c.changedAt,"
            + " c.summary, c.fieldKey) from DraftChange c where c.frameworkId = :frameworkId order by c.id desc limit 1")
    Optional<Step> latest(Long frameworkId);

    Optional<DraftChange> findFirstByFrameworkIdOrderByIdDesc(Long frameworkId);

    @Modifying
    @Query("update DraftChange c set c.changedAt = :at where c.id = :id")
    void touch(Long id, Instant at);

    @Query("select c.id from DraftChange c where c.frameworkId = :frameworkId order by c.id desc")
    List<Long> idsNewestFirst(Long frameworkId);
}
