package fr.referentia.framework.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Referentials are public to read; imports, their follow-up pages and the draft editor live under the
 * public prefixes but are the branch administrator's, so they come first. Other writes fall to the
 * catch-all rule (branch administrator).
 */
@Component
@Order(ModuleAuthorizations.FRAMEWORK)
class FrameworkAuthorizations implements ModuleAuthorizations {

    static final String[] PUBLIC_READS = {"/", "/referentiels/**", "/api/v1/frameworks", "/api/v1/frameworks/**"};

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/referentiels/import", "/referentiels/import/**", "/api/v1/frameworks/import/jobs/**",
                    "/referentiels/*/versions/*/edition", "/referentiels/*/versions/*/edition/**")
                .hasRole(BRANCH_ADMIN)
            // Discarding a draft and retiring a referential: their confirmation pages too.
            .requestMatchers("/referentiels/*/versions/*/abandon", "/referentiels/*/retrait").hasRole(BRANCH_ADMIN)
            .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
            .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/frameworks/import").hasRole(BRANCH_ADMIN);
    }
}
