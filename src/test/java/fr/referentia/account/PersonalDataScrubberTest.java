package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataScrubberTest {

    final PersonalDataScrubber scrubber = new PersonalDataScrubber("camille.martin@a.fr", "anonyme-1@efface.invalid",
            "Camille Martin", "Personne effacée 1");

    @Test
    void replacesTheEmailAnywhereAndTheNameWhereAValueIsExactlyTheName() {
        String scrubbed = scrubber.scrubJson("""
                {"email":"Camille.Martin@A.fr","displayName":"Camille Martin","note":"créé pour camille.martin@a.fr",
                 "roles":[{"organisationName":"Camille Martin"}],"city":"Camille Martinville","count":3,"none":null}""");
        assertThat(scrubbed).isEqualTo("{\"email\":\"anonyme-1@efface.invalid\",\"displayName\":\"Personne effacée 1\","
                + "\"note\":\"créé pour anonyme-1@efface.invalid\",\"roles\":[{\"organisationName\":\"Personne effacée 1\"}],"
                + "\"city\":\"Camille Martinville\",\"count\":3,\"none\":null}");
    }

    @Test
    void nullStaysNullAndNonJsonIsTreatedAsText() {
        assertThat(scrubber.scrubJson(null)).isNull();
        assertThat(scrubber.scrubJson("pas du JSON camille.martin@a.fr")).isEqualTo("pas du JSON anonyme-1@efface.invalid");
    }
}
