package fr.referentia.framework.authoring;

import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.CanonicalFramework.PartSpec;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.List;

/**
 * Referentials for authoring tests. Their words (pottery) appear in no seed: the tests share one
 * search index with the search and comparison tests, whose BM25 statistics copies of the seeds would shift.
 */
public final class AuthoringFixtures {

    /** The version label of the published version of every fixture. */
    public static final String PUBLISHED = "2025-01";

    private AuthoringFixtures() {
    }

    /** C1 (C1.G1: C1.E1, C1.E2, C1.E3; C1.CR1), C2 (C2.E1), C3; exam EP1; a "validates" link to a label. */
    public static CanonicalFramework small(String code) {
        return new CanonicalFramework(CanonicalFramework.FORMAT, header(code, "CQP de potier"),
                List.of(new Item("C1", ItemType.COMPETENCY, "Tourner une pièce de poterie", null, 1, null, null),
                        new Item("C1.G1", ItemType.ELEMENT_GROUP, "Préparation de la terre", "C1", 1, null, null),
                        new Item("C1.E1", ItemType.ELEMENT, "Pétrir la terre", "C1.G1", 1, null, false),
                        new Item("C1.E2", ItemType.ELEMENT, "Centrer la motte sur le tour", "C1.G1", 2, null, false),
                        new Item("C1.E3", ItemType.ELEMENT, "Ouvrir la motte", "C1.G1", 3, null, false),
                        new Item("C1.CR1", ItemType.CRITERION, "La pièce est régulière", "C1", 2, null, null),
                        new Item("C2", ItemType.COMPETENCY, "Émailler une pièce", null, 2, null, null),
                        new Item("C2.E1", ItemType.ELEMENT, "Choisir l'émail", "C2", 1, null, false),
                        new Item("C3", ItemType.COMPETENCY, "Cuire les pièces au four", null, 3, null, null)),
                List.of(new ExamSpec("EP1", "Mise en situation", "Tournage d'un bol devant le jury", "À l'atelier", null,
                        List.of(new PartSpec("Préparation", 15), new PartSpec("Tournage", 30)), List.of("C1", "C2"),
                        List.of())),
                List.of(new AssociationSpec(AssociationType.VALIDATES, "C2.E1", null, "certificat de céramiste")));
    }

    /** Shaped like the seed 000: {@code domains} × {@code activities} × {@code competencies} items, with made-up words. */
    public static CanonicalFramework synthetic(String code, int domains, int activities, int competencies) {
        List<Item> items = new ArrayList<>();
        for (int d = 1; d <= domains; d++) {
            String domain = "D" + d;
            items.add(new Item(domain, ItemType.DOMAIN, "Atelier de poterie " + d, null, d, null, null));
            for (int a = 1; a <= activities; a++) {
                String activity = domain + "-A" + a;
                items.add(new Item(activity, ItemType.ACTIVITY, "Tournage du lot " + d + "." + a, domain, a, null, null));
                for (int c = 1; c <= competencies; c++) {
                    items.add(new Item(activity + "-C" + c, ItemType.COMPETENCY,
                            "Façonner le vase " + d + "." + a + "." + c + " à la main", activity, c, null, null));
                }
            }
        }
        return new CanonicalFramework(CanonicalFramework.FORMAT, header(code, "Métiers de la poterie"), items, List.of(),
                List.of());
    }

    private static Header header(String code, String title) {
        return new Header(code, FrameworkKind.CQP, title, "Branche de la céramique", PUBLISHED, FrameworkStatus.PUBLISHED,
                null, null, null, null, 2, null);
    }
}
