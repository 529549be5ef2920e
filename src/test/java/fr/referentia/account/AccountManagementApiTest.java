package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts administration through the API: the same rules as the pages, refusals as French problem details. */
@IntegrationTest
class AccountManagementApiTest {

    static final String PASSWORD = "un-mot-de-passe-solide";

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

    String marker;
    Organisation orgA;
    Organisation orgB;
    UserAccount hrOfA;
    UserAccount employeeOfA;
    UserAccount employeeOfB;

    @BeforeEach
    void twoOrganisationsWithTheirPeople() {
        marker = "api" + UUID.randomUUID().toString().substring(0, 8);
        orgA = organisations.save(new Organisation("API A " + marker, new Siret(AdministrationPagesTest.validSiret()),
                "Lyon", SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        orgB = organisations.save(new Organisation("API B " + marker, new Siret(AdministrationPagesTest.validSiret()),
                "Lille", SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        hrOfA = person("rh", Role.ORG_HR, orgA);
        employeeOfA = person("salarie-a", Role.EMPLOYEE, orgA);
        employeeOfB = person("salarie-b", Role.EMPLOYEE, orgB);
    }

    private UserAccount person(String name, Role role, Organisation organisation) {
        UserAccount account = new UserAccount(name + "-" + marker + "@example.fr", name + " " + marker,
                passwords.encode(PASSWORD));
        account.grant(role, organisation);
        return users.save(account);
    }

    private static RequestPostProcessor basic(UserAccount account) {
        return httpBasic(account.getEmail(), PASSWORD);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("branch-admin@demo.referentia.fr", "referentia-demo");
    }

    private boolean enabled(UserAccount account) {
        return users.findById(account.getId()).orElseThrow().isEnabled();
    }

    @Test
    void theBranchAdministratorSearchesAndChangesRolesAndState() throws Exception {
        mvc.perform(get("/api/v1/accounts").with(admin()).param("q", marker).param("role", "EMPLOYEE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.people[0].email").value(employeeOfA.getEmail()));
        String account = "/api/v1/accounts/" + employeeOfA.getId();
        mvc.perform(post(account + "/roles").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"MANAGER\", \"organisationId\": \"" + orgB.getId() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles.length()").value(2));
        mvc.perform(delete(account + "/roles/MANAGER").with(admin()).param("organisationId", orgB.getId().toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles.length()").value(1));
        mvc.perform(delete(account + "/roles/OBSERVER").with(admin())).andExpect(status().isConflict());
        mvc.perform(put(account + "/active").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put(account + "/active").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").with(basic(employeeOfA))).andExpect(status().isUnauthorized());
        mvc.perform(put(account + "/active").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("Actif"));
        mvc.perform(get("/api/v1/me").with(basic(employeeOfA))).andExpect(status().isOk());
    }

    @Test
    void hrActsOnItsOwnPeopleOnlyAndARefusalIsAFrenchProblemThatChangesNothing() throws Exception {
        String own = "/api/v1/organisations/" + orgA.getId() + "/people/" + employeeOfA.getId();
        mvc.perform(post(own + "/roles").with(basic(hrOfA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"ORG_HR\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("ne relève pas de votre gestion")));
        mvc.perform(put("/api/v1/organisations/" + orgA.getId() + "/people/" + employeeOfB.getId() + "/active")
                        .with(basic(hrOfA)).contentType(MediaType.APPLICATION_JSON).content("{\"active\": false}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + orgB.getId() + "/people/" + employeeOfB.getId())
                .with(basic(hrOfA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts").with(basic(hrOfA))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts/" + employeeOfA.getId()).with(basic(employeeOfA)))
                .andExpect(status().isForbidden());
        assertThat(enabled(employeeOfB)).isTrue();
        transactions.executeWithoutResult(status -> assertThat(users.findById(employeeOfA.getId()).orElseThrow()
                .roles()).containsExactly(Role.EMPLOYEE));

        mvc.perform(put(own + "/active").with(basic(hrOfA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0].role").value("EMPLOYEE"));
        assertThat(enabled(employeeOfA)).isFalse();
    }
}
