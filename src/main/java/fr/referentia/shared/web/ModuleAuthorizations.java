package fr.referentia.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One module's URL authorisation rules. Each module declares its own as a bean; the security
 * configuration applies the platform's first rules, then every module's rules in bean order
 * ({@link org.springframework.core.annotation.Order}, see the constants below), then its catch-all
 * rule (anything else is the branch administrator's).
 * <p>
 * A module only names its own URLs, so that no two modules' matchers overlap and the order between
 * modules never changes a decision; within a module, rules apply in the order written (specific ones
 * first). Roles are named by their {@code account.Role} name (e.g. {@code "BRANCH_ADMIN"}), as a
 * module other than {@code account} may not depend on it.
 */
public interface ModuleAuthorizations {

    int SHARED = 0;
    int ACCOUNT = 100;
    int FRAMEWORK = 200;
    int SEARCH = 300;
    int CERTIFICATION = 400;
    int WORKFORCE = 500;

    /** The role every module's administration pages and writes need. */
    String BRANCH_ADMIN = "BRANCH_ADMIN";

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
