package fr.referentia.shared.web;

import java.util.List;
import java.util.UUID;

/**
 * The signed-in person as the workspace's tiles see them: roles by name (as in {@code Role}), each with
 * the organisation it is held in, if any.
 */
public record WorkspacePerson(String email, String displayName, List<Grant> grants) {

    /** One role held, branch-wide (no organisation) or in one organisation. */
    public record Grant(String role, String roleLabel, UUID organisationId, String organisationName) {
    }

    public boolean has(String role) {
        return grants.stream().anyMatch(grant -> grant.role().equals(role));
    }

    public boolean hasAny(String... roles) {
        return List.of(roles).stream().anyMatch(this::has);
    }

    /** The grants of one role, e.g. every organisation where the person is HR. */
    public List<Grant> grantsOf(String role) {
        return grants.stream().filter(grant -> grant.role().equals(role)).toList();
    }
}
