package fr.referentia.search;

import fr.referentia.framework.FrameworkItem;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index when it does not match the database (a new index directory, rows written
 * outside Hibernate such as by Flyway or a restore) or was built by another analysis (the stamp
 * {@code framework_item.analysis} beside the index directory differs from {@link FrenchAnalysis#VERSION}).
 * Runs after the seed loader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SearchIndexInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexInitializer.class);

    private final EntityManagerFactory entityManagerFactory;
    private final Path stamp;

    SearchIndexInitializer(EntityManagerFactory entityManagerFactory,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.type:local-filesystem}") String type,
            @Value("${spring.jpa.properties.hibernate.search.backend.directory.root:}") String root) {
        this.entityManagerFactory = entityManagerFactory;
        this.stamp = "local-filesystem".equals(type) && !root.isBlank()
                ? Path.of(root).resolve("framework_item.analysis") : null;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        long indexed;
        long stored;
        try (var entityManager = entityManagerFactory.createEntityManager()) {
            indexed = Search.session(entityManager).search(FrameworkItem.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
            stored = entityManager.createQuery("select count(i) from FrameworkItem i", Long.class).getSingleResult();
        }
        String analysis = readStamp();
        if (stored == indexed && (stamp == null || FrenchAnalysis.VERSION.equals(analysis))) {
            return;
        }
        log.info("Index de recherche à reconstruire : {} éléments en base, {} indexés, analyse {} (en vigueur : {})",
                stored, indexed, analysis, FrenchAnalysis.VERSION);
        mapping.scope(FrameworkItem.class).massIndexer().threadsToLoadObjects(1).startAndWait();
        writeStamp();
    }

    private String readStamp() {
        try {
            return stamp != null && Files.isRegularFile(stamp) ? Files.readString(stamp).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeStamp() {
        if (stamp == null) {
            return;
        }
        try {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, FrenchAnalysis.VERSION);
        } catch (IOException e) {
            log.warn("Impossible d'écrire {} : l'index sera reconstruit au prochain démarrage", stamp, e);
        }
    }
}
