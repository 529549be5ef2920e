package fr.referentia.search.comparison;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CrossAssociationRepository extends JpaRepository<CrossAssociation, Long> {

    @Query("select a from CrossAssociation a where a.originFramework in :codes and a.destinationFramework in :codes")
    List<CrossAssociation> findBetween(Collection<String> codes);

    @Query("select a from CrossAssociation a where a.decision = fr.referentia.search.comparison.Decision.CONFIRMED "
            + "and ((a.originFramework = :framework and a.originCode = :code) "
            + "or (a.destinationFramework = :framework and a.destinationCode = :code))")
    List<CrossAssociation> findConfirmedOf(String framework, String code);

    Optional<CrossAssociation> findByOriginFrameworkAndOriginCodeAndDestinationFrameworkAndDestinationCode(
            String originFramework, String originCode, String destinationFramework, String destinationCode);

    default Optional<CrossAssociation> find(ItemRef origin, ItemRef destination) {
        return findByOriginFrameworkAndOriginCodeAndDestinationFrameworkAndDestinationCode(origin.framework(),
                origin.code(), destination.framework(), destination.code());
    }
}
