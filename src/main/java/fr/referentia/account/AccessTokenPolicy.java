package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a person may ask for when creating a personal access token. One named policy per rule, all
 * of them applied; the first rejection is the answer (like {@link GrantPolicy}).
 */
public interface AccessTokenPolicy extends Policy<AccessTokenPolicy.Request> {

    /** Roles that write through the API for a machine client: referentials, certification, HR data. */
    Set<Role> WRITING_ROLES = EnumSet.of(Role.BRANCH_ADMIN, Role.CERTIFICATION_OFFICE, Role.ORG_HR);

    int MAX_NAME_LENGTH = 100;

    record Request(String name, AccessTokenScope scope, LocalDate expiresOn, Set<Role> ownerRoles, LocalDate today) {
    }



    /** A token is named, so that its owner knows which client to update when revoking it. */
    AccessTokenPolicy NAME_IS_GIVEN = request -> {
        if (request.name() == null || request.name().isBlank()) {
            return Decision.rejected("Donnez un nom au jeton (par exemple le nom du programme qui l'utilisera).");
        }
        if (request.name().strip().length() > MAX_NAME_LENGTH) {
            return Decision.rejected("Le nom du jeton dépasse " + MAX_NAME_LENGTH + " caractères.");
        }
        return Decision.allowed();
    };

    AccessTokenPolicy SCOPE_IS_CHOSEN = request -> request.scope() == null
            ? Decision.rejected("Choisissez la portée du jeton : lecture seule ou lecture et écriture.")
            : Decision.allowed();

    /** Writing is only meaningful for a person whose roles write: the others get read-only tokens. */
    AccessTokenPolicy WRITE_NEEDS_A_WRITING_ROLE = request -> request.scope() != AccessTokenScope.WRITE
            || request.ownerRoles().stream().anyMatch(WRITING_ROLES::contains)
            ? Decision.allowed()
            : Decision.rejected("Vos rôles ne permettent pas d'écrire par l'API : choisissez un jeton en lecture seule.");

    /** An expiry date, when given, is after today (the token works until the end of that day). */
    AccessTokenPolicy EXPIRY_IS_IN_THE_FUTURE = request -> request.expiresOn() == null
            || request.expiresOn().isAfter(request.today())
            ? Decision.allowed()
            : Decision.rejected("La date d'expiration doit être postérieure à aujourd'hui.");

    /** The longest life a token may be given: a forgotten token must still end one day. */
    int MAX_YEARS = 2;

    /** An expiry date, when given, is at most {@value #MAX_YEARS} years away (a date like +999999999-12-31 is refused). */
    AccessTokenPolicy EXPIRY_IS_WITHIN_REACH = request -> request.expiresOn() == null
            || !request.expiresOn().isAfter(request.today().plusYears(MAX_YEARS))
            ? Decision.allowed()
            : Decision.rejected("La date d'expiration ne peut dépasser " + MAX_YEARS + " ans : choisissez une date"
                    + " avant le " + request.today().plusYears(MAX_YEARS).format(
                            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");

    List<AccessTokenPolicy> ALL = List.of(NAME_IS_GIVEN, SCOPE_IS_CHOSEN, WRITE_NEEDS_A_WRITING_ROLE,
            EXPIRY_IS_IN_THE_FUTURE, EXPIRY_IS_WITHIN_REACH);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
