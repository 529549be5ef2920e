package fr.referentia.certification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, UUID> {

    List<Application> findByCandidateIdOrderByCreatedAtDesc(UUID candidateId);

    List<Application> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

    List<Application> findByStateInOrderBySubmittedAtAscCreatedAtAsc(Collection<ApplicationState> states);

    List<Application> findByStateIn(Collection<ApplicationState> states, Pageable page);

    long countByStateIn(Collection<ApplicationState> states);

    List<Application> findAllByOrderByCreatedAtDesc();

    long countByState(ApplicationState state);
}
