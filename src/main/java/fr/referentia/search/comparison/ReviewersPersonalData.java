package fr.referentia.search.comparison;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions a reviewer recorded on comparison proposals (R14). On erasure the decisions stay
 * (they are links between referentials); the reviewer's e-mail is replaced by {@link #ERASED_PERSON}.
 */
@Component
class ReviewersPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final EntityManager entityManager;

    ReviewersPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = entityManager.createQuery("select a from CrossAssociation a "
                        + "where lower(a.decidedBy) = :email order by a.decidedAt, a.id", CrossAssociation.class)
                .setParameter("email", key(subject)).getResultList().stream()
                .map(decision -> List.of(decision.origin().framework() + " " + decision.origin().code(),
                        decision.destination().framework() + " " + decision.destination().code(),
                        decision.decision().label()
                                + (decision.type() == null ? "" : " (" + decision.type().caseName() + ")"),
                        WHEN.format(decision.decidedAt())))
                .toList();
        return rows.isEmpty() ? List.of() : List.of(new Section("decisionsDeComparaison",
                "Mes décisions sur les comparaisons de référentiels",
                List.of("Élément", "Élément comparé", "Décision", "Date"), rows));
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        entityManager.createQuery("update CrossAssociation a set a.decidedBy = :erased where lower(a.decidedBy) = :email")
                .setParameter("erased", ERASED_PERSON).setParameter("email", key(subject)).executeUpdate();
    }

    private static String key(Subject subject) {
        return subject.email().strip().toLowerCase(Locale.ROOT);
    }
}
