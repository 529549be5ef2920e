package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.shared.jobs.JobState;
import fr.referentia.shared.jobs.JobView;
import fr.referentia.shared.jobs.Jobs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    @Autowired
    Jobs jobs;

    @Test
    void storesABackgroundComparisonAndItsResultOnH2() throws Exception {
        UUID id = comparisonJobs.start(List.of("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS"), 3,
                "h2@exemple.fr");
        Jobs.Viewer owner = Jobs.Viewer.owner("h2@exemple.fr");
        Instant deadline = Instant.now().plusSeconds(60);
        JobView job = jobs.find(id, owner);
        while (job.state() != JobState.DONE) {
            assertThat(job.state()).isIn(JobState.QUEUED, JobState.RUNNING);
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(10);
            job = jobs.find(id, owner);
        }
        ComparisonJobs.Result result = comparisonJobs.result(id, owner);
        assertThat(result.proposals()).hasSize(job.total()).isNotEmpty();
        assertThat(result.frameworks()).containsExactly("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS");
    }
}
