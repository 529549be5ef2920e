package fr.referentia.certification;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the authorisation matrix: a fresh draft application of a given person, made directly (R3 would
 * refuse a person's second request for the same certification, and the matrix needs one per call).
 */
@Component
public class MatrixApplications {

    private final ApplicationStateMachine states;
    private final AccountDirectory directory;
    private final Clock clock;
    private final TransactionTemplate transactions;

    MatrixApplications(ApplicationStateMachine states, AccountDirectory directory, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.states = states;
        this.directory = directory;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A new draft application to the CQP Conseiller commercial whose candidate is {@code email}'s account. */
    public UUID draftOf(String email) {
        AccountSummary candidate = directory.findByEmail(email).orElseThrow();
        return transactions.execute(status -> {
            Application application = new Application("CQP-CONSEILLER-COMMERCIAL", "1",
                    ApplicationRoute.TRAINING, 2026, candidate.id(), candidate.organisationId(), candidate.id(),
                    clock.instant());
            states.start(application, candidate.id(), "Matrice d'autorisation.");
            return application.getId();
        });
    }
}
