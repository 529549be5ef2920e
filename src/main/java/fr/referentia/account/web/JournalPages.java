package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountManagement;
import fr.referentia.account.AuditChanges;
import fr.referentia.account.AuditEntry;
import fr.referentia.account.AuditFilter;
import fr.referentia.account.AuditLabels;
import fr.referentia.account.AuditTrail;
import fr.referentia.account.Organisation;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.CsvSheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for branch administrators ({@code /admin/**}): filter, page through, export as CSV. */
@Controller
class JournalPages {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final String[] CSV_HEADER = {"Date", "Auteur", "Identifiant de l'auteur", "Action",
            "Type d'objet", "Objet", "Organisme", "Avant", "Après"};

    private final AuditTrail audit;
    private final AuditLabels labels;
    private final AccountAdministration administration;
    private final AccountManagement accounts;
    private final AuditChanges changes;
    private final Clock clock;

    JournalPages(AuditTrail audit, AuditLabels labels, AccountAdministration administration,
            AccountManagement accounts, AuditChanges changes, Clock clock) {
        this.audit = audit;
        this.accounts = accounts;
        this.changes = changes;
        this.labels = labels;
        this.administration = administration;
        this.clock = clock;
    }

    /** The filter form as typed, echoed back into the page and the export link. */
    record Form(String person, String objectType, String objectCode, String from, String to) {
    }

    @GetMapping("/admin/journal")
    String journal(@ModelAttribute("form") Form form, @RequestParam(defaultValue = "0") int page, Model model,
            HttpServletResponse response) {
        model.addAttribute("objectTypes", audit.objectTypes());
        model.addAttribute("labels", labels);
        model.addAttribute("zone", clock.getZone());
        try {
            AuditTrail.AuditPage results = audit.search(filter(form), page);
            model.addAttribute("results", results);
            Map<UUID, String> organisations = administration.organisations().stream()
                    .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
            model.addAttribute("organisations", organisations);
            // People by their names, not their ids: the authors, the people entries are about, accounts as objects.
            List<UUID> ids = new ArrayList<>();
            results.entries().forEach(entry -> {
                ids.add(entry.getActorId());
                ids.add(entry.getSubjectId());
            });
            Map<UUID, String> names = new HashMap<>(organisations);
            names.putAll(accounts.names(ids));
            model.addAttribute("names", names);
            model.addAttribute("changes", changes);
        } catch (BadInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors());
        }
        return "account/journal";
    }

    @GetMapping("/admin/journal/export.csv")
    void export(@ModelAttribute Form form, HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(form); // bad input: a 400 page, before any byte is written
        Map<UUID, String> organisations = administration.organisations().stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-audit-"
                + LocalDate.now(clock) + ".csv\"");
        // UTF-8 with a byte order mark, « ; » between cells, each cell neutralised against formula injection.
        try (CsvSheet csv = SpreadsheetWriter.csv(response.getOutputStream(), List.of(CSV_HEADER))) {
            audit.export(filter, entry -> print(csv, entry, organisations::get));
        }
    }

    private void print(CsvSheet csv, AuditEntry entry, Function<UUID, String> organisationName) {
        String organisation = entry.getOrganisationId() == null ? null : Objects.requireNonNullElse(
                organisationName.apply(entry.getOrganisationId()), entry.getOrganisationId().toString());
        String[] cells = {DATE_TIME.format(entry.getOccurredAt().atZone(clock.getZone())),
                Objects.requireNonNullElse(entry.getActorEmail(), "Système"),
                entry.getActorId() == null ? null : entry.getActorId().toString(),
                labels.action(entry.getAction()), labels.objectType(entry.getObjectType()), entry.getObjectId(),
                organisation, entry.getBeforeJson(), entry.getAfterJson()};
        csv.row(Arrays.asList(cells));
    }

    private static AuditFilter filter(Form form) {
        return AuditFilter.parse(form.person(), form.objectType(), form.objectCode(), form.from(), form.to());
    }
}
