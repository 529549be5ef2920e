package fr.referentia.workforce.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Competency management: every page and route needs a sign-in, then its service checks the organisation
 * and the person (WorkforceAccess): another organisation or a person one may not see reads as unknown
 * (404), a role that may not act is refused (403). The organisation's sub-paths named here are the
 * workforce module's only ({@code /people/{personId}/…} below a person, never the account module's
 * {@code /people} list).
 */
@Component
@Order(ModuleAuthorizations.WORKFORCE)
class WorkforceAuthorizations implements ModuleAuthorizations {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/gpec", "/gpec/**").authenticated()
            .requestMatchers("/api/v1/job-profile-templates", "/api/v1/job-profile-templates/**").authenticated()
            .requestMatchers("/api/v1/organisations/*/job-profiles", "/api/v1/organisations/*/job-profiles/**",
                    "/api/v1/organisations/*/teams", "/api/v1/organisations/*/teams/**",
                    "/api/v1/organisations/*/proficiency-scale",
                    "/api/v1/organisations/*/people/*/**",
                    "/api/v1/organisations/*/heatmap", "/api/v1/organisations/*/development-plan",
                    "/api/v1/organisations/*/development-plan/**",
                    "/api/v1/organisations/*/career-interviews", "/api/v1/organisations/*/career-interviews/**")
                .authenticated();
    }
}
