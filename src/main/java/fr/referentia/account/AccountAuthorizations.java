package fr.referentia.account;

import fr.referentia.shared.web.ModuleAuthorizations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Sign-in and the links' pages are anyone's; a person's own pages need only to be signed in (their
 * services check the organisation or read only the signed-in person); the accounts API reads the
 * signed-in person, an organisation's people (checked by the service) and, for the branch
 * administrator, the organisations.
 */
@Component
@Order(ModuleAuthorizations.ACCOUNT)
class AccountAuthorizations implements ModuleAuthorizations {

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/connexion", "/deconnexion").permitAll()
            // Invitation and password-reset pages: the link's token is the credential (forms keep CSRF).
            .requestMatchers("/invitation/**", "/mot-de-passe-oublie", "/mot-de-passe/**").permitAll()
            // Other pages check the organisation in their service: being signed in is only the first gate.
            .requestMatchers("/organismes/**").authenticated()
            .requestMatchers("/mon-compte/**").authenticated()
            // Each person's workspace, where sign-in lands.
            .requestMatchers("/mon-espace").authenticated()
            // Each person's own data: any role, the service only ever reads the signed-in person.
            .requestMatchers("/mes-donnees/**").authenticated()
            // The accounts API: anyone signed in reads themselves; an organisation's people are checked by the
            // service (its HR or the branch administrator, another organisation reads as unknown).
            .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
            .requestMatchers("/api/v1/organisations/*/people").authenticated()
            // Accounts administration: an organisation's person for its HR (checked by the service, another
            // organisation or a person outside it reads as unknown); every account for the branch administrator.
            .requestMatchers("/api/v1/organisations/*/people/**").authenticated()
            .requestMatchers("/api/v1/accounts", "/api/v1/accounts/**").hasRole(Role.BRANCH_ADMIN.name())
            .requestMatchers("/api/v1/organisations").hasRole(Role.BRANCH_ADMIN.name());
    }
}
