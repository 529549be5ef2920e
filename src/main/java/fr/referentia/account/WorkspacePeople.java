package fr.referentia.account;

import fr.referentia.shared.web.WorkspacePerson;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person as their workspace shows them: name, roles and the organisation of each. */
@Service
public class WorkspacePeople {

    private final UserAccountRepository users;

    WorkspacePeople(UserAccountRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public WorkspacePerson person(String email) {
        UserAccount account = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        return new WorkspacePerson(account.getEmail(), account.getDisplayName(), account.getGrants().stream()
                .sorted(Comparator.comparing(RoleGrant::getRole))
                .map(grant -> new WorkspacePerson.Grant(grant.getRole().name(), grant.getRole().label(),
                        grant.getOrganisationId(),
                        grant.getOrganisation() == null ? null : grant.getOrganisation().getName()))
                .toList());
    }
}
