package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Organisations and people through the pages, with role and organisation checks. */
@IntegrationTest
class AdministrationPagesTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    Organisation orgA;
    Organisation orgB;
    String hrOfA;

    @BeforeEach
    void twoOrganisationsAndTheHrOfTheFirst() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        orgA = organisations.save(new Organisation("Organisme A " + suffix, new Siret(validSiret()), "Lyon",
                SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        orgB = organisations.save(new Organisation("Organisme B " + suffix, new Siret(validSiret()), "Lille",
                SizeBand.FROM_50_TO_249, OrganisationType.PRIVATE_FOR_PROFIT));
        hrOfA = "rh-" + suffix + "@a.example.fr";
        UserAccount hr = new UserAccount(hrOfA, "RH de A", passwords.encode("un-mot-de-passe-solide"));
        hr.grant(Role.ORG_HR, orgA);
        users.save(hr);
    }

    private static RequestPostProcessor as(String email) {
        return user(email).roles(email.startsWith("branch-admin") ? "BRANCH_ADMIN" : "ORG_HR");
    }

    @Test
    void branchAdministratorCreatesAnOrganisation() throws Exception {
        String siret = validSiret();
        mvc.perform(post("/admin/organismes").with(as(ADMIN)).with(csrf())
                        .param("name", "Formations du Sud").param("siret", siret).param("address", "Marseille")
                        .param("sizeBand", "FROM_10_TO_49").param("type", "ASSOCIATION"))
                .andExpect(redirectedUrl("/admin/organismes"))
                .andExpect(flash().attribute("success", containsString("Formations du Sud")));
        assertThat(organisations.existsBySiret(siret)).isTrue();
        mvc.perform(get("/admin/organismes").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Formations du Sud")));
    }

    @Test
    void aSiretFailingItsCheckIsRefusedAndNothingIsCreated() throws Exception {
        long before = organisations.count();
        mvc.perform(post("/admin/organismes").with(as(ADMIN)).with(csrf())
                        .param("name", "Faux").param("siret", "73282932000075").param("address", "Paris")
                        .param("sizeBand", "FROM_10_TO_49").param("type", "ASSOCIATION"))
                .andExpect(flash().attribute("error", containsString("clé de contrôle")));
        assertThat(organisations.count()).isEqualTo(before);
    }

    @Test
    void hrManagesItsOwnOrganisationOnly() throws Exception {
        mvc.perform(get("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("RH de A")));
        // Another organisation's id reads as unknown: nothing to learn by guessing ids.
        mvc.perform(get("/organismes/" + orgB.getId() + "/personnes").with(as(hrOfA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/organismes").with(as(hrOfA))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/comptes").with(as(hrOfA))).andExpect(status().isForbidden());
    }

    @Test
    void hrCreatesAnEmployeeInItsOrganisationButNotInAnother() throws Exception {
        String email = "salarie-" + UUID.randomUUID().toString().substring(0, 8) + "@a.example.fr";
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", email).param("displayName", "Camille Martin").param("role", "EMPLOYEE"))
                .andExpect(redirectedUrl("/organismes/" + orgA.getId() + "/personnes"))
                .andExpect(flash().attribute("success", containsString(email)));
        transactions.executeWithoutResult(status -> {
            UserAccount created = users.findByEmail(email).orElseThrow();
            assertThat(created.getPasswordHash()).isNull();
            assertThat(created.getGrants()).singleElement().satisfies(grant -> {
                assertThat(grant.getRole()).isEqualTo(Role.EMPLOYEE);
                assertThat(grant.getOrganisationId()).isEqualTo(orgA.getId());
            });
        });

        String intruder = "intrus-" + UUID.randomUUID().toString().substring(0, 8) + "@b.example.fr";
        mvc.perform(post("/organismes/" + orgB.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", intruder).param("displayName", "Intrus").param("role", "EMPLOYEE"))
                .andExpect(status().isNotFound());
        assertThat(users.existsByEmail(intruder)).isFalse();
    }

    @Test
    void duplicateEmailsAndUnknownRolesAreRefusedWithAMessage() throws Exception {
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", hrOfA.toUpperCase()).param("displayName", "Doublon").param("role", "EMPLOYEE"))
                .andExpect(flash().attribute("error", containsString("existe déjà")));
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", "x@a.example.fr").param("displayName", "X").param("role", "PRESIDENT"))
                .andExpect(status().isBadRequest());
        assertThat(users.existsByEmail("x@a.example.fr")).isFalse();
    }

    @Test
    void lookAlikeAddressesAndNamesWithInvisibleCharactersAreRefusedAndCreateNoAccount() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String genuine = "paul-" + suffix + "@a.example.fr";
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", genuine).param("displayName", "Paul Martin").param("role", "EMPLOYEE"))
                .andExpect(flash().attribute("success", containsString(genuine)));
        long before = users.count();
        // A Cyrillic « а » for the Latin « a »: the visual twin of an existing employee's address.
        String twin = "p\u0430ul-" + suffix + "@a.example.fr";
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", twin).param("displayName", "Paul Martin").param("role", "EMPLOYEE"))
                .andExpect(flash().attribute("error", containsString("ressemble à s'y méprendre")));
        for (String hidden : new String[] {"zero\u200Bwidth-" + suffix + "@a.example.fr",
                "nbsp\u00A0" + suffix + "@a.example.fr"}) {
            mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                            .param("email", hidden).param("displayName", "Caché").param("role", "EMPLOYEE"))
                    .andExpect(flash().attribute("error", containsString("L'adresse e-mail")));
        }
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", "nul\u0000-" + suffix + "@a.example.fr").param("displayName", "Caché")
                        .param("role", "EMPLOYEE"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", "nom-" + suffix + "@a.example.fr").param("role", "EMPLOYEE")
                        .param("displayName", "Camille\r\nCliquez ici : https://exemple.invalid"))
                .andExpect(flash().attribute("error", containsString("saut de ligne")));
        mvc.perform(post("/organismes/" + orgA.getId() + "/personnes").with(as(hrOfA)).with(csrf())
                        .param("email", "bidi-" + suffix + "@a.example.fr").param("role", "EMPLOYEE")
                        .param("displayName", "\u202Enitram"))
                .andExpect(flash().attribute("error", containsString("invisible")));
        assertThat(users.count()).isEqualTo(before);
    }

    /** A fresh SIRET whose Luhn check holds, so tests never collide on the unique constraint. */
    static String validSiret() {
        String base = String.format("%012d", (long) (Math.random() * 1_000_000_000_000L));
        for (int last = 0; last < 100; last++) {
            String candidate = base + String.format("%02d", last);
            if (!candidate.startsWith("356000000") && Siret.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no valid SIRET for " + base);
    }
}
