package fr.referentia.workforce.interview.web;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Career interviews: being signed in is the first gate; the service then lets the organisation's HR and the
 * person themself through. The pages live under {@code /organismes/**}, which the account module already opens
 * to signed-in people for the same reason, and the API under the paths {@code WorkforceAuthorizations} names.
 */
@Component
@Order(ModuleAuthorizations.WORKFORCE + 10)
class CareerInterviewAuthorizations implements ModuleAuthorizations {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/mes-entretiens-professionnels").authenticated();
    }
}
