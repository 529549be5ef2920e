package fr.referentia.certification.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The certification office (and the branch administrator) manages assessors' accreditations; anyone
 * signed in reads their own (the service only ever reads the signed-in person's).
 */
@Component
@Order(ModuleAuthorizations.CERTIFICATION)
class CertificationAuthorizations implements ModuleAuthorizations {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/certification/**").hasAnyRole("CERTIFICATION_OFFICE", BRANCH_ADMIN)
            .requestMatchers("/mes-habilitations").authenticated();
    }
}
