package fr.referentia.certification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StateChangeRepository extends JpaRepository<StateChange, UUID> {

    int countByApplicationId(UUID applicationId);

    List<StateChange> findByApplicationIdOrderByStepAsc(UUID applicationId);
}
