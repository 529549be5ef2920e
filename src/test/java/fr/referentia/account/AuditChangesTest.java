package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.account.AuditChanges.Row;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The journal's before/after as a person reads it: French field names, labels, names, changed fields only. */
class AuditChangesTest {

    static final UUID ORGANISATION = UUID.randomUUID();
    static final UUID PERSON = UUID.randomUUID();

    private final AuditChanges changes = new AuditChanges(new ObjectMapper(), messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @BeforeEach
    void inFrench() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
    }

    @AfterEach
    void back() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static AuditEntry entry(String before, String after) {
        return new AuditEntry(Instant.EPOCH, null, null, "X", "Y", null, null, null, before, after);
    }

    @Test
    void aCreationShowsEveryFieldWithItsFrenchNameAndLabels() {
        assertThat(changes.of(entry(null, """
                {"name":"Formations du Sud","sizeBand":"FROM_0_TO_9","type":"ASSOCIATION"}"""), Map.of()))
                .containsExactly(new Row("Nom", "—", "Formations du Sud"),
                        new Row("Tranche d'effectif", "—", SizeBand.FROM_0_TO_9.label()),
                        new Row("Type", "—", OrganisationType.ASSOCIATION.label()));
    }

    @Test
    void rolesBeforeAndAfterReadAsRolesInTheirOrganisations() {
        String before = "[{\"role\":\"EMPLOYEE\",\"organisationId\":\"" + ORGANISATION + "\",\"organisationName\":\"Org A\"},"
                + "{\"role\":\"OBSERVER\",\"organisationId\":null,\"organisationName\":null}]";
        assertThat(changes.of(entry(before, "[]"), Map.of()))
                .containsExactly(new Row("Rôles", "Salarié — Org A ; Observatoire", "aucun"));
    }

    @Test
    void onlyTheChangedFieldsAreShownWithYesNoDatesAndNamesInsteadOfIds() {
        assertThat(changes.of(entry("{\"active\":true}", "{\"active\":false}"), Map.of()))
                .containsExactly(new Row("Actif", "Oui", "Non"));
        assertThat(changes.of(entry("{\"number\":\"HAB-1\",\"validUntil\":\"2026-12-31\",\"by\":\"" + PERSON + "\"}",
                        "{\"number\":\"HAB-1\",\"validUntil\":\"2027-01-31\",\"by\":\"" + ORGANISATION + "\"}"),
                Map.of(PERSON, "Alice Martin", ORGANISATION, "Org A")))
                .containsExactly(new Row("Valide jusqu'au", "31/12/2026", "31/01/2027"),
                        new Row("by", "Alice Martin", "Org A"));
    }
}
