package fr.referentia.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.TestMailServer;
import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditTrail;
import fr.referentia.account.PersonalData;
import fr.referentia.account.Role;
import fr.referentia.account.UserAccount;
import fr.referentia.certification.Accreditations.NewAccreditation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** Accreditations (R5) recorded by the certification office, on a fixed clock: 15 November 2026 in Paris. */
@IntegrationTest
class AccreditationPagesTest {

    static final String OFFICE = "certification-office@demo.referentia.fr";
    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
    static final String CQP = "CQP-CONSEILLER-COMMERCIAL";
    static final String TITRE = "TITRE-PILOTAGE-DISPOSITIFS";
    static final String OCCUPATIONAL = "RAC-METIERS-FORMATION";

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-15T09:00:00Z"), ZoneId.of("Europe/Paris"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accreditations accreditations;

    @Autowired
    AccreditationRepository repository;

    @Autowired
    AccountDirectory directory;

    @Autowired
    AccountAdministration administration;

    @Autowired
    AuditTrail audit;

    @Autowired
    PersonalData personalData;

    @Autowired
    TransactionTemplate transactions;

    String suffix;

    @BeforeEach
    void freshSuffix() {
        suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static RequestPostProcessor as(String email, Role role) {
        return user(email).roles(role.name());
    }

    private String number(String label) {
        return ("HAB-" + label + "-" + suffix).toUpperCase();
    }

    /** A person without the assessor role (a candidate), created by the branch administrator. */
    private UserAccount person(String label) {
        return administration.createUser(ADMIN, label + "-" + suffix.toLowerCase() + "@exemple.fr",
                "Personne " + label, Role.CANDIDATE, null);
    }

    private MockHttpServletRequestBuilder recordForm(String email, String number, String kind, String from,
            String until, String... codes) {
        var request = post("/certification/habilitations").with(as(OFFICE, Role.CERTIFICATION_OFFICE)).with(csrf())
                .param("assessorEmail", email).param("number", number).param("kind", kind)
                .param("validFrom", from).param("validUntil", until);
        return codes.length == 0 ? request : request.param("certifications", codes);
    }

    private boolean holdsAssessorRole(String email) {
        return directory.findByEmail(email).orElseThrow().holds(Role.ASSESSOR);
    }

    @Test
    void theOfficeRecordsAnAccreditationAndThePersonBecomesAnAssessor() throws Exception {
        UserAccount person = person("pro");
        mvc.perform(recordForm(person.getEmail(), number("pro").toLowerCase(), "SECTOR_PROFESSIONAL", "2026-01-01",
                        "31/12/2028", CQP, TITRE))
                .andExpect(redirectedUrl("/certification/habilitations"))
                .andExpect(flash().attribute("success", containsString(number("pro"))));

        assertThat(holdsAssessorRole(person.getEmail())).isTrue();
        transactions.executeWithoutResult(status -> {
            Accreditation saved = repository.findAll().stream()
                    .filter(a -> a.getNumber().equals(number("pro"))).findFirst().orElseThrow();
            assertThat(saved.getAssessorId()).isEqualTo(person.getId());
            assertThat(saved.getKind()).isEqualTo(AccreditationKind.SECTOR_PROFESSIONAL);
            assertThat(saved.getCertificationCodes()).containsExactlyInAnyOrder(CQP, TITRE);
            assertThat(saved.getValidFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(saved.getValidUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        });

        assertThat(accreditations.isAccredited(person.getId(), CQP, TODAY)).isTrue();
        assertThat(accreditations.isAccredited(person.getId(), CQP, LocalDate.of(2028, 12, 31))).isTrue();
        assertThat(accreditations.isAccredited(person.getId(), CQP, LocalDate.of(2029, 1, 1))).isFalse();
        assertThat(accreditations.isAccredited(person.getId(), CQP, LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(accreditations.isAccredited(person.getId(), "CQP-GESTIONNAIRE-DISPOSITIFS", TODAY)).isFalse();

        Element row = row(page(OFFICE, Role.CERTIFICATION_OFFICE, ""), "#toutes", number("pro"));
        assertThat(row.text()).contains("Personne pro", "Professionnel du secteur", "du 01/01/2026 au 31/12/2028",
                "valide");
    }

    @Test
    void theOfficeCreatesTheAssessorAccountWhenThereIsNone() throws Exception {
        String email = "externe-" + suffix.toLowerCase() + "@exemple.fr";
        mvc.perform(recordForm(email, number("ext"), "EXTERNAL", "2026-06-01", "2029-05-31", CQP)
                        .param("assessorName", "Dominique Externe"))
                .andExpect(flash().attribute("success", containsString("Dominique Externe")));
        assertThat(directory.findByEmail(email).orElseThrow().roles()).containsExactly(Role.ASSESSOR);
        assertThat(TestMailServer.awaitMessagesTo(email, 1)).as("invitation to choose a password").hasSize(1);

        String nobody = "inconnu-" + suffix.toLowerCase() + "@exemple.fr";
        mvc.perform(recordForm(nobody, number("nobody"), "EXTERNAL", "2026-06-01", "2029-05-31", CQP))
                .andExpect(flash().attribute("error", containsString("indiquez le nom")));
        assertThat(directory.findByEmail(nobody)).isEmpty();
    }

    @Test
    void aDuplicateNumberIsRefusedAndNothingIsSaved() throws Exception {
        UserAccount first = person("first");
        accreditations.record(OFFICE, new NewAccreditation(first.getEmail(), null, number("dup"), "EXTERNAL",
                List.of(CQP), "2026-01-01", "2027-01-01"));
        UserAccount second = person("second");
        long before = repository.count();

        mvc.perform(recordForm(second.getEmail(), " " + number("dup").toLowerCase(), "SECTOR_PROFESSIONAL",
                        "2026-01-01", "2027-01-01", TITRE))
                .andExpect(redirectedUrl("/certification/habilitations"))
                .andExpect(flash().attribute("error", "Une habilitation porte déjà le numéro " + number("dup") + "."));

        assertThat(repository.count()).isEqualTo(before);
        assertThat(holdsAssessorRole(second.getEmail())).isFalse();
    }

    @Test
    void anUnknownCertificationCodeIsRefused() throws Exception {
        UserAccount person = person("unknown");
        long before = repository.count();
        mvc.perform(recordForm(person.getEmail(), number("unknown"), "EXTERNAL", "2026-01-01", "2027-01-01",
                        CQP, "CQP-INEXISTANT"))
                .andExpect(flash().attribute("error",
                        "La certification « CQP-INEXISTANT » n'existe pas dans le catalogue des référentiels."));
        mvc.perform(recordForm(person.getEmail(), number("none"), "EXTERNAL", "2026-01-01", "2027-01-01"))
                .andExpect(flash().attribute("error", containsString("au moins une certification")));
        assertThat(repository.count()).isEqualTo(before);
        assertThat(holdsAssessorRole(person.getEmail())).isFalse();
    }

    @Test
    void theOccupationalFrameworkIsNotACertification() throws Exception {
        UserAccount person = person("occupational");
        long before = repository.count();
        mvc.perform(recordForm(person.getEmail(), number("occ"), "EXTERNAL", "2026-01-01", "2027-01-01",
                        OCCUPATIONAL))
                .andExpect(flash().attribute("error", containsString("est le référentiel métiers, pas une certification")));
        assertThat(repository.count()).isEqualTo(before);
        assertThat(holdsAssessorRole(person.getEmail())).isFalse();
    }

    @Test
    void reversedOrImpossibleDatesAndAMissingKindAreRefused() throws Exception {
        UserAccount person = person("dates");
        long before = repository.count();
        var refused = mvc.perform(recordForm(person.getEmail(), number("rev"), "EXTERNAL", "2027-01-01",
                        "2026-01-01", CQP))
                .andExpect(flash().attribute("error",
                        "La date de fin de validité (01/01/2026) doit être postérieure à la date de début (01/01/2027)."))
                .andReturn().getResponse().getCookie("SESSION");
        // The form comes back with the message and what was typed, to correct rather than retype.
        Document again = Jsoup.parse(mvc.perform(get("/certification/habilitations")
                        .with(as(OFFICE, Role.CERTIFICATION_OFFICE)).cookie(refused))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.selectFirst("[role=alert]").text()).contains("doit être postérieure");
        assertThat(again.selectFirst("#number").val()).isEqualTo(number("rev"));
        assertThat(again.selectFirst("input[name=kind][value=EXTERNAL]").hasAttr("checked")).isTrue();
        assertThat(again.selectFirst("input[name=certifications][value=" + CQP + "]").hasAttr("checked")).isTrue();
        assertThat(again.selectFirst("#validFrom").val()).isEqualTo("2027-01-01");
        mvc.perform(recordForm(person.getEmail(), number("bad"), "EXTERNAL", "2026-02-30", "2027-01-01", CQP))
                .andExpect(flash().attribute("error", containsString("« 2026-02-30 » n'est pas une date valide")));
        mvc.perform(recordForm(person.getEmail(), number("kind"), "JUDGE", "2026-01-01", "2027-01-01", CQP))
                .andExpect(flash().attribute("error", containsString("Choisissez le type d'habilitation")));
        assertThat(repository.count()).isEqualTo(before);
        assertThat(holdsAssessorRole(person.getEmail())).isFalse();
    }

    @Test
    void onlyTheCertificationOfficeAndTheBranchAdministratorReachThePages() throws Exception {
        for (Role role : List.of(Role.ORG_HR, Role.EMPLOYEE, Role.ASSESSOR)) {
            String email = role.name().toLowerCase().replace('_', '-') + "@demo.referentia.fr";
            mvc.perform(get("/certification/habilitations").with(as(email, role))).andExpect(status().isForbidden());
            mvc.perform(recordForm("x@exemple.fr", number("forbidden"), "EXTERNAL", "2026-01-01", "2027-01-01", CQP)
                            .with(as(email, role)))
                    .andExpect(status().isForbidden());
        }
        assertThat(repository.existsByNumber(number("forbidden"))).isFalse();
        mvc.perform(get("/certification/habilitations").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/connexion"));
        mvc.perform(get("/certification/habilitations").with(as(ADMIN, Role.BRANCH_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/certification/habilitations").with(as(OFFICE, Role.CERTIFICATION_OFFICE)))
                .andExpect(status().isOk());
    }

    @Test
    void expiringSoonListsThoseEndingWithinTheChosenDays() throws Exception {
        UserAccount assessor = person("soon");
        record(assessor, "today", "2025-01-01", TODAY);
        record(assessor, "in60", "2025-01-01", TODAY.plusDays(60));
        record(assessor, "in61", "2025-01-01", TODAY.plusDays(61));
        record(assessor, "expired", "2025-01-01", TODAY.minusDays(1));
        record(assessor, "future", TODAY.plusDays(1).toString(), TODAY.plusDays(30));

        Document defaults = page(OFFICE, Role.CERTIFICATION_OFFICE, "");
        assertThat(numbersIn(defaults, "#expirent-bientot")).contains(number("today"), number("in60"))
                .doesNotContain(number("in61"), number("expired"), number("future"));
        assertThat(defaults.selectFirst("#titre-expirent-bientot").text()).isEqualTo("Expirent bientôt (dans les 60 jours)");
        assertThat(statusOf(defaults, "today")).isEqualTo("expire bientôt");
        assertThat(statusOf(defaults, "in60")).isEqualTo("expire bientôt");
        assertThat(statusOf(defaults, "in61")).isEqualTo("valide");
        assertThat(statusOf(defaults, "expired")).isEqualTo("expirée");
        assertThat(statusOf(defaults, "future")).isEqualTo("pas encore valide");

        Document wider = page(OFFICE, Role.CERTIFICATION_OFFICE, "?jours=61");
        assertThat(numbersIn(wider, "#expirent-bientot")).contains(number("in61"));
        Document narrower = page(OFFICE, Role.CERTIFICATION_OFFICE, "?jours=0");
        assertThat(numbersIn(narrower, "#expirent-bientot")).contains(number("today")).doesNotContain(number("in60"));

        mvc.perform(get("/certification/habilitations?jours=-5").with(as(OFFICE, Role.CERTIFICATION_OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("entre 0 et 3650")));
    }

    @Test
    void anAssessorSeesOnlyTheirOwnAccreditations() throws Exception {
        UserAccount mine = person("mine");
        UserAccount other = person("other");
        record(mine, "mine", "2026-01-01", TODAY.plusDays(400));
        record(other, "other", "2026-01-01", TODAY.plusDays(400));

        Document page = page(mine.getEmail(), Role.ASSESSOR, "/mes-habilitations");
        assertThat(numbersIn(page, "main")).containsExactly(number("mine"));
        assertThat(page.select("main a[href^=/certification]")).isEmpty();

        Document nobody = page(ADMIN, Role.BRANCH_ADMIN, "/mes-habilitations");
        assertThat(nobody.select("main").text()).contains("Vous n'avez aucune habilitation enregistrée");
    }

    @Test
    void theOfficeRenewsTheValidityAndReversedDatesChangeNothing() throws Exception {
        UserAccount assessor = person("renew");
        UUID id = record(assessor, "renew", "2024-01-01", TODAY.plusDays(10));
        String page = "/certification/habilitations/" + id;

        var refused = mvc.perform(post(page).with(as(OFFICE, Role.CERTIFICATION_OFFICE)).with(csrf())
                        .param("validFrom", "2027-01-01").param("validUntil", "2026-12-31"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("error", containsString("doit être postérieure")))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get(page).with(as(OFFICE, Role.CERTIFICATION_OFFICE)).cookie(refused))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("doit être postérieure")));
        assertThat(repository.findById(id).orElseThrow().getValidUntil()).isEqualTo(TODAY.plusDays(10));

        mvc.perform(post(page).with(as(ADMIN, Role.BRANCH_ADMIN)).with(csrf())
                        .param("validFrom", "2024-01-01").param("validUntil", "2029-11-30"))
                .andExpect(redirectedUrl("/certification/habilitations"))
                .andExpect(flash().attribute("success", containsString(number("renew"))));
        assertThat(repository.findById(id).orElseThrow().getValidUntil()).isEqualTo(LocalDate.of(2029, 11, 30));
        assertThat(statusOf(page(OFFICE, Role.CERTIFICATION_OFFICE, ""), "renew")).isEqualTo("valide");

        mvc.perform(get(page).with(as(OFFICE, Role.CERTIFICATION_OFFICE))).andExpect(status().isOk());
        mvc.perform(get("/certification/habilitations/" + UUID.randomUUID()).with(as(OFFICE, Role.CERTIFICATION_OFFICE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void recordingAndRenewingAnAccreditationAreAuditedWithTheAssessorAsSubject() throws Exception {
        UserAccount assessor = person("audit");
        UUID id = record(assessor, "audit", "2026-01-01", LocalDate.of(2027, 6, 30));
        mvc.perform(post("/certification/habilitations/" + id).with(as(ADMIN, Role.BRANCH_ADMIN)).with(csrf())
                        .param("validFrom", "2026-01-01").param("validUntil", "2029-06-30"))
                .andExpect(redirectedUrl("/certification/habilitations"));

        List<AuditEntry> entries = audit.search(new AuditFilter(null, "ACCREDITATION", number("audit"), null, null), 0)
                .entries();
        assertThat(entries).extracting(AuditEntry::getAction)
                .containsExactly("ACCREDITATION_RENEWED", "ACCREDITATION_RECORDED");
        assertThat(entries).extracting(AuditEntry::getSubjectId).containsOnly(assessor.getId());
        assertThat(entries).extracting(AuditEntry::getActorEmail).containsExactly(ADMIN, OFFICE);
        AuditEntry renewal = entries.get(0);
        assertThat(renewal.getBeforeJson()).contains("\"validUntil\":\"2027-06-30\"");
        assertThat(renewal.getAfterJson()).contains("\"validUntil\":\"2029-06-30\"", number("audit"), CQP);
        assertThat(entries.get(1).getBeforeJson()).isNull();
    }

    @Test
    void aRefusedRenewalLeavesNoAuditEntry() throws Exception {
        UserAccount assessor = person("noaudit");
        UUID id = record(assessor, "noaudit", "2026-01-01", LocalDate.of(2027, 6, 30));
        mvc.perform(post("/certification/habilitations/" + id).with(as(OFFICE, Role.CERTIFICATION_OFFICE)).with(csrf())
                        .param("validFrom", "2028-01-01").param("validUntil", "2027-01-01"))
                .andExpect(flash().attribute("error", containsString("doit être postérieure")));
        assertThat(audit.search(new AuditFilter(null, "ACCREDITATION", number("noaudit"), null, null), 0).entries())
                .extracting(AuditEntry::getAction).containsExactly("ACCREDITATION_RECORDED");
    }

    @Test
    void anAssessorFindsTheirAccreditationsInTheirDataAndTheyAreKeptOnErasure() throws Exception {
        UserAccount assessor = person("rgpd");
        record(assessor, "rgpd", "2026-01-01", LocalDate.of(2028, 12, 31));

        PersonalData.Overview mine = personalData.overview(assessor.getEmail());
        assertThat(mine.sections()).singleElement().satisfies(section -> {
            assertThat(section.key()).isEqualTo("habilitations");
            assertThat(section.rows()).containsExactly(List.of(number("rgpd"), "Évaluateur externe", CQP,
                    "01/01/2026", "31/12/2028"));
        });
        assertThat(mine.keptOnErasure()).anySatisfy(kept -> assertThat(kept.what()).contains("habilitations"));

        UserAccount nobody = person("sans-habilitation");
        assertThat(personalData.overview(nobody.getEmail()).sections()).isEmpty();
        assertThat(personalData.overview(nobody.getEmail()).keptOnErasure())
                .noneSatisfy(kept -> assertThat(kept.what()).contains("habilitations"));
    }

    private UUID record(UserAccount assessor, String label, String from, LocalDate until) {
        return accreditations.record(OFFICE, new NewAccreditation(assessor.getEmail(), null, number(label),
                "EXTERNAL", List.of(CQP), from, until.toString())).id();
    }

    /** {@code path} empty: the office's list; starting with "?": the list with those parameters. */
    private Document page(String email, Role role, String path) throws Exception {
        String url = path.isEmpty() || path.startsWith("?") ? "/certification/habilitations" + path : path;
        String html = mvc.perform(get(url).with(as(email, role))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static List<String> numbersIn(Document page, String section) {
        return page.select(section + " tr[data-number]").eachAttr("data-number");
    }

    private static Element row(Document page, String section, String number) {
        return page.selectFirst(section + " tr[data-number=" + number + "]");
    }

    private String statusOf(Document page, String label) {
        return row(page, "#toutes", number(label)).selectFirst(".status").text();
    }
}
