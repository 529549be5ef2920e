package fr.referentia.framework.authoring;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the referentials keep about a person: the steps of the drafts they changed (journal for
 * "undo"), the edit locks they hold and the versions they published. On erasure the referentials'
 * content stays; the person's e-mail is replaced by {@link #ERASED_PERSON} and their locks are released
 * (the audit trail keeps, pseudonymised, who published what).
 */
@Component
class AuthorsPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final EntityManager entityManager;

    AuthorsPersonalData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        String email = key(subject);
        List<Section> sections = new ArrayList<>();
        List<List<String>> changes = rows(entityManager.createQuery("select f.code, f.version, c.changedAt, c.summary "
                + "from DraftChange c, Framework f where f.id = c.frameworkId and lower(c.authorEmail) = :email "
                + "order by c.id", Object[].class).setParameter("email", email).getResultList());
        if (!changes.isEmpty()) {
            sections.add(new Section("modificationsDeBrouillons", "Mes modifications de brouillons de référentiels",
                    List.of("Référentiel", "Version", "Date", "Modification"), changes));
        }
        List<List<String>> locks = rows(entityManager.createQuery("select f.code, f.version, l.acquiredAt "
                + "from DraftLock l, Framework f where f.id = l.frameworkId and lower(l.holderEmail) = :email "
                + "order by f.code, f.version", Object[].class).setParameter("email", email).getResultList());
        if (!locks.isEmpty()) {
            sections.add(new Section("brouillonsEnEdition", "Brouillons que j'édite",
                    List.of("Référentiel", "Version", "Depuis"), locks));
        }
        List<List<String>> published = rows(entityManager.createQuery("select f.code, f.version, f.publishedAt "
                + "from Framework f where lower(f.publishedBy) = :email order by f.publishedAt", Object[].class)
                .setParameter("email", email).getResultList());
        if (!published.isEmpty()) {
            sections.add(new Section("versionsPubliees", "Versions de référentiels que j'ai publiées",
                    List.of("Référentiel", "Version", "Publiée le"), published));
        }
        return sections;
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        String email = key(subject);
        entityManager.createQuery("update DraftChange c set c.authorEmail = :erased where lower(c.authorEmail) = :email")
                .setParameter("erased", ERASED_PERSON).setParameter("email", email).executeUpdate();
        entityManager.createQuery("delete from DraftLock l where lower(l.holderEmail) = :email")
                .setParameter("email", email).executeUpdate();
        // Who published is personal data, not the referential's content: the published text does not change.
        entityManager.createQuery("update Framework f set f.publishedBy = :erased where lower(f.publishedBy) = :email")
                .setParameter("erased", ERASED_PERSON).setParameter("email", email).executeUpdate();
    }

    private static String key(Subject subject) {
        return subject.email().strip().toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> rows(List<Object[]> results) {
        return results.stream().map(row -> {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(value == null ? "" : value instanceof Instant at ? WHEN.format(at) : value.toString());
            }
            return List.copyOf(cells);
        }).toList();
    }
}
