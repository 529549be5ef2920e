package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The accounts API: the same rules as the pages, for machines. */
@IntegrationTest
class AccountApiTest {

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
    UserDetailsService userDetails;

    @Autowired
    ObjectMapper json;

    Organisation organisation;
    Organisation other;
    String hr;
    String suffix;

    @BeforeEach
    void twoOrganisationsAndAnHr() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        organisation = organisations.save(new Organisation("Organisme API " + suffix,
                new Siret(AdministrationPagesTest.validSiret()), "Nantes", SizeBand.FROM_10_TO_49,
                OrganisationType.ASSOCIATION));
        other = organisations.save(new Organisation("Autre organisme API " + suffix,
                new Siret(AdministrationPagesTest.validSiret()), "Lyon", SizeBand.FROM_0_TO_9,
                OrganisationType.INDEPENDENT_TRAINER));
        hr = "rh-api-" + suffix + "@org.example.fr";
        UserAccount account = new UserAccount(hr, "RH API", passwords.encode("un-mot-de-passe-solide"));
        account.grant(Role.ORG_HR, organisation);
        users.save(account);
    }

    private RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }

    private MockHttpServletRequestBuilder postJson(String path, String body, String email) {
        return post(path).with(as(email)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)
                .accept(MediaType.APPLICATION_JSON);
    }

    @Test
    void meGivesTheAccountIdUsedInEveryPathWithRolesAndOrganisation() throws Exception {
        UserAccount account = users.findByEmail(hr).orElseThrow();
        mvc.perform(get("/api/v1/me").with(as(hr)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id", is(account.getId().toString())))
                .andExpect(jsonPath("$.email", is(hr)))
                .andExpect(jsonPath("$.displayName", is("RH API")))
                .andExpect(jsonPath("$.roles", contains("ORG_HR")))
                .andExpect(jsonPath("$.organisationId", is(organisation.getId().toString())));
        mvc.perform(get("/api/v1/me").with(as(ADMIN)))
                .andExpect(jsonPath("$.roles", contains("BRANCH_ADMIN")))
                .andExpect(jsonPath("$.organisationId", nullValue()));
        mvc.perform(get("/api/v1/me").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @Test
    void theBranchAdministratorCreatesAnOrganisationWithThePagesEnumNamesAndFindsItInTheList() throws Exception {
        String siret = AdministrationPagesTest.validSiret();
        String body = """
                {"name": "Formations %s", "siret": "%s", "address": "3 quai de la Fosse, 44000 Nantes",
                 "sizeBand": "FROM_50_TO_249", "type": "APPRENTICE_TRAINING_CENTRE"}""".formatted(suffix, siret);
        String created = mvc.perform(postJson("/api/v1/organisations", body, ADMIN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name", is("Formations " + suffix)))
                .andExpect(jsonPath("$.siret", is(siret)))
                .andExpect(jsonPath("$.sizeBand", is("FROM_50_TO_249")))
                .andExpect(jsonPath("$.type", is("APPRENTICE_TRAINING_CENTRE")))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asText();
        mvc.perform(get("/api/v1/organisations").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));

        mvc.perform(postJson("/api/v1/organisations", body, ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("existe déjà")));
    }

    @Test
    void anUnknownSizeBandOrAnInvalidSiretIsAFrenchProblemAndCreatesNothing() throws Exception {
        long before = organisations.count();
        mvc.perform(postJson("/api/v1/organisations", """
                        {"name": "Mauvais", "siret": "%s", "address": "Paris", "sizeBand": "HUGE", "type": "ASSOCIATION"}"""
                        .formatted(AdministrationPagesTest.validSiret()), ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("La tranche d'effectif « HUGE » n'existe pas")))
                .andExpect(jsonPath("$.detail", containsString("FROM_0_TO_9")));
        mvc.perform(postJson("/api/v1/organisations", """
                        {"name": "Mauvais", "siret": "12345678900000", "address": "Paris", "sizeBand": "FROM_0_TO_9",
                         "type": "ASSOCIATION"}""", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("SIRET")));
        mvc.perform(postJson("/api/v1/organisations", "{}", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", is("Le nom de l'organisme est obligatoire.")));
        assertThat(organisations.count()).isEqualTo(before);
    }

    @Test
    void onlyTheBranchAdministratorListsOrCreatesOrganisations() throws Exception {
        mvc.perform(get("/api/v1/organisations").with(as(hr)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/v1/organisations", "{}", hr)).andExpect(status().isForbidden());
    }

    @Test
    void hrCreatesAPersonOfTheirOrganisationWhoReceivesTheInvitationAndIsListed() throws Exception {
        String email = "camille-api-" + suffix + "@org.example.fr";
        String created = mvc.perform(postJson("/api/v1/organisations/" + organisation.getId() + "/people", """
                        {"email": "%s", "displayName": "Camille Martin", "role": "EMPLOYEE"}""".formatted(email), hr))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email", is(email)))
                .andExpect(jsonPath("$.displayName", is("Camille Martin")))
                .andExpect(jsonPath("$.roles", contains("EMPLOYEE")))
                .andReturn().getResponse().getContentAsString();
        JsonNode person = json.readTree(created);
        assertThat(person.get("id").asText()).isEqualTo(users.findByEmail(email).orElseThrow().getId().toString());
        assertThat(TestMailServer.awaitMessagesTo(email, 1)).hasSize(1);
        assertThat(TestMailServer.text(TestMailServer.messagesTo(email).get(0))).contains("/invitation/");

        mvc.perform(get("/api/v1/organisations/" + organisation.getId() + "/people").with(as(hr)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].email", hasItem(email)))
                .andExpect(jsonPath("$[*].email", hasItem(hr)))
                .andExpect(jsonPath("$[?(@.email == '" + email + "')].id", contains(person.get("id").asText())));

        mvc.perform(postJson("/api/v1/organisations/" + organisation.getId() + "/people", """
                        {"email": "%s", "displayName": "Encore", "role": "EMPLOYEE"}""".formatted(email.toUpperCase()), hr))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Un compte existe déjà")));
    }

    @Test
    void anotherOrganisationReadsAsUnknownToItsNeighboursHr() throws Exception {
        String email = "intrus-api-" + suffix + "@org.example.fr";
        mvc.perform(get("/api/v1/organisations/" + other.getId() + "/people").with(as(hr))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", is("Organisme introuvable.")));
        mvc.perform(postJson("/api/v1/organisations/" + other.getId() + "/people", """
                        {"email": "%s", "displayName": "Intrus", "role": "EMPLOYEE"}""".formatted(email), hr))
                .andExpect(status().isNotFound());
        assertThat(users.existsByEmail(email)).isFalse();
    }

    @Test
    void hrCannotGrantABranchWideRoleNorSendABadOne() throws Exception {
        String email = "admin-api-" + suffix + "@org.example.fr";
        String path = "/api/v1/organisations/" + organisation.getId() + "/people";
        mvc.perform(postJson(path, """
                        {"email": "%s", "displayName": "Ambitieux", "role": "BRANCH_ADMIN"}""".formatted(email), hr))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("vaut pour toute la branche")));
        mvc.perform(postJson(path, """
                        {"email": "%s", "displayName": "Ambitieux", "role": "ORG_HR"}""".formatted(email), hr))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("ne relève pas de votre gestion")));
        mvc.perform(postJson(path, """
                        {"email": "%s", "displayName": "Ambitieux", "role": "CHEF"}""".formatted(email), hr))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Le rôle « CHEF » n'existe pas")));
        mvc.perform(postJson(path, """
                        {"email": "pas-une-adresse", "displayName": "X", "role": "EMPLOYEE"}""", hr))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("n'est pas valide")));
        assertThat(users.existsByEmail(email)).isFalse();
        assertThat(TestMailServer.messagesTo(email)).isEmpty();
    }

    @Test
    void theOpenApiDescriptionGivesAnExampleForEachRequestBody() throws Exception {
        mvc.perform(get("/api/docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{organisationId}/people'].post").exists())
                .andExpect(jsonPath("$.components.schemas.NewOrganisationRequest.properties.siret.example",
                        is("732 829 320 00074")))
                .andExpect(jsonPath("$.components.schemas.NewOrganisationRequest.properties.sizeBand.example",
                        is("FROM_10_TO_49")))
                .andExpect(jsonPath("$.components.schemas.NewPersonRequest.properties.role.example", is("EMPLOYEE")))
                .andExpect(jsonPath("$.components.schemas.NewPersonRequest.properties.email.example",
                        not(nullValue())));
    }
}
