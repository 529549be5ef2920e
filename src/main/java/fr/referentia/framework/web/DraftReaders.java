package fr.referentia.framework.web;

import org.springframework.security.core.Authentication;

/** Drafts are working copies: only the branch administrators, who author them, read them. */
final class DraftReaders {

    private static final String AUTHOR_ROLE = "ROLE_BRANCH_ADMIN";

    private DraftReaders() {
    }

    static boolean mayReadDrafts(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> AUTHOR_ROLE.equals(a.getAuthority()));
    }
}
