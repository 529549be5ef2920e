package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Personal access tokens: created on the page, shown once, stored hashed, accepted by the API only. */
@IntegrationTest
class AccessTokensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AccessTokenRepository tokenRepository;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FrameworkCatalog catalog;

    String admin;
    String candidate;

    @BeforeEach
    void anAdministratorAndACandidate() {
        admin = account(Role.BRANCH_ADMIN);
        candidate = account(Role.CANDIDATE);
    }

    private String account(Role role) {
        String email = "jetons-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.fr";
        UserAccount account = new UserAccount(email, "Personne " + role.label(), passwords.encode("mot-de-passe-1"));
        account.grant(role, null);
        users.save(account);
        return email;
    }

    private static RequestPostProcessor signedIn(String email, Role role) {
        return user(email).roles(role.name());
    }

    private static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }

    private String createOnThePage(String email, Role role, String name, String scope) throws Exception {
        String html = mvc.perform(post("/mon-compte/jetons").with(signedIn(email, role)).with(csrf())
                        .param("name", name).param("scope", scope).param("password", "mot-de-passe-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("il ne sera plus jamais affiché")))
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).getElementById("jeton-en-clair").val();
    }

    private MockHttpServletRequestBuilder importRequest(String code) {
        return post("/api/v1/frameworks/import").contentType(MediaType.APPLICATION_JSON).content("""
                {"format": "referentia/framework@1",
                 "framework": {"code": "%s", "kind": "CQP", "title": "Import par jeton", "version": "1", "status": "DRAFT"},
                 "items": [{"code": "C1", "type": "COMPETENCY", "text": "Compétence importée par un programme"}]}
                """.formatted(code));
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsItsSha256() throws Exception {
        String secret = createOnThePage(admin, Role.BRANCH_ADMIN, "Synchronisation SIRH", "WRITE");
        assertThat(secret).matches("rfa_[A-Za-z0-9_-]{43}");

        List<String> stored = jdbc.queryForList("SELECT t.secret_hash || ' ' || t.hint || ' ' || t.name FROM access_token t"
                + " JOIN app_user u ON u.id = t.user_id WHERE u.email = ?", String.class, admin);
        assertThat(stored).singleElement().isEqualTo(AccessTokenSecret.hash(secret) + " "
                + secret.substring(0, 8) + "… Synchronisation SIRH");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_token WHERE secret_hash LIKE ? OR hint LIKE ?"
                + " OR name LIKE ?", Long.class, "%" + secret.substring(4) + "%", "%" + secret.substring(4) + "%",
                "%" + secret.substring(4) + "%")).isZero();

        mvc.perform(get("/mon-compte/jetons").with(signedIn(admin, Role.BRANCH_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Synchronisation SIRH")))
                .andExpect(content().string(containsString(secret.substring(0, 8) + "…")))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void theApiTakesTheOwnersRolesLimitedByTheScope() throws Exception {
        String write = createOnThePage(admin, Role.BRANCH_ADMIN, "Import", "WRITE");
        String read = createOnThePage(admin, Role.BRANCH_ADMIN, "Lecture", "READ");

        mvc.perform(get("/api/v1/frameworks").with(bearer(read))).andExpect(status().isOk());
        String code = "JETON-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(importRequest(code).with(bearer(read)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("lecture seule")));
        assertThat(catalog.exists(code)).isFalse();

        // No CSRF token: a bearer request is exempt. Nor is any session created for it.
        mvc.perform(importRequest(code).with(bearer(write)))
                .andExpect(status().isCreated())
                .andExpect(cookie().doesNotExist("SESSION"));
        assertThat(catalog.exists(code)).isTrue();
    }

    @Test
    void aWriteTokenNeverGoesBeyondItsOwnersRoles() throws Exception {
        String hr = account(Role.CERTIFICATION_OFFICE);
        String write = createOnThePage(hr, Role.CERTIFICATION_OFFICE, "Bureau", "WRITE");
        mvc.perform(importRequest("INTERDIT-JETON").with(bearer(write)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("rôle")));
        assertThat(catalog.exists("INTERDIT-JETON")).isFalse();
    }

    @Test
    void revokedExpiredAndUnknownTokensAre401ProblemDetails() throws Exception {
        String secret = createOnThePage(admin, Role.BRANCH_ADMIN, "Bientôt révoqué", "READ");
        mvc.perform(get("/api/v1/frameworks").with(bearer(secret))).andExpect(status().isOk());
        UUID id = tokens.tokensOf(admin).get(0).id();
        mvc.perform(post("/mon-compte/jetons/" + id + "/revocation").with(signedIn(admin, Role.BRANCH_ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/mon-compte/jetons"))
                .andExpect(flash().attribute("success", containsString("Bientôt révoqué")));
        mvc.perform(get("/api/v1/frameworks").with(bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Jeton d'accès invalide, expiré ou révoqué."));

        AccessTokenSecret expired = AccessTokenSecret.generate();
        tokenRepository.save(new AccessToken(users.findByEmail(admin).orElseThrow(), "Expiré", AccessTokenScope.READ,
                expired, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60)));
        mvc.perform(get("/api/v1/frameworks").with(bearer(expired.value()))).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/frameworks").with(bearer(AccessTokenSecret.generate().value())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/frameworks").with(bearer("n'importe quoi"))).andExpect(status().isUnauthorized());
        // A bearer token never falls back to anonymous, even where anonymous reads are allowed.
        mvc.perform(get("/api/v1/frameworks").with(bearer(""))).andExpect(status().isUnauthorized());
    }

    @Test
    void tokensAreForTheApiOnly() throws Exception {
        String secret = createOnThePage(admin, Role.BRANCH_ADMIN, "Pas pour les pages", "WRITE");
        mvc.perform(get("/admin/comptes").with(bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("que pour l'API")));
    }

    @Test
    void aCandidateGetsReadOnlyTokensAndTheFormSaysWhy() throws Exception {
        mvc.perform(get("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne permettent que des jetons en lecture seule")))
                .andExpect(content().string(not(containsString("value=\"WRITE\""))));
        mvc.perform(post("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)).with(csrf())
                        .param("name", "Essai").param("scope", "WRITE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vos rôles ne permettent pas d&#39;écrire par l&#39;API")))
                .andExpect(content().string(not(containsString("jeton-en-clair"))));
        mvc.perform(post("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)).with(csrf())
                        .param("name", "Essai").param("scope", "READ")
                        .param("expiresOn", LocalDate.now().minusDays(1).toString()))
                .andExpect(content().string(containsString("postérieure à aujourd&#39;hui")));
        mvc.perform(post("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)).with(csrf())
                        .param("name", "Essai").param("scope", "READ").param("expiresOn", "+999999999-12-31"))
                .andExpect(content().string(containsString("ne peut dépasser 2 ans")));
        mvc.perform(post("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)).with(csrf())
                        .param("name", "Essai").param("scope", "READ")
                        .param("expiresOn", LocalDate.now().plusYears(30).toString()))
                .andExpect(content().string(containsString("ne peut dépasser 2 ans")));
        assertThat(tokens.tokensOf(candidate)).isEmpty();
    }

    @Test
    void anExpiryDateIsKeptAndShown() throws Exception {
        LocalDate day = LocalDate.now(AccessTokens.ZONE).plusDays(30);
        mvc.perform(post("/mon-compte/jetons").with(signedIn(candidate, Role.CANDIDATE)).with(csrf())
                        .param("name", "Un mois").param("scope", "READ").param("expiresOn", day.toString()))
                .andExpect(status().isOk());
        assertThat(tokens.tokensOf(candidate)).singleElement().satisfies(token -> {
            assertThat(token.lastValidDay()).isEqualTo(day);
            assertThat(token.active()).isTrue();
        });
    }

    @Test
    void onlyTheOwnerRevokesAToken() throws Exception {
        tokens.create(admin, "À l'administrateur", AccessTokenScope.READ, null);
        UUID id = tokens.tokensOf(admin).get(0).id();
        mvc.perform(post("/mon-compte/jetons/" + id + "/revocation").with(signedIn(candidate, Role.CANDIDATE))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.tokensOf(admin).get(0).active()).isTrue();
        // A cookie session must carry the CSRF token.
        mvc.perform(post("/mon-compte/jetons/" + id + "/revocation").with(signedIn(admin, Role.BRANCH_ADMIN)))
                .andExpect(status().isForbidden());
        assertThat(tokens.tokensOf(admin).get(0).active()).isTrue();
    }
}
