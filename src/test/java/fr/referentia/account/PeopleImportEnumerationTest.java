package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10, account enumeration through the bulk import: an address that already has an account in
 * another organisation (or a branch role) is answered, listed and resent exactly like a new person's;
 * that person is invited to join and gets the role only once they accept.
 */
@IntegrationTest
class PeopleImportEnumerationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PendingMembershipRepository memberships;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Memberships invitationsOfPeople;

    @Autowired
    TransactionTemplate transactions;

    String suffix;
    Organisation orgA;
    Organisation orgB;
    String hrOfA;
    UserAccount elsewhere;

    @BeforeEach
    void anHrOfOneOrganisationAndSomeoneOfAnother() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        orgA = organisations.save(new Organisation("Énum A " + suffix, new Siret(AdministrationPagesTest.validSiret()),
                "Lyon", SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        orgB = organisations.save(new Organisation("Énum B " + suffix, new Siret(AdministrationPagesTest.validSiret()),
                "Lille", SizeBand.FROM_50_TO_249, OrganisationType.PRIVATE_FOR_PROFIT));
        hrOfA = "rh-" + suffix + "@a.example.fr";
        UserAccount hr = new UserAccount(hrOfA, "RH de A", passwords.encode("un-mot-de-passe-solide"));
        hr.grant(Role.ORG_HR, orgA);
        users.save(hr);
        elsewhere = new UserAccount("ailleurs-" + suffix + "@b.example.fr", "Vrai Nom Secret",
                passwords.encode("un-mot-de-passe-solide"));
        elsewhere.grant(Role.EMPLOYEE, orgB);
        users.save(elsewhere);
    }

    private RequestPostProcessor hr() {
        return user(hrOfA).roles("ORG_HR");
    }

    private String upload(String email, String name) throws Exception {
        String csv = "email;nom;role\n" + email + ";" + name + ";Salarié\n";
        return mvc.perform(multipart("/organismes/" + orgA.getId() + "/personnes/import")
                        .file(new MockMultipartFile("file", "personnes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(hr()).with(csrf()))
                .andExpect(redirectedUrl("/organismes/" + orgA.getId() + "/personnes"))
                .andReturn().getFlashMap().get("success").toString();
    }

    private Element row(Document list, String email) {
        return list.select("table.data tbody tr").stream().filter(row -> row.child(1).text().equals(email))
                .findFirst().orElseThrow();
    }

    @Test
    void anAccountElsewhereIsAnsweredListedAndResentLikeANewPerson() throws Exception {
        String fresh = "nouveau-" + suffix + "@a.example.fr";
        String answerForNew = upload(fresh, "Nouvelle Personne");
        String answerForExisting = upload(elsewhere.getEmail(), "Nom Tapé");
        assertThat(answerForExisting).isEqualTo(answerForNew)
                .isEqualTo("1 personne importée : elle a reçu une invitation par e-mail.");

        // No second account, no role yet: an invitation waits for the person's answer.
        assertThat(users.findByEmailIn(List.of(elsewhere.getEmail()))).hasSize(1);
        transactions.executeWithoutResult(status -> {
            assertThat(users.findById(elsewhere.getId()).orElseThrow().heldGrants())
                    .containsExactly(new GrantPolicy.Held(Role.EMPLOYEE, orgB.getId()));
            assertThat(memberships.findByUserOrderByCreatedAtDesc(users.findById(elsewhere.getId()).orElseThrow()))
                    .singleElement().satisfies(membership -> {
                        assertThat(membership.getRole()).isEqualTo(Role.EMPLOYEE);
                        assertThat(membership.getOrganisation().getId()).isEqualTo(orgA.getId());
                    });
        });

        // The organisation's list shows both alike, under the names it typed, and nothing of the other account.
        Document list = Jsoup.parse(mvc.perform(get("/organismes/" + orgA.getId() + "/personnes").with(hr()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Element newRow = row(list, fresh);
        Element existingRow = row(list, elsewhere.getEmail());
        assertThat(existingRow.child(0).text()).isEqualTo("Nom Tapé");
        assertThat(existingRow.child(2).text()).isEqualTo(newRow.child(2).text()).isEqualTo("Salarié — " + orgA.getName());
        assertThat(existingRow.child(3).text()).isEqualTo(newRow.child(3).text()).startsWith("Invitation envoyée, valable jusqu'au");
        assertThat(existingRow.select("button").text()).isEqualTo(newRow.select("button").text().replace(fresh,
                elsewhere.getEmail()));
        assertThat(list.text()).doesNotContain("Vrai Nom Secret").doesNotContain(orgB.getName());

        // Their pages read alike too, and resending goes out in the same words.
        for (Element row : List.of(newRow, existingRow)) {
            Document page = Jsoup.parse(mvc.perform(get(row.select("a").attr("href")).with(hr()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("#etat").text()).isEqualTo("Invitation envoyée : pas encore acceptée");
            assertThat(page.text()).doesNotContain("Vrai Nom Secret").doesNotContain("Désactiver");
            mvc.perform(post(row.select("form").attr("action")).with(hr()).with(csrf()))
                    .andExpect(flash().attribute("success",
                            "Nouvelle invitation envoyée : le lien précédent ne fonctionne plus."));
        }

        List<MimeMessage> mails = TestMailServer.awaitMessagesTo(elsewhere.getEmail(), 2);
        assertThat(mails).hasSize(2);
        assertThat(TestMailServer.text(mails.get(0))).contains(orgA.getName()).contains("/mon-compte/invitations")
                .doesNotContain("Nom Tapé");
    }

    @Test
    void theSinglePersonFormAndTheApiAnswerAnAccountElsewhereLikeANewPerson() throws Exception {
        String page = "/organismes/" + orgA.getId() + "/personnes";
        String fresh = "unique-" + suffix + "@a.example.fr";
        String forNew = mvc.perform(post(page).with(hr()).with(csrf()).param("email", fresh)
                        .param("displayName", "Nouveau").param("role", "EMPLOYEE"))
                .andExpect(redirectedUrl(page)).andReturn().getFlashMap().get("success").toString();
        String forExisting = mvc.perform(post(page).with(hr()).with(csrf()).param("email", elsewhere.getEmail())
                        .param("displayName", "Nouveau").param("role", "EMPLOYEE"))
                .andExpect(redirectedUrl(page)).andReturn().getFlashMap().get("success").toString();
        assertThat(forExisting).isEqualTo(forNew.replace(fresh, elsewhere.getEmail()));

        String answer = mvc.perform(post("/api/v1/organisations/" + orgA.getId() + "/people")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(hrOfA, "un-mot-de-passe-solide"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + elsewhere.getEmail() + "\", \"displayName\": \"Tapé API\","
                                + " \"role\": \"MANAGER\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"displayName\":\"Tapé API\"").contains("\"roles\":[\"MANAGER\"]")
                .doesNotContain("Vrai Nom Secret").doesNotContain("EMPLOYEE");
        // The API's list of the organisation's people shows the person as it was typed, like a new one.
        String people = mvc.perform(get("/api/v1/organisations/" + orgA.getId() + "/people")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(hrOfA, "un-mot-de-passe-solide")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(people).contains(fresh).contains(elsewhere.getEmail()).doesNotContain("Vrai Nom Secret");
        transactions.executeWithoutResult(status -> {
            UserAccount person = users.findById(elsewhere.getId()).orElseThrow();
            assertThat(person.heldGrants()).containsExactly(new GrantPolicy.Held(Role.EMPLOYEE, orgB.getId()));
            assertThat(memberships.findByUserOrderByCreatedAtDesc(person)).extracting(PendingMembership::getRole)
                    .containsExactlyInAnyOrder(Role.EMPLOYEE, Role.MANAGER);
        });
    }

    @Test
    void thePersonAcceptsOnTheirOwnPageAndNobodyElseCan() throws Exception {
        upload(elsewhere.getEmail(), "Nom Tapé");
        Document workspace = Jsoup.parse(mvc.perform(get("/mon-espace").with(user(elsewhere.getEmail()).roles("EMPLOYEE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(workspace.select(".tile a[href='/mon-compte/invitations']")).hasSize(1);
        Document invitations = Jsoup.parse(mvc.perform(get("/mon-compte/invitations")
                        .with(user(elsewhere.getEmail()).roles("EMPLOYEE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(invitations.select("tbody tr td:first-child").text()).isEqualTo(orgA.getName());
        String accept = invitations.select("form[action$=acceptation]").attr("action");

        // Someone else posting the same invitation learns nothing and changes nothing.
        mvc.perform(post(accept).with(user(hrOfA).roles("ORG_HR")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("n'existe pas")));
        transactions.executeWithoutResult(status -> assertThat(users.findByEmail(hrOfA).orElseThrow().heldGrants())
                .containsExactly(new GrantPolicy.Held(Role.ORG_HR, orgA.getId())));

        mvc.perform(post(accept).with(user(elsewhere.getEmail()).roles("EMPLOYEE")).with(csrf()))
                .andExpect(redirectedUrl("/mon-compte/invitations"))
                .andExpect(flash().attribute("success", containsString(orgA.getName())));
        transactions.executeWithoutResult(status -> assertThat(users.findById(elsewhere.getId()).orElseThrow()
                .heldGrants()).containsExactly(new GrantPolicy.Held(Role.EMPLOYEE, orgB.getId()),
                        new GrantPolicy.Held(Role.EMPLOYEE, orgA.getId())));
        // Once accepted, the organisation sees the person as one of its own; a second answer is refused.
        mvc.perform(post(accept).with(user(elsewhere.getEmail()).roles("EMPLOYEE")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("n'existe pas")));
        String list = mvc.perform(get("/organismes/" + orgA.getId() + "/personnes").with(hr()))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Vrai Nom Secret").doesNotContain(orgB.getName());
    }

    @Test
    void theInvitationsReachThePersonsDataAndGoWithTheirErasure() throws Exception {
        upload(elsewhere.getEmail(), "Nom Tapé");
        var subject = new fr.referentia.shared.personaldata.PersonalDataContributor.Subject(elsewhere.getId(),
                elsewhere.getEmail(), elsewhere.getDisplayName());
        assertThat(invitationsOfPeople.sections(subject)).singleElement().satisfies(section -> assertThat(section.rows())
                .singleElement().satisfies(row -> assertThat(row).contains(orgA.getName(), "Salarié", "Nom Tapé",
                        "sans réponse")));
        invitationsOfPeople.erase(subject);
        assertThat(invitationsOfPeople.sections(subject)).isEmpty();
    }

    @Test
    void aDeclinedInvitationGrantsNothingAndTheOrganisationCanWithdrawOne() throws Exception {
        upload(elsewhere.getEmail(), "Nom Tapé");
        UUID id = transactions.execute(status -> memberships.findByUserOrderByCreatedAtDesc(
                users.findById(elsewhere.getId()).orElseThrow()).get(0).getId());
        mvc.perform(post("/mon-compte/invitations/" + id + "/refus").with(user(elsewhere.getEmail()).roles("EMPLOYEE"))
                .with(csrf())).andExpect(flash().attribute("success", containsString("refusée")));
        transactions.executeWithoutResult(status -> assertThat(users.findById(elsewhere.getId()).orElseThrow()
                .heldGrants()).containsExactly(new GrantPolicy.Held(Role.EMPLOYEE, orgB.getId())));
        mvc.perform(get("/organismes/" + orgA.getId() + "/personnes/" + elsewhere.getId()).with(hr()))
                .andExpect(status().isNotFound());

        upload(elsewhere.getEmail(), "Nom Tapé");
        String page = "/organismes/" + orgA.getId() + "/personnes/" + elsewhere.getId();
        mvc.perform(post(page + "/roles/retrait").with(hr()).with(csrf()).param("role", "EMPLOYEE"))
                .andExpect(flash().attribute("success", containsString("retiré")));
        assertThat(Jsoup.parse(mvc.perform(get("/mon-compte/invitations")
                        .with(user(elsewhere.getEmail()).roles("EMPLOYEE"))).andReturn().getResponse()
                .getContentAsString()).select("tbody tr")).isEmpty();
    }
}
