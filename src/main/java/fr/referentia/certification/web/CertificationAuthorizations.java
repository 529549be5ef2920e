package fr.referentia.certification.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The certification office (and the branch administrator) manages assessors' accreditations; anyone
 * signed in reads their own (the service only ever reads the signed-in person's). The catalogue of
 * certifications is public; applications are for anyone signed in, each seeing only what the service
 * lets them (their own, their organisation's for HR, all for the office).
 */
@Component
@Order(ModuleAuthorizations.CERTIFICATION)
class CertificationAuthorizations implements ModuleAuthorizations {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/certification/**").hasAnyRole("CERTIFICATION_OFFICE", BRANCH_ADMIN)
            .requestMatchers("/mes-habilitations").authenticated()
            // The catalogue is public; sessions are organised by the office (the service checks it too).
            .requestMatchers(HttpMethod.GET, "/certifications", "/certifications/**", "/api/v1/certifications",
                    "/api/v1/certifications/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/certifications/*/sessions", "/certifications/*/sessions")
                    .hasAnyRole("CERTIFICATION_OFFICE", BRANCH_ADMIN)
            // The accompanying organisation is searched by whoever fills the dossier: any signed-in person may be
            // a candidate, and the service answers the application's candidate only.
            .requestMatchers(HttpMethod.GET, "/api/v1/applications/*/dossier/accompaniment/organisations")
                    .authenticated()
            // Anyone signed in may apply; the service lets each person see only the applications they may.
            .requestMatchers("/api/v1/applications", "/api/v1/applications/**", "/candidatures",
                    "/candidatures/**").authenticated();
    }
}
