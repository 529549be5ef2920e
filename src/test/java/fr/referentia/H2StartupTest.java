package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The embedded default of the run command: H2 in PostgreSQL mode, migrated, seeded and searchable. */
@SpringBootTest(properties = {
        "referentia.test.database=h2",
        "spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class H2StartupTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    FrameworkSearch search;

    @Test
    void startsOnH2WithTheSeedsLoadedAndIndexed() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(catalog.list()).hasSize(4);
        assertThat(search.search(new SearchQuery("évaluation des acquis", null, null, 0, 5)).total()).isPositive();
    }
}
