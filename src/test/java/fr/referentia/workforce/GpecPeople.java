package fr.referentia.workforce;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountAdministration.NewOrganisation;
import fr.referentia.account.OrganisationType;
import fr.referentia.account.Role;
import fr.referentia.account.SizeBand;
import java.util.Random;
import java.util.UUID;

/**
 * Test organisations and people for the GPEC tests, made through the account module's public service as the
 * demo branch administrator (each test gets its own organisation, so tests never see each other's data).
 */
public final class GpecPeople {

    public static final String ADMIN = "branch-admin@demo.referentia.fr";
    private static final Random RANDOM = new Random();

    private final AccountAdministration administration;
    public final UUID organisationId;
    public final String suffix;

    public GpecPeople(AccountAdministration administration) {
        this.administration = administration;
        this.suffix = UUID.randomUUID().toString().substring(0, 8);
        this.organisationId = administration.createOrganisation(ADMIN, new NewOrganisation("Organisme GPEC " + suffix,
                siret(), "Nantes", SizeBand.FROM_10_TO_49, OrganisationType.ASSOCIATION)).getId();
    }

    /** A new person of this organisation with the role; their e-mail is {@code name-suffix@gpec.example.fr}. */
    public Person person(String name, Role role) {
        String email = name + "-" + suffix + "@gpec.example.fr";
        UUID id = administration.createUser(ADMIN, email, name, role, organisationId).getId();
        return new Person(id, email);
    }

    public record Person(UUID id, String email) {
    }

    static String siret() {
        while (true) {
            String base = String.format("%012d", (long) (RANDOM.nextDouble() * 1_000_000_000_000L));
            for (int last = 0; last < 100; last++) {
                String candidate = base + String.format("%02d", last);
                if (!candidate.startsWith("356000000") && luhn(candidate)) {
                    return candidate;
                }
            }
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
