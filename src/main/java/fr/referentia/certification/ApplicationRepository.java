package fr.referentia.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

    List<Application> findByCandidateIdOrderByCreatedAtDesc(UUID candidateId);

    List<Application> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

    List<Application> findByStateInOrderBySubmittedAtAscCreatedAtAsc(Collection<ApplicationState> states);

    List<Application> findByStateIn(Collection<ApplicationState> states, Pageable page);

    long countByStateIn(Collection<ApplicationState> states);

    List<Application> findAllByOrderByCreatedAtDesc();

    long countByState(ApplicationState state);

    /** The earliest reception date among applications in {@code state}: the nearest decision deadline's. */
    @Query("select min(a.receivedOn) from Application a where a.state = :state")
    Optional<LocalDate> earliestReceivedOn(@Param("state") ApplicationState state);
}
