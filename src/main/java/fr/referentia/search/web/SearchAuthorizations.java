package fr.referentia.search.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Search is public. Comparisons of referentials: the branch administrator decides (the catch-all rule),
 * observers read; starting a background comparison is reading too (each job is its requester's own).
 */
@Component
@Order(ModuleAuthorizations.SEARCH)
class SearchAuthorizations implements ModuleAuthorizations {

    static final String OBSERVER = "OBSERVER";

    static final String[] PUBLIC_READS = {"/recherche", "/api/v1/search"};

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
            .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
            .requestMatchers(HttpMethod.GET, "/comparaisons", "/comparaisons/**", "/api/v1/comparisons",
                    "/api/v1/comparisons/jobs/**")
                .hasAnyRole(BRANCH_ADMIN, OBSERVER)
            .requestMatchers(HttpMethod.POST, "/comparaisons/travaux", "/api/v1/comparisons/jobs")
                .hasAnyRole(BRANCH_ADMIN, OBSERVER);
    }
}
