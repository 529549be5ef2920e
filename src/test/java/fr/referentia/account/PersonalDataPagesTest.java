package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** "Mes données": each person sees, downloads and erases their own data, and nobody else's. */
@IntegrationTest
class PersonalDataPagesTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "un-mot-de-passe-solide";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration administration;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SampleCertificationData certificationData;

    @Autowired
    ObjectMapper json;

    Organisation organisation;
    String camille;
    String dominique;

    @BeforeEach
    void twoPeopleWithARoleGivenByTheAdministrator() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        organisation = organisations.save(new Organisation("Organisme RGPD " + suffix,
                new Siret(AdministrationPagesTest.validSiret()), "Rennes", SizeBand.FROM_0_TO_9,
                OrganisationType.ASSOCIATION));
        camille = person("camille-" + suffix + "@a.example.fr", "Camille Martin " + suffix);
        dominique = person("dominique-" + suffix + "@a.example.fr", "Dominique Durand " + suffix);
    }

    private String person(String email, String name) {
        UserAccount account = users.save(new UserAccount(email, name, passwords.encode(PASSWORD)));
        administration.grant(ADMIN, account.getId(), Role.EMPLOYEE, organisation.getId());
        return email;
    }

    private static RequestPostProcessor as(String email) {
        return user(email).roles("EMPLOYEE");
    }

    @Test
    void thePageShowsThePersonsOwnDataAndNobodyElses() throws Exception {
        String page = Jsoup.parse(mvc.perform(get("/mes-donnees").with(as(camille)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).text();
        assertThat(page).contains(camille, nameOf(camille), "Salarié", organisation.getName(), "Attribution de rôle",
                "Un gestionnaire", "Journal d'audit : 5 ans", "90 jours",
                "Invitation d'un organisme à rejoindre son équipe (pour un compte existant) : 90 jours après votre "
                        + "réponse");
        assertThat(page).doesNotContain(dominique, nameOf(dominique), ADMIN);
        // The journal's detail is read field by field in French, not as stored JSON.
        assertThat(page).contains("Salarié — " + organisation.getName()).doesNotContain("{\"", "null");

        String other = mvc.perform(get("/mes-donnees").with(as(dominique))).andReturn().getResponse()
                .getContentAsString();
        assertThat(other).contains(dominique).doesNotContain(camille);
    }

    @Test
    void aPersonWithMoreThanAHundredJournalEntriesSeesTheNewestHundredAndTheTotal() throws Exception {
        UUID id = users.findByEmail(camille).orElseThrow().getId();
        for (int i = 0; i < PersonalData.JOURNAL_ON_PAGE + 20; i++) {
            entries.save(new AuditEntry(java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), id, camille,
                    "SAMPLE_DONE", "FRAMEWORK", "ENTREE-" + i, null, null, null, null));
        }
        var page = Jsoup.parse(mvc.perform(get("/mes-donnees").with(as(camille)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long total = entries.countByActorIdOrSubjectId(id, id);
        assertThat(total).isGreaterThan(PersonalData.JOURNAL_ON_PAGE);
        assertThat(page.text()).contains("(les " + PersonalData.JOURNAL_ON_PAGE + " plus récentes sur " + total
                + " ; toutes figurent dans l’archive)");
        assertThat(page.select("table.data span.code").eachText()).contains("ENTREE-" + (PersonalData.JOURNAL_ON_PAGE + 19))
                .doesNotContain("ENTREE-0");
    }

    @Test
    void signingInIsRequiredAndTheNavigationLinksToThePage() throws Exception {
        mvc.perform(get("/mes-donnees").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrlPattern("**/connexion"));
        mvc.perform(get("/mes-donnees/archive.zip").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/connexion"));
        mvc.perform(get("/").with(as(camille))).andExpect(content().string(containsString("href=\"/mes-donnees\"")));
        mvc.perform(get("/")).andExpect(content().string(not(
                containsString("href=\"/mes-donnees\""))));
    }

    @Test
    void theArchiveHoldsTheJsonDocumentWithTheirEmailAndRoles() throws Exception {
        var response = mvc.perform(get("/mes-donnees/archive.zip").with(as(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse();
        Map<String, byte[]> archive = unzip(response.getContentAsByteArray());
        assertThat(archive).containsOnlyKeys("mes-donnees.json");
        String text = new String(archive.get("mes-donnees.json"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(dominique, ADMIN);
        JsonNode document = json.readTree(text);
        assertThat(document.at("/compte/email").asText()).isEqualTo(camille);
        assertThat(document.at("/compte/nom").asText()).isEqualTo(nameOf(camille));
        assertThat(document.at("/roles/0/role").asText()).isEqualTo("Salarié");
        assertThat(document.at("/roles/0/organisme").asText()).isEqualTo(organisation.getName());
        assertThat(document.at("/journal/0/action").asText()).isEqualTo("Attribution de rôle");
        assertThat(document.at("/journal/0/auteur").asText()).isEqualTo("Un gestionnaire");
        assertThat(document.at("/journal/0/apres/0/role").asText()).isEqualTo("EMPLOYEE");
        assertThat(document.at("/conserveEnCasDEffacement/0/quoi").asText()).contains("journal d'audit");
    }

    @Test
    void modulesAddSectionsFilesAndWhatMustBeKept() throws Exception {
        String candidate = person(SampleCertificationData.PREFIX + UUID.randomUUID() + "@a.example.fr", "Candidat");
        String page = mvc.perform(get("/mes-donnees").with(as(candidate))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Mes certifications (exemple)", "CQP Conseiller commercial",
                "Décisions de certification et certificats (exemple)");
        Map<String, byte[]> archive = unzip(mvc.perform(get("/mes-donnees/archive.zip").with(as(candidate)))
                .andReturn().getResponse().getContentAsByteArray());
        // The module's path tried to climb out of its folder: it stays inside the archive's "fichiers/".
        assertThat(archive).containsOnlyKeys("mes-donnees.json", "fichiers/certificats/certificat.txt");
        assertThat(new String(archive.get("fichiers/certificats/certificat.txt"), StandardCharsets.UTF_8))
                .isEqualTo("Certificat de Candidat");
        JsonNode document = json.readTree(archive.get("mes-donnees.json"));
        assertThat(document.at("/autresDonnees/0/lignes/0/Décision").asText()).isEqualTo("Validation totale");
        assertThat(document.at("/fichiers/0").asText()).isEqualTo("fichiers/certificats/certificat.txt");

        String erased = mvc.perform(post("/mes-donnees/effacement").with(as(candidate)).with(csrf())
                        .param("confirm", "true").param("password", PASSWORD))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(erased).contains("Vos données ont été effacées", "Décisions de certification et certificats (exemple)");
        assertThat(certificationData.erased).isNotEmpty();
    }

    @Test
    void erasureNeedsConfirmationAndATokenAndOtherwiseChangesNothing() throws Exception {
        String confirmation = mvc.perform(get("/mes-donnees/effacement").with(as(camille)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(confirmation).text()).contains("Ce qui est conservé",
                "Les entrées du journal d'audit faites par vous ou vous concernant", "5 ans");
        assertThat(Jsoup.parse(confirmation).select("form[action=/mes-donnees/effacement] input[name=_csrf]"))
                .hasSize(1);

        String refused = mvc.perform(post("/mes-donnees/effacement").with(as(camille)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).select("[role=alert]").text()).contains("Cochez la case de confirmation")
                .contains("rien n'a été effacé");
        mvc.perform(post("/mes-donnees/effacement").with(as(camille)).param("confirm", "true"))
                .andExpect(status().isForbidden());
        assertThat(users.findByEmail(camille)).get().satisfies(user -> {
            assertThat(user.getErasedAt()).isNull();
            assertThat(user.getPasswordHash()).isNotNull();
        });
    }

    @Test
    void erasureAnonymisesTheAccountAndItsAuditEntriesWhichRemain() throws Exception {
        UUID id = users.findByEmail(camille).orElseThrow().getId();
        String name = nameOf(camille);
        int entriesBefore = entries.findByActorIdOrSubjectIdOrderByOccurredAtDescIdDesc(id, id, Limit.unlimited()).size();
        assertThat(entriesBefore).isPositive();
        mvc.perform(formLogin("/connexion").user(camille).password(PASSWORD)).andExpect(authenticated());

        String page = mvc.perform(post("/mes-donnees/effacement").with(as(camille)).with(csrf()).param("confirm", "true")
                        .param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(unauthenticated())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).contains("Vos données ont été effacées", "vous avez été déconnecté",
                "Ce qui a été conservé", "journal d'audit").doesNotContain("Déconnexion (");

        transactions.executeWithoutResult(status -> {
            UserAccount erased = users.findById(id).orElseThrow();
            assertThat(erased.getEmail()).startsWith("anonyme-").endsWith("@efface.invalid");
            assertThat(erased.getDisplayName()).startsWith("Personne effacée ");
            assertThat(erased.getPasswordHash()).isNull();
            assertThat(erased.isEnabled()).isFalse();
            assertThat(erased.getGrants()).isEmpty();
            assertThat(erased.getErasedAt()).isNotNull();
        });
        assertThat(users.findByEmail(camille)).isEmpty();

        List<AuditEntry> kept = entries.findByActorIdOrSubjectIdOrderByOccurredAtDescIdDesc(id, id, Limit.unlimited());
        assertThat(kept).hasSize(entriesBefore + 1);
        assertThat(kept.get(0).getAction()).isEqualTo("ACCOUNT_ERASED");
        assertThat(kept.get(0).getActorId()).isEqualTo(id);
        assertThat(kept).allSatisfy(entry -> assertThat(String.join(" ", String.valueOf(entry.getActorEmail()),
                String.valueOf(entry.getBeforeJson()), String.valueOf(entry.getAfterJson())))
                .doesNotContainIgnoringCase(camille).doesNotContain(name));
        assertThat(kept).filteredOn(entry -> entry.getAction().equals("ROLE_GRANTED"))
                .singleElement().satisfies(entry -> assertThat(entry.getActorEmail()).isEqualTo(ADMIN));

        mvc.perform(formLogin("/connexion").user(camille).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(get("/mes-donnees").with(as(camille))).andExpect(status().isForbidden());
        // The other person is untouched.
        assertThat(users.findByEmail(dominique)).get().satisfies(user -> assertThat(user.getErasedAt()).isNull());
    }

    private String nameOf(String email) {
        return users.findByEmail(email).orElseThrow().getDisplayName();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
