package fr.referentia.account;

import fr.referentia.account.bulk.PeopleFile;
import fr.referentia.account.bulk.PeopleFile.Line;
import fr.referentia.shared.text.Confusables;
import fr.referentia.shared.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invitation: an organisation's HR (or the branch administrator) uploads a list of people
 * ({@link PeopleFile}). Every line is checked first ({@link PeopleImportPolicy}); one wrong line
 * and nothing is created. Otherwise every account is created and invited, all or none.
 */
@Service
@Transactional
public class PeopleImport {

    private final AccountAdministration administration;
    private final UserAccountRepository users;
    private final PasswordLinks passwordLinks;

    PeopleImport(AccountAdministration administration, UserAccountRepository users, PasswordLinks passwordLinks) {
        this.administration = administration;
        this.users = users;
        this.passwordLinks = passwordLinks;
    }

    /** How an upload ended: the number of people created, or the problems that prevented it. */
    public record Outcome(int created, List<ImportProblem> problems) {

        public boolean imported() {
            return problems.isEmpty();
        }
    }

    /**
     * Imports the file into the organisation. A file that is not a readable list throws a
     * {@link fr.referentia.shared.BadInputException}; an organisation the requester does not
     * manage reads as unknown.
     */
    public Outcome invite(String requesterEmail, UUID organisationId, byte[] file) {
        Organisation organisation = administration.managedOrganisation(requesterEmail, organisationId);
        UserAccount requester = users.findByEmail(requesterEmail)
                .orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        List<Line> lines = PeopleFile.read(file);

        Map<String, Integer> firstLine = new HashMap<>();
        lines.forEach(line -> firstLine.putIfAbsent(EmailAddresses.normalise(line.email()), line.number()));
        var context = new PeopleImportPolicy.Context(requester.heldGrants(), organisation.getId(),
                users.findExistingEmails(firstLine.keySet()), users.findExistingSkeletons(firstLine.keySet().stream()
                        .map(Confusables::skeletonDigest).toList()), firstLine);
        List<ImportProblem> problems = PeopleImportPolicy.checkAll(lines, context);
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }

        List<UserAccount> created = new ArrayList<>();
        for (Line line : lines) {
            UserAccount person = new UserAccount(EmailAddresses.normalise(line.email()), line.name(), null);
            person.grant(PeopleImportPolicy.role(line.role()).orElseThrow(), organisation);
            created.add(person);
        }
        try {
            users.saveAllAndFlush(created);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Un compte a été créé entre-temps pour l'une des adresses du fichier :"
                    + " rien n'a été importé, envoyez le fichier à nouveau.");
        }
        created.forEach(person -> administration.recordCreation(requesterEmail, person, organisation));
        passwordLinks.inviteNew(created);
        return new Outcome(created.size(), List.of());
    }
}
