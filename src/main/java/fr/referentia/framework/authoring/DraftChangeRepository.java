package fr.referentia.framework.authoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftChangeRepository extends JpaRepository<DraftChange, Long> {

    Optional<DraftChange> findFirstByFrameworkIdOrderByIdDesc(Long frameworkId);

    @org.springframework.data.jpa.repository.Query(
            "select c.id from DraftChange c where c.frameworkId = :frameworkId order by c.id desc")
    List<Long> idsNewestFirst(Long frameworkId);
}
