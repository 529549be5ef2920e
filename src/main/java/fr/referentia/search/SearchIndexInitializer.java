package fr.referentia.search;

import fr.referentia.framework.FrameworkItem;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index when it does not match the database (a new index directory, rows written
 * outside Hibernate such as by Flyway or a restore). Runs after the seed loader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SearchIndexInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexInitializer.class);

    private final EntityManagerFactory entityManagerFactory;

    SearchIndexInitializer(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
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
        if (stored == indexed) {
            return;
        }
        log.info("Index de recherche à reconstruire : {} éléments en base, {} indexés", stored, indexed);
        mapping.scope(FrameworkItem.class).massIndexer().threadsToLoadObjects(1).startAndWait();
    }
}
