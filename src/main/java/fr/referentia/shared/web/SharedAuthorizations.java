package fr.referentia.shared.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The error page, the API description and the static assets are anyone's. */
@Component
@Order(ModuleAuthorizations.SHARED)
class SharedAuthorizations implements ModuleAuthorizations {

    static final String[] PUBLIC_READS = {"/api/docs", "/api/docs/**", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico"};

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
            .requestMatchers("/error").permitAll()
            // The readiness and liveness probes (Actuator exposes nothing else on the web).
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            // Stored files: the one download path; the file's purpose decides who reads it (404 otherwise).
            .requestMatchers(HttpMethod.GET, "/fichiers/*", "/api/v1/files/*").authenticated()
            .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
            .requestMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll();
    }
}
