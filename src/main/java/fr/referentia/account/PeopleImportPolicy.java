package fr.referentia.account;

import fr.referentia.account.bulk.PeopleFile;
import fr.referentia.account.bulk.PeopleFile.Line;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What each line of an uploaded list of people must satisfy before anyone is created. One named
 * rule per check; every problem of every line is reported, so the file is fixed in one go.
 */
interface PeopleImportPolicy {

    int MAXIMUM_NAME_LENGTH = 200;

    /**
     * Everything the rules need besides the line: who uploads, into which organisation, the
     * addresses that already have an account, and the first line of each address in the file.
     */
    record Context(List<GrantPolicy.Held> granter, UUID organisationId, Set<String> existingEmails,
            Map<String, Integer> firstLineOfEmail) {
    }

    List<ImportProblem> check(Line line, Context context);

    PeopleImportPolicy COLUMNS_MATCH_HEADER = (line, context) -> line.extraCells() == 0 ? List.of()
            : List.of(new ImportProblem(line.number(), null, "La ligne compte plus de colonnes que l'en-tête"
                    + " (email, nom, role) : une virgule ou un point-virgule dans un nom doit être entre guillemets."));

    PeopleImportPolicy VALID_EMAIL = (line, context) -> {
        String email = EmailAddresses.normalise(line.email());
        if (email.isEmpty()) {
            return problem(line, PeopleFile.EMAIL, "L'adresse e-mail est obligatoire.");
        }
        return EmailAddresses.isValid(email) ? List.of()
                : problem(line, PeopleFile.EMAIL, "L'adresse e-mail « " + line.email() + " » n'est pas valide.");
    };

    PeopleImportPolicy NAME_GIVEN = (line, context) -> {
        if (line.name().isBlank()) {
            return problem(line, PeopleFile.NAME, "Le nom est obligatoire.");
        }
        return line.name().length() <= MAXIMUM_NAME_LENGTH ? List.of()
                : problem(line, PeopleFile.NAME, "Le nom dépasse " + MAXIMUM_NAME_LENGTH + " caractères.");
    };

    PeopleImportPolicy KNOWN_ROLE = (line, context) -> {
        if (line.role().isBlank()) {
            return problem(line, PeopleFile.ROLE, "Le rôle est obligatoire (" + grantable(context) + ").");
        }
        return role(line.role()).isPresent() ? List.of() : problem(line, PeopleFile.ROLE,
                "Rôle inconnu « " + line.role() + " » (" + grantable(context) + ").");
    };

    /** {@link GrantPolicy} decides, line by line, whether the uploader may give that role in this organisation. */
    PeopleImportPolicy ROLE_GRANTABLE = (line, context) -> role(line.role())
            .map(role -> GrantPolicy.checkAll(new GrantPolicy.Request(context.granter(), role, context.organisationId())))
            .filter(decision -> !decision.isAllowed())
            .map(decision -> problem(line, PeopleFile.ROLE, decision.reason()))
            .orElse(List.of());

    PeopleImportPolicy UNIQUE_IN_FILE = (line, context) -> {
        Integer first = context.firstLineOfEmail().get(EmailAddresses.normalise(line.email()));
        return first == null || first >= line.number() ? List.of() : problem(line, PeopleFile.EMAIL,
                "L'adresse « " + EmailAddresses.normalise(line.email()) + " » figure déjà ligne " + first
                        + " du fichier.");
    };

    PeopleImportPolicy NO_ACCOUNT_YET = (line, context) -> {
        String email = EmailAddresses.normalise(line.email());
        return context.existingEmails().contains(email)
                ? problem(line, PeopleFile.EMAIL, "Un compte existe déjà pour l'adresse " + email + ".")
                : List.of();
    };

    List<PeopleImportPolicy> ALL = List.of(COLUMNS_MATCH_HEADER, VALID_EMAIL, UNIQUE_IN_FILE, NO_ACCOUNT_YET,
            NAME_GIVEN, KNOWN_ROLE, ROLE_GRANTABLE);

    /** Every problem of every line, in line order; empty when the whole file may be imported. */
    static List<ImportProblem> checkAll(List<Line> lines, Context context) {
        List<ImportProblem> problems = new ArrayList<>();
        for (Line line : lines) {
            ALL.forEach(policy -> problems.addAll(policy.check(line, context)));
        }
        return problems;
    }

    /** A role by its code ({@code EMPLOYEE}) or its French label ({@code Salarié}), ignoring case and accents. */
    static Optional<Role> role(String written) {
        String key = key(written);
        return Arrays.stream(Role.values()).filter(role -> key(role.name()).equals(key) || key(role.label()).equals(key))
                .findFirst();
    }

    private static String key(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("[\\p{M}\\s_'’-]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The roles the uploader may give in this organisation, as a hint. */
    private static String grantable(Context context) {
        List<String> labels = Stream.of(Role.values())
                .filter(role -> GrantPolicy.checkAll(new GrantPolicy.Request(context.granter(), role,
                        context.organisationId())).isAllowed())
                .map(Role::label).toList();
        return labels.isEmpty() ? "vous ne pouvez donner aucun rôle dans cet organisme"
                : "rôles possibles : " + String.join(", ", labels);
    }

    private static List<ImportProblem> problem(Line line, String column, String message) {
        return List.of(new ImportProblem(line.number(), column, message));
    }
}
