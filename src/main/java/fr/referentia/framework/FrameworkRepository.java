package fr.referentia.framework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FrameworkRepository extends JpaRepository<Framework, Long> {

    boolean existsByCode(String code);

    boolean existsByCodeAndVersion(String code, String version);

    boolean existsByCodeAndStatus(String code, FrameworkStatus status);

    Optional<Framework> findByCodeAndVersion(String code, String version);

    /** The newest version created, whatever its status (what an import replaces, for the audit trail). */
    Optional<Framework> findFirstByCodeOrderByCreatedAtDescIdDesc(String code);

    /** With {@code PUBLISHED}: the current version of a referential, the one shown by default. */
    Optional<Framework> findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(String code, FrameworkStatus status);

    List<Framework> findAllByCodeOrderByCreatedAtDescIdDesc(String code);

    List<Framework> findAllByStatusOrderByKindAscCodeAscCreatedAtDescIdDesc(FrameworkStatus status);
}
