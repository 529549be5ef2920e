package fr.referentia.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browsing and search are public; anything that writes needs a {@code BRANCH_ADMIN}. Pages use
 * a form login with CSRF; API clients may authenticate with HTTP Basic, which browsers never
 * send cross-site on their own, so such requests are exempt from the CSRF token.
 */
@Configuration
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /** What anyone may read: the referentials, their search and exports, the API description, assets. */
    static final String[] PUBLIC_READS = {"/", "/referentiels/**", "/recherche", "/api/v1/frameworks",
            "/api/v1/frameworks/**", "/api/v1/search", "/api/docs", "/api/docs/**", "/css/**", "/js/**",
            "/webjars/**", "/favicon.ico"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        RequestMatcher basicAuthenticated = request -> request.getHeader("Authorization") != null;
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/connexion", "/deconnexion", "/error").permitAll()
                // Invitation and password-reset pages: the link's token is the credential (forms keep CSRF).
                .requestMatchers("/invitation/**", "/mot-de-passe-oublie", "/mot-de-passe/**").permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                .requestMatchers("/admin/**").hasRole(Role.BRANCH_ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/frameworks/import").hasRole(Role.BRANCH_ADMIN.name())
                // Other pages check the organisation in their service: being signed in is only the first gate.
                .requestMatchers("/organismes/**").authenticated()
                .anyRequest().hasRole(Role.BRANCH_ADMIN.name()))
            .formLogin(form -> form.loginPage("/connexion").defaultSuccessUrl("/", false)
                .failureUrl("/connexion?erreur"))
            .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnecte"))
            .httpBasic(Customizer.withDefaults())
            .csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthenticated))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor((request, response, e) -> problem(json, response,
                        HttpServletResponse.SC_UNAUTHORIZED, "Authentification requise",
                        "Connectez-vous avec un compte autorisé."), api)
                .defaultAccessDeniedHandlerFor((request, response, e) -> problem(json, response,
                        HttpServletResponse.SC_FORBIDDEN, "Accès refusé", e instanceof CsrfException
                                ? "Jeton CSRF absent : authentifiez l'appel (HTTP Basic) ou passez par les pages."
                                : "Votre compte n'a pas le rôle requis pour cette action."), api))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
