package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.AssociationType;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.ItemType;
import fr.referentia.framework.authoring.AuthoringFixtures;
import fr.referentia.framework.authoring.DraftAuthoring;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import fr.referentia.search.comparison.Comparisons;
import fr.referentia.search.comparison.Comparisons.DecisionRequest;
import fr.referentia.search.comparison.Decision;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the referentials and the comparisons keep about a person (draft changes and edit locks, published
 * versions, comparison decisions) reaches « Mes données », and an erasure anonymises it while the
 * referentials' content and the decisions stay.
 */
@IntegrationTest
class ModulesPersonalDataTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String DRAFT = "2026-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AccountAdministration administration;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PersonalData personalData;

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    DraftAuthoring authoring;

    @Autowired
    Comparisons comparisons;

    @Autowired
    JdbcTemplate jdbc;

    String suffix;
    String author;
    String other;
    String code;
    String otherCode;

    @BeforeEach
    void anAuthorWhoChangedADraftAndDecidedOnAComparison() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        author = person("autrice-" + suffix + "@a.example.fr", "Alix Autrice " + suffix);
        other = person("autre-" + suffix + "@a.example.fr", "Sacha Autre " + suffix);
        code = "RGPD-" + suffix.toUpperCase();
        otherCode = "RGPD-B-" + suffix.toUpperCase();
        importer.importFramework(AuthoringFixtures.small(code));
        importer.importFramework(AuthoringFixtures.small(otherCode));
        versions.createDraft(code, DRAFT);
        authoring.addItem(code, DRAFT, new Actor(author, "Alix Autrice " + suffix), "C1", 1, "C1.N1",
                ItemType.CRITERION, "Critère ajouté par l'autrice");
        comparisons.decide(new DecisionRequest(code, "C1", otherCode, "C1", Decision.CONFIRMED,
                AssociationType.EXACT_MATCH_OF), author);
    }

    private String person(String email, String name) {
        UserAccount account = users.save(new UserAccount(email, name, passwords.encode("un-mot-de-passe-solide")));
        administration.grant(ADMIN, account.getId(), Role.OBSERVER, null);
        return email;
    }

    private String page(String email) throws Exception {
        return Jsoup.parse(mvc.perform(get("/mes-donnees").with(user(email).roles("OBSERVER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).text();
    }

    @Test
    void theirDraftChangesLocksAndDecisionsAreOnTheirPageOnly() throws Exception {
        assertThat(page(author)).contains("Mes modifications de brouillons de référentiels", code,
                "Élément C1.N1 ajouté", "Brouillons que j'édite", "Mes décisions sur les comparaisons de référentiels",
                code + " C1", otherCode + " C1", "Confirmée (exactMatchOf)");
        assertThat(page(other)).doesNotContain(code, "Mes modifications de brouillons", "Mes décisions sur les comparaisons");
    }

    @Test
    void erasureAnonymisesTheAuthorButKeepsTheDraftAndTheDecision() {
        personalData.erase(author);

        assertThat(jdbc.queryForList("select c.author_email from draft_change c join framework f on f.id = c.framework_id "
                + "where f.code = ?", String.class, code)).containsOnly(PersonalDataContributor.ERASED_PERSON).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from draft_lock l join framework f on f.id = l.framework_id "
                + "where f.code = ?", Integer.class, code)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from framework_item i join framework f on f.id = i.framework_id "
                + "where f.code = ? and f.version = ? and i.code = 'C1.N1'", Integer.class, code, DRAFT)).isOne();
        List<String> deciders = jdbc.queryForList("select decided_by from cross_association where origin_framework = ?",
                String.class, code);
        assertThat(deciders).containsExactly(PersonalDataContributor.ERASED_PERSON);
        assertThat(jdbc.queryForObject("select count(*) from draft_change where lower(author_email) = ?",
                Integer.class, author)).isZero();
    }
}
