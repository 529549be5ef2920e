package fr.referentia.certification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import fr.referentia.account.AccountDirectory;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile (the tests' default) starts with one application at each state, none for the demo candidate. */
@IntegrationTest
class DemoApplicationsTest {

    @Autowired
    ApplicationRepository applications;

    @Autowired
    StateChangeRepository changes;

    @Autowired
    AccountDirectory directory;

    @Test
    void everyStateHasADemoApplicationOfAGeneratedCandidateAndTheDemoCandidateHasNone() {
        List<Application> demo = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> directory.findByEmail("candidat-demo-" + i + "@demo.referentia.fr").orElseThrow())
                .flatMap(candidate -> applications.findByCandidateIdOrderByCreatedAtDesc(candidate.id()).stream())
                .toList();
        assertThat(demo.stream().map(Application::getState)).containsExactlyInAnyOrder(ApplicationState.values());
        assertThat(applications.findByCandidateIdOrderByCreatedAtDesc(
                directory.findByEmail("candidate@demo.referentia.fr").orElseThrow().id())).isEmpty();
        // Each reached its state through the state machine: its history ends there and starts at DRAFT.
        for (Application application : demo) {
            List<StateChange> history = changes.findByApplicationIdOrderByStepAsc(application.getId());
            assertThat(history.get(0).getTo()).isEqualTo(ApplicationState.DRAFT);
            assertThat(history.get(history.size() - 1).getTo()).isEqualTo(application.getState());
        }
    }
}
