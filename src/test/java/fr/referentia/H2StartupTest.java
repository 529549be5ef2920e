package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.comparison.ComparisonJob;
import fr.referentia.search.comparison.ComparisonJobs;
import java.time.Instant;
import java.util.List;
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

    @Autowired
    ComparisonJobs comparisonJobs;

    @Test
    void startsOnH2WithTheSeedsLoadedAndIndexed() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(catalog.list()).hasSize(4);
        assertThat(search.search(new SearchQuery("évaluation des acquis", null, null, 0, 5)).total()).isPositive();
    }

    @Test
    void storesABackgroundComparisonAndItsResultOnH2() throws Exception {
        ComparisonJob job = comparisonJobs.start(List.of("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS"),
                3, "h2@exemple.fr");
        Instant deadline = Instant.now().plusSeconds(60);
        while (job.state() != ComparisonJob.State.DONE) {
            assertThat(job.state()).isNotEqualTo(ComparisonJob.State.FAILED);
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(10);
        }
        ComparisonJob read = comparisonJobs.find(job.id(), "h2@exemple.fr", false);
        assertThat(read.status().state()).isEqualTo(ComparisonJob.State.DONE);
        assertThat(read.result()).isEqualTo(job.result()).isNotEmpty();
    }
}
