package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.authoring.AuthoringFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R14 at import, as in authoring: a link to another referential's item needs that item, published. */
@IntegrationTest
class FrameworkImportLinksTest {

    @Autowired
    FrameworkImporter importer;

    @Autowired
    FrameworkCatalog catalog;

    @Test
    void aLinkToAnUnknownItemOfAnotherReferentialImportsNothing() {
        String code = "LIENS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CanonicalFramework bad = withLink(AuthoringFixtures.small(code),
                new AssociationSpec(AssociationType.VALIDATES, "C1", "CQP-CONSEILLER-COMMERCIAL", "C99", null));
        assertThatThrownBy(() -> importer.importFramework(bad)).isInstanceOfSatisfying(InvalidFrameworkException.class,
                e -> assertThat(e.errors()).containsExactly("Association depuis « C1 » : le référentiel publié "
                        + "« CQP-CONSEILLER-COMMERCIAL » n'a pas d'élément « C99 »."));
        assertThat(catalog.exists(code)).isFalse();

        CanonicalFramework unknownFramework = withLink(AuthoringFixtures.small(code),
                new AssociationSpec(AssociationType.VALIDATES, "C1", "CQP-INCONNU", "C1", null));
        assertThatThrownBy(() -> importer.importFramework(unknownFramework)).isInstanceOfSatisfying(
                InvalidFrameworkException.class, e -> assertThat(e.errors()).singleElement().asString().contains("« CQP-INCONNU »"));
        assertThat(catalog.exists(code)).isFalse();

        CanonicalFramework good = withLink(AuthoringFixtures.small(code),
                new AssociationSpec(AssociationType.VALIDATES, "C1", "CQP-CONSEILLER-COMMERCIAL", "C1", null));
        importer.importFramework(good);
        assertThat(catalog.exists(code)).isTrue();
    }

    private static CanonicalFramework withLink(CanonicalFramework f, AssociationSpec link) {
        List<AssociationSpec> links = new ArrayList<>(f.associations());
        links.add(link);
        return new CanonicalFramework(f.format(), f.framework(), f.items(), f.exams(), links);
    }
}
