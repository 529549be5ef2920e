package fr.referentia.account;

import fr.referentia.account.bulk.PeopleFile;
import fr.referentia.account.bulk.PeopleFile.Line;
import fr.referentia.shared.text.Confusables;
import fr.referentia.shared.text.PlainText;
import fr.referentia.shared.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invitation: an organisation's HR (or the branch administrator) uploads a list of people
 * ({@link PeopleFile}). Every line is checked first ({@link PeopleImportPolicy}); one wrong line
 * and nothing is created. Otherwise every account is created and invited, all or none. An address
 * that already has an account outside the organisation is not mentioned: that person is invited to
 * join ({@link Memberships}) and counted like the others, so the upload reveals no account.
 */
@Service
@Transactional
public class PeopleImport {

    private final AccountAdministration administration;
    private final UserAccountRepository users;
    private final PasswordLinks passwordLinks;
    private final Memberships memberships;

    PeopleImport(AccountAdministration administration, UserAccountRepository users, PasswordLinks passwordLinks,
            Memberships memberships) {
        this.administration = administration;
        this.memberships = memberships;
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
        Map<String, UserAccount> existing = new HashMap<>();
        users.findByEmailIn(firstLine.keySet()).forEach(account -> existing.put(account.getEmail(), account));
        Set<String> membersHere = existing.values().stream()
                .filter(account -> account.getGrants().stream()
                        .anyMatch(grant -> organisation.getId().equals(grant.getOrganisationId())))
                .map(UserAccount::getEmail).collect(Collectors.toSet());
        var context = new PeopleImportPolicy.Context(requester.heldGrants(), organisation.getId(),
                existing.keySet(), users.findExistingSkeletons(firstLine.keySet().stream()
                        .map(Confusables::skeletonDigest).toList()), firstLine, membersHere);
        List<ImportProblem> problems = PeopleImportPolicy.checkAll(lines, context);
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }

        List<UserAccount> created = new ArrayList<>();
        List<Memberships.Offer> offers = new ArrayList<>();
        for (Line line : lines) {
            Role role = PeopleImportPolicy.role(line.role()).orElseThrow();
            UserAccount elsewhere = existing.get(EmailAddresses.normalise(line.email()));
            if (elsewhere != null) {
                // An account in another organisation or branch-wide: invited to join, answered like a new person.
                offers.add(new Memberships.Offer(elsewhere, role, PlainText.normalise(line.name())));
                continue;
            }
            UserAccount person = new UserAccount(EmailAddresses.normalise(line.email()), line.name(), null);
            person.grant(role, organisation);
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
        memberships.offer(requesterEmail, organisation, offers);
        return new Outcome(lines.size(), List.of());
    }
}
