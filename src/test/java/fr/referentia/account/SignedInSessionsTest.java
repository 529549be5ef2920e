package fr.referentia.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Sessions are in the database: erasing a person ends the sessions they still have open elsewhere. */
@IntegrationTest
class SignedInSessionsTest {

    static final String PASSWORD = "une phrase de passe assez longue";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PersonalData personalData;

    @Test
    void erasureEndsTheOpenSessionsOfThePerson() throws Exception {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        UserAccount person = new UserAccount(email, "Personne en session", passwords.encode(PASSWORD));
        person.grant(Role.OBSERVER, null);
        users.save(person);

        Cookie session = mvc.perform(post("/connexion").with(csrf()).with(request -> {
                    request.setRemoteAddr("10.9.8.7"); // its own address: other tests' failures do not throttle it
                    return request;
                }).param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrlPattern("/**"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/mes-donnees").cookie(session)).andExpect(status().isOk());

        personalData.erase(email);

        mvc.perform(get("/mes-donnees").cookie(session))
                .andExpect(status().isUnauthorized());
    }
}
