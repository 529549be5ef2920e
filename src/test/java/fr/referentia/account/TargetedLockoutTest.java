package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 10, targeted lockout (ASVS 2.2.1, docs/security.md): failures count per account and address,
 * an account-wide delay slows guessing from many addresses, and a browser that signed into the account
 * before is judged by its own failures only, so that nobody elsewhere can keep the owner out.
 */
@IntegrationTest
class TargetedLockoutTest {

    static final String PASSWORD = "une-phrase-de-passe-solide";
    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    String email;

    @BeforeEach
    void anAccount() {
        email = "cible-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount account = new UserAccount(email, "Administratrice ciblée", passwords.encode(PASSWORD));
        account.grant(Role.BRANCH_ADMIN, null);
        users.save(account);
    }

    /** An address of its own for each call, so that tests never share an address counter. */
    static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "192.0." + (2 + n / 250) + "." + (1 + n % 250);
    }

    private ResultActions signIn(String account, String password, String address, Cookie... cookies)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/connexion").with(csrf()).with(from -> {
            from.setRemoteAddr(address);
            return from;
        }).param("username", account).param("password", password);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request);
    }

    /** Signs in successfully from a new address and returns the browser's known-browser cookie. */
    private Cookie theOwnersBrowser() throws Exception {
        Cookie cookie = signIn(email, PASSWORD, newAddress()).andExpect(redirectedUrl("/mon-espace")).andReturn()
                .getResponse().getCookie(KnownDevices.PLAIN);
        assertThat(cookie).isNotNull();
        return cookie;
    }

    @Test
    void fiveFailuresFromOneAddressRefuseTheAccountFromThatAddressOnly() throws Exception {
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            signIn(email, "mauvais", attacker).andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD, attacker).andExpect(redirectedUrl("/connexion?attente=15"));
        // From a second address, even a browser the account never saw signs in.
        signIn(email, PASSWORD, newAddress()).andExpect(redirectedUrl("/mon-espace"));
        // And the refusal stays where the failures came from.
        signIn(email, PASSWORD, attacker).andExpect(redirectedUrl("/connexion?attente=15"));
    }

    @Test
    void failuresSentFromManyAddressesDelayUnknownBrowsersButNotTheOwnersKnownBrowser() throws Exception {
        Cookie owners = theOwnersBrowser();
        for (int address = 0; address < 2; address++) {
            String attacker = newAddress();
            for (int i = 0; i < 5; i++) {
                signIn(email, "mauvais-" + i, attacker).andExpect(redirectedUrl("/connexion?erreur"));
            }
        }
        // Ten failures from two addresses: an unknown browser, from yet another address, must wait.
        signIn(email, PASSWORD, newAddress()).andExpect(redirectedUrl("/connexion?attente=1"));
        // The owner's browser is not subject to it, wherever it is now.
        signIn(email, PASSWORD, newAddress(), owners).andExpect(redirectedUrl("/mon-espace"));
    }

    @Test
    void aKnownBrowserIsRefusedAfterFiveFailuresOfItsOwn() throws Exception {
        Cookie owners = theOwnersBrowser();
        for (int i = 0; i < 5; i++) {
            signIn(email, "mauvais", newAddress(), owners).andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD, newAddress(), owners).andExpect(redirectedUrl("/connexion?attente=15"));
        // Its failures were its own: an unknown browser from elsewhere still signs in.
        signIn(email, PASSWORD, newAddress()).andExpect(redirectedUrl("/mon-espace"));
    }

    @Test
    void aBrowserKnownForAnotherAccountIsUnknownForThisOne() throws Exception {
        String other = "autre-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        users.save(new UserAccount(other, "Autre personne", passwords.encode(PASSWORD)));
        Cookie attackersOwn = signIn(other, PASSWORD, newAddress()).andExpect(redirectedUrl("/mon-espace"))
                .andReturn().getResponse().getCookie(KnownDevices.PLAIN);
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            signIn(email, "mauvais", attacker, attackersOwn).andExpect(redirectedUrl("/connexion?erreur"));
        }
        signIn(email, PASSWORD, attacker, attackersOwn).andExpect(redirectedUrl("/connexion?attente=15"));
    }

    @Test
    void theKnownBrowserCookieIsHttpOnlyStrictAndStoredOnlyAsItsSha256() throws Exception {
        String setCookie = signIn(email, PASSWORD, newAddress()).andReturn().getResponse()
                .getHeaders("Set-Cookie").stream().filter(header -> header.startsWith(KnownDevices.PLAIN + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        String token = setCookie.substring(KnownDevices.PLAIN.length() + 1, setCookie.indexOf(';'));
        assertThat(jdbc.queryForList("select token_hash from known_device where account = ?", String.class, email))
                .containsExactly(LinkTokens.hash(token)).doesNotContain(token);
    }

    @Test
    void aSignInFromTheKnownBrowserKeepsItsCookieRatherThanMakingANewOne() throws Exception {
        Cookie owners = theOwnersBrowser();
        Cookie again = signIn(email, PASSWORD, newAddress(), owners).andExpect(redirectedUrl("/mon-espace"))
                .andReturn().getResponse().getCookie(KnownDevices.PLAIN);
        assertThat(again.getValue()).isEqualTo(owners.getValue());
        assertThat(jdbc.queryForObject("select count(*) from known_device where account = ?", Integer.class, email))
                .isEqualTo(1);
    }

    @Test
    void thePersonSeesTheirKnownBrowsersInMesDonneesButNeverTheCookie() throws Exception {
        Cookie owners = theOwnersBrowser();
        String page = mvc.perform(get("/mes-donnees").with(user(email).roles(Role.BRANCH_ADMIN.name())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Navigateurs reconnus à la connexion").doesNotContain(owners.getValue())
                .doesNotContain(LinkTokens.hash(owners.getValue()));
    }
}

