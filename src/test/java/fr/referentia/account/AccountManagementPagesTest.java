package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts administration through the pages: the list's search, filters and pages; an account's page
 * where roles are given and taken away; deactivation and reactivation; the same for an organisation's
 * HR, for its own people only; the bulk-import template; the journal in people's names.
 */
@IntegrationTest
class AccountManagementPagesTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "un-mot-de-passe-solide";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AuditEntryRepository auditEntries;

    @Autowired
    AccessTokens tokens;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transactions;

    String marker;
    Organisation orgA;
    Organisation orgB;
    String hrOfA;
    UserAccount employeeOfA;
    UserAccount employeeOfB;

    @BeforeEach
    void twoOrganisationsWithTheirPeople() {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        orgA = organisations.save(new Organisation("Organisme A " + marker, new Siret(AdministrationPagesTest.validSiret()),
                "Lyon", SizeBand.FROM_0_TO_9, OrganisationType.ASSOCIATION));
        orgB = organisations.save(new Organisation("Organisme B " + marker, new Siret(AdministrationPagesTest.validSiret()),
                "Lille", SizeBand.FROM_50_TO_249, OrganisationType.PRIVATE_FOR_PROFIT));
        hrOfA = person("rh", "RH de A", Role.ORG_HR, orgA).getEmail();
        employeeOfA = person("salarie-a", "Alice Salariée " + marker, Role.EMPLOYEE, orgA);
        employeeOfB = person("salarie-b", "Bruno Salarié " + marker, Role.EMPLOYEE, orgB);
    }

    private UserAccount person(String name, String displayName, Role role, Organisation organisation) {
        UserAccount account = new UserAccount(name + "-" + marker + "@example.fr", displayName, passwords.encode(PASSWORD));
        account.grant(role, organisation);
        return users.save(account);
    }

    private static RequestPostProcessor as(String email, Role role) {
        return user(email).roles(role.name());
    }

    private static RequestPostProcessor admin() {
        return as(ADMIN, Role.BRANCH_ADMIN);
    }

    private RequestPostProcessor hr() {
        return as(hrOfA, Role.ORG_HR);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<String> names(Document page) {
        return page.select("table.data tbody tr td:first-child").stream().map(Element::text).toList();
    }

    private UserAccount reload(UserAccount account) {
        return transactions.execute(status -> {
            UserAccount found = users.findById(account.getId()).orElseThrow();
            found.getGrants().size();
            return found;
        });
    }

    /** The journal's entries about the person, oldest first. */
    private List<AuditEntry> entriesAbout(UserAccount account) {
        List<AuditEntry> entries = new java.util.ArrayList<>(auditEntries.findByActorIdOrSubjectIdOrderByOccurredAtDescIdDesc(
                account.getId(), account.getId(), org.springframework.data.domain.Limit.unlimited()).stream()
                .filter(entry -> account.getId().equals(entry.getSubjectId())).toList());
        java.util.Collections.reverse(entries);
        return entries;
    }

    private List<String> actionsAbout(UserAccount account) {
        return entriesAbout(account).stream().map(AuditEntry::getAction).toList();
    }

    @Test
    void theBranchAdministratorSearchesFiltersAndPagesThroughAccounts() throws Exception {
        for (int i = 0; i < AccountManagement.PAGE_SIZE; i++) {
            person(String.format("lot-%02d", i), String.format("Lot %02d %s", i, marker), Role.MANAGER, orgB);
        }
        Document first = page(get("/admin/comptes").with(admin()).param("q", marker));
        // 25 managers, two employees and the HR: 28 people, 25 a page, sorted by name.
        assertThat(first.select("[role=status]").text()).isEqualTo("28 personne(s).");
        assertThat(names(first)).hasSize(AccountManagement.PAGE_SIZE).first().isEqualTo("Alice Salariée " + marker);
        assertThat(first.select("nav.pager").text()).contains("Page 1 sur 2");
        Document second = page(get(first.select("a[rel=next]").attr("href")).with(admin()));
        assertThat(names(second)).hasSize(3).contains("RH de A");
        assertThat(second.select("input#q").attr("value")).isEqualTo(marker);

        assertThat(names(page(get("/admin/comptes").with(admin()).param("q", marker).param("role", "EMPLOYEE"))))
                .containsExactly("Alice Salariée " + marker, "Bruno Salarié " + marker);
        assertThat(names(page(get("/admin/comptes").with(admin()).param("q", marker)
                .param("organisationId", orgA.getId().toString()))))
                .containsExactly("Alice Salariée " + marker, "RH de A");
        assertThat(names(page(get("/admin/comptes").with(admin()).param("q", "SALARIÉ " + marker))))
                .containsExactly("Bruno Salarié " + marker);

        transactions.executeWithoutResult(status -> users.findById(employeeOfB.getId()).orElseThrow().deactivate());
        assertThat(names(page(get("/admin/comptes").with(admin()).param("q", marker).param("active", "non"))))
                .containsExactly("Bruno Salarié " + marker);
        assertThat(names(page(get("/admin/comptes").with(admin()).param("q", marker).param("active", "oui")
                .param("role", "EMPLOYEE")))).containsExactly("Alice Salariée " + marker);
    }

    @Test
    void unreadableFiltersAndPagesGetAFrenchMessage() throws Exception {
        for (String[] filter : List.of(new String[] {"role", "PRESIDENT"}, new String[] {"active", "peut-être"},
                new String[] {"page", "beaucoup"}, new String[] {"page", "42949673"},
                new String[] {"organisationId", "pas-un-id"})) {
            String body = mvc.perform(get("/admin/comptes").with(admin()).param(filter[0], filter[1]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(body).select("[role=alert]").text()).as(filter[0]).isNotBlank();
        }
    }

    @Test
    void hrListsAndSearchesItsOwnOrganisationOnly() throws Exception {
        Document list = page(get("/organismes/" + orgA.getId() + "/personnes").with(hr())
                .param("organisationId", orgB.getId().toString()));
        assertThat(names(list)).containsExactly("Alice Salariée " + marker, "RH de A");
        assertThat(names(page(get("/organismes/" + orgA.getId() + "/personnes").with(hr())
                .param("q", "Bruno")))).isEmpty();
        mvc.perform(get("/organismes/" + orgB.getId() + "/personnes").with(hr())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/comptes").with(hr())).andExpect(status().isForbidden());
    }

    @Test
    void theBranchAdministratorGivesAndTakesAwayRolesOnTheAccountPageAndTheJournalSaysSoInNames() throws Exception {
        String base = "/admin/comptes/" + employeeOfA.getId();
        Document account = page(get(base).with(admin()));
        assertThat(account.select("h1").text()).isEqualTo("Alice Salariée " + marker);
        assertThat(account.select("ul.grants li > span").eachText()).containsExactly("Salarié — " + orgA.getName());

        mvc.perform(post(base + "/roles").with(admin()).with(csrf()).param("role", "OBSERVER"))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("success", containsString("Observatoire")));
        mvc.perform(post(base + "/roles").with(admin()).with(csrf()).param("role", "MANAGER"))
                .andExpect(flash().attribute("error", containsString("se donne dans un organisme")));
        mvc.perform(post(base + "/roles/retrait").with(admin()).with(csrf()).param("role", "EMPLOYEE")
                .param("organisationId", orgA.getId().toString()))
                .andExpect(flash().attribute("success", containsString("retiré")));
        assertThat(reload(employeeOfA).getGrants()).extracting(RoleGrant::getRole).containsExactly(Role.OBSERVER);
        assertThat(actionsAbout(employeeOfA)).containsExactly("ROLE_GRANTED", "ROLE_REVOKED");

        Document journal = page(get("/admin/journal").with(admin()).param("objectCode", employeeOfA.getId().toString()));
        Element revocation = journal.select("table.data > tbody > tr").first();
        assertThat(revocation.select("td").get(1).text())
                .isEqualTo(users.findByEmail(ADMIN).orElseThrow().getDisplayName() + " " + ADMIN);
        assertThat(revocation.select("td").get(2).text()).isEqualTo("Retrait de rôle");
        assertThat(revocation.select("td").get(3).select("a").text()).isEqualTo("Alice Salariée " + marker);
        assertThat(revocation.select("table.changes tbody tr").eachText()).containsExactly(
                "Rôles Salarié — " + orgA.getName() + " ; Observatoire Observatoire");
        assertThat(revocation.text()).doesNotContain(employeeOfA.getId().toString()).doesNotContain("{\"");
    }

    @Test
    void hrGivesAndTakesAwayTheRolesItManagesInItsOrganisationAndNothingElse() throws Exception {
        String base = "/organismes/" + orgA.getId() + "/personnes/" + employeeOfA.getId();
        mvc.perform(post(base + "/roles").with(hr()).with(csrf()).param("role", "MANAGER"))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("success", containsString("Manager")));
        mvc.perform(post(base + "/roles").with(hr()).with(csrf()).param("role", "ORG_HR"))
                .andExpect(flash().attribute("error", containsString("ne relève pas de votre gestion")));
        mvc.perform(post(base + "/roles/retrait").with(hr()).with(csrf()).param("role", "MANAGER")
                .param("organisationId", orgB.getId().toString()))
                .andExpect(flash().attribute("success", containsString("retiré")));
        assertThat(reload(employeeOfA).getGrants()).extracting(RoleGrant::getRole, RoleGrant::getOrganisationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.EMPLOYEE, orgA.getId()));

        // Another organisation's person, through either organisation's address, reads as unknown; nothing changes.
        for (String other : List.of("/organismes/" + orgA.getId() + "/personnes/" + employeeOfB.getId(),
                "/organismes/" + orgB.getId() + "/personnes/" + employeeOfB.getId())) {
            mvc.perform(get(other).with(hr())).andExpect(status().isNotFound());
            mvc.perform(post(other + "/roles").with(hr()).with(csrf()).param("role", "MANAGER"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(other + "/desactivation").with(hr()).with(csrf()).param("confirmation", "oui"))
                    .andExpect(status().isNotFound());
        }
        assertThat(reload(employeeOfB).getGrants()).extracting(RoleGrant::getRole).containsExactly(Role.EMPLOYEE);
        assertThat(reload(employeeOfB).isEnabled()).isTrue();
        assertThat(actionsAbout(employeeOfB)).isEmpty();
    }

    @Test
    void hrSeesOnlyTheRolesOfItsOrganisationAndCannotDeactivateSomeoneWithOtherRoles() throws Exception {
        transactions.executeWithoutResult(status -> users.findById(employeeOfA.getId()).orElseThrow().grant(Role.MANAGER,
                organisations.findById(orgB.getId()).orElseThrow()));
        String base = "/organismes/" + orgA.getId() + "/personnes/" + employeeOfA.getId();
        assertThat(page(get(base).with(hr())).select("ul.grants li > span").eachText())
                .containsExactly("Salarié — " + orgA.getName());
        assertThat(page(get("/organismes/" + orgA.getId() + "/personnes").with(hr())).text())
                .doesNotContain(orgB.getName());
        mvc.perform(post(base + "/desactivation").with(hr()).with(csrf()).param("confirmation", "oui"))
                .andExpect(flash().attribute("error", containsString("seul l'administrateur de branche")));
        assertThat(reload(employeeOfA).isEnabled()).isTrue();
    }

    @Test
    void wrongRolesAreRefusedAndChangeNothing() throws Exception {
        String admin = "/admin/comptes/" + employeeOfA.getId();
        String scoped = "/organismes/" + orgA.getId() + "/personnes/" + employeeOfA.getId();
        RequestPostProcessor employee = as(employeeOfA.getEmail(), Role.EMPLOYEE);
        RequestPostProcessor manager = as(person("manager", "Manager de A", Role.MANAGER, orgA).getEmail(), Role.MANAGER);
        mvc.perform(get(admin).with(hr())).andExpect(status().isForbidden());
        mvc.perform(post(admin + "/desactivation").with(hr()).with(csrf()).param("confirmation", "oui"))
                .andExpect(status().isForbidden());
        mvc.perform(post(admin + "/roles").with(employee).with(csrf()).param("role", "BRANCH_ADMIN"))
                .andExpect(status().isForbidden());
        // A manager of the same organisation does not manage it: the organisation reads as unknown.
        mvc.perform(get(scoped).with(manager)).andExpect(status().isNotFound());
        mvc.perform(post(scoped + "/desactivation").with(manager).with(csrf()).param("confirmation", "oui"))
                .andExpect(status().isNotFound());
        mvc.perform(post(scoped + "/roles/retrait").with(manager).with(csrf()).param("role", "EMPLOYEE"))
                .andExpect(status().isNotFound());
        // Anonymous: sent to sign in, or 401.
        mvc.perform(post(admin + "/desactivation").with(csrf()).param("confirmation", "oui"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401));
        UserAccount after = reload(employeeOfA);
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.getGrants()).extracting(RoleGrant::getRole).containsExactly(Role.EMPLOYEE);
        assertThat(actionsAbout(employeeOfA)).isEmpty();
    }

    @Test
    void aDeactivatedAccountCannotSignInAndLosesItsSessionsAndTokensUntilReactivated() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic(employeeOfA.getEmail(), PASSWORD))).andExpect(status().isOk());
        String secret = tokens.create(employeeOfA.getEmail(), "Script", AccessTokenScope.READ, null).secret();
        String otherBrowser = StoredSessions.of(sessions, employeeOfA.getEmail());
        String base = "/admin/comptes/" + employeeOfA.getId();

        Document confirmation = page(get(base + "/desactivation").with(admin()));
        assertThat(confirmation.select("h1").text()).isEqualTo("Désactiver le compte de Alice Salariée " + marker + " ?");
        // Without the confirmation box ticked, nothing happens.
        mvc.perform(post(base + "/desactivation").with(admin()).with(csrf())).andExpect(status().isBadRequest());
        assertThat(reload(employeeOfA).isEnabled()).isTrue();

        mvc.perform(post(base + "/desactivation").with(admin()).with(csrf()).param("confirmation", "oui"))
                .andExpect(redirectedUrl(base)).andExpect(flash().attribute("success", containsString("désactivé")));
        assertThat(reload(employeeOfA).isEnabled()).isFalse();
        mvc.perform(get("/api/v1/me").with(httpBasic(employeeOfA.getEmail(), PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        assertThat(sessions.findById(otherBrowser)).isNull();
        assertThat(tokens.tokensOf(employeeOfA.getEmail())).singleElement()
                .satisfies(token -> assertThat(token.revokedAt()).isNotNull());
        assertThat(page(get(base).with(admin())).select("#etat").text()).startsWith("Désactivé");

        mvc.perform(post(base + "/reactivation").with(admin()).with(csrf()).param("confirmation", "oui"))
                .andExpect(flash().attribute("success", containsString("réactivé")));
        mvc.perform(get("/api/v1/me").with(httpBasic(employeeOfA.getEmail(), PASSWORD))).andExpect(status().isOk());
        // Tokens revoked at deactivation stay revoked.
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        assertThat(actionsAbout(employeeOfA)).containsExactly("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED");
        AuditEntry deactivation = entriesAbout(employeeOfA).get(0);
        assertThat(deactivation.getActorEmail()).isEqualTo(ADMIN);
        assertThat(deactivation.getBeforeJson()).isEqualTo("{\"active\":true}");
        assertThat(deactivation.getAfterJson()).isEqualTo("{\"active\":false}");
    }

    @Test
    void hrDeactivatesAndReactivatesItsOwnEmployee() throws Exception {
        String base = "/organismes/" + orgA.getId() + "/personnes/" + employeeOfA.getId();
        mvc.perform(post(base + "/desactivation").with(hr()).with(csrf()).param("confirmation", "oui"))
                .andExpect(redirectedUrl(base));
        assertThat(reload(employeeOfA).isEnabled()).isFalse();
        assertThat(names(page(get("/organismes/" + orgA.getId() + "/personnes").with(hr()).param("active", "non"))))
                .containsExactly("Alice Salariée " + marker);
        mvc.perform(post(base + "/reactivation").with(hr()).with(csrf()).param("confirmation", "oui"))
                .andExpect(redirectedUrl(base));
        assertThat(reload(employeeOfA).isEnabled()).isTrue();
        AuditEntry entry = entriesAbout(employeeOfA).get(0);
        assertThat(entry.getAction()).isEqualTo("ACCOUNT_DEACTIVATED");
        assertThat(entry.getOrganisationId()).isEqualTo(orgA.getId());
        assertThat(entry.getActorEmail()).isEqualTo(hrOfA);
    }

    @Test
    void nobodyDeactivatesThemselvesNorRemovesTheirOwnAdministration() throws Exception {
        UUID adminId = users.findByEmail(ADMIN).orElseThrow().getId();
        mvc.perform(post("/admin/comptes/" + adminId + "/desactivation").with(admin()).with(csrf())
                        .param("confirmation", "oui"))
                .andExpect(flash().attribute("error", containsString("votre propre compte")));
        mvc.perform(post("/admin/comptes/" + adminId + "/roles/retrait").with(admin()).with(csrf())
                        .param("role", "BRANCH_ADMIN"))
                .andExpect(flash().attribute("error", containsString("vous-même")));
        UserAccount after = users.findByEmail(ADMIN).orElseThrow();
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.roles()).contains(Role.BRANCH_ADMIN);
    }

    @Test
    void theBulkImportTemplateIsDownloadedFilledAndImportedFromThePage() throws Exception {
        String list = "/organismes/" + orgA.getId() + "/personnes";
        Document page = page(get(list).with(hr()));
        String href = page.select("a[href$=modele.xlsx]").attr("href");
        assertThat(href).isEqualTo(list + "/modele.xlsx");
        byte[] template = mvc.perform(get(href).with(hr())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet people = book.getSheetAt(0);
            assertThat(List.of(people.getRow(0).getCell(0).getStringCellValue(), people.getRow(0).getCell(1)
                    .getStringCellValue(), people.getRow(0).getCell(2).getStringCellValue()))
                    .containsExactly("email", "nom", "role");
            assertThat(people.getLastRowNum()).isZero();
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Mode d'emploi");
            // The help sheet names the roles this HR may give.
            assertThat(book.getSheetAt(1).getRow(4).getCell(0).getStringCellValue()).contains("Manager", "Salarié")
                    .doesNotContain("RH d'organisme");
            var row = people.createRow(1);
            row.createCell(0).setCellValue("depuis-le-modele-" + marker + "@example.fr");
            row.createCell(1).setCellValue("Depuis le Modèle");
            row.createCell(2).setCellValue("Salarié");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart(list + "/import").file(new MockMultipartFile("file", "modele-personnes.xlsx",
                        "application/octet-stream", filled)).with(hr()).with(csrf()))
                .andExpect(redirectedUrl(list));
        assertThat(users.existsByEmail("depuis-le-modele-" + marker + "@example.fr")).isTrue();
        assertThat(new String(mvc.perform(get(list + "/modele.csv").with(hr())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFemail;nom;role");
        mvc.perform(get("/organismes/" + orgB.getId() + "/personnes/modele.xlsx").with(hr()))
                .andExpect(status().isNotFound());
    }
}
