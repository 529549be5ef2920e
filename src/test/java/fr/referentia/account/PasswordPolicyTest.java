package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.PasswordPolicy.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final String EMAIL = "camille.martin@organisme.fr";

    private static List<String> refusals(String password) {
        return PasswordPolicy.rejections(new Candidate(password, password, EMAIL));
    }

    @Test
    void acceptsAPhraseOfAFewWords() {
        assertThat(refusals("cheval pomme agrafe soleil")).isEmpty();
        assertThat(refusals("Tr0mpette-Violette")).isEmpty();
    }

    @Test
    void needsTwelveCharactersCountedAsAPersonWould() {
        assertThat(refusals("Kx7#pQ2!mZ4")).containsExactly("Le mot de passe doit comporter au moins 12 caractères (il en a 11).");
        assertThat(refusals("Kx7#pQ2!mZ4w")).isEmpty();
        // Twelve letters, some accented: twelve characters, not more.
        assertThat(refusals("éléphantâgée")).isEmpty();
        assertThat(refusals("éléphantâgé")).singleElement().asString().contains("(il en a 11)");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCaseOrTrailingDigits() {
        assertThat(CommonPasswords.size()).isGreaterThan(300);
        assertThat(refusals("motdepasse123")).singleElement().asString().contains("plus courants");
        assertThat(refusals("MotDePasse123")).singleElement().asString().contains("plus courants");
        assertThat(refusals("azertyuiop123")).singleElement().asString().contains("plus courants");
        assertThat(refusals("motdepasse2024!!")).singleElement().asString().contains("plus courants");
        assertThat(refusals("123456789012")).singleElement().asString().contains("plus courants");
        assertThat(refusals("Jetaime123456")).singleElement().asString().contains("plus courants");
        // A common word inside a longer phrase is fine.
        assertThat(refusals("soleil sur la colline verte")).isEmpty();
    }

    @Test
    void refusesThePartOfTheEmailBeforeTheAt() {
        assertThat(refusals("Camille.Martin-2026")).containsExactly(
                "Le mot de passe ne doit pas contenir votre adresse e-mail (« camille.martin »).");
        // A very short local part would refuse too much: it is not looked for.
        assertThat(PasswordPolicy.rejections(new Candidate("joyeuse-baleine-bleue", "joyeuse-baleine-bleue",
                "jo@organisme.fr"))).isEmpty();
    }

    @Test
    void confirmationMustMatch() {
        assertThat(PasswordPolicy.rejections(new Candidate("cheval pomme agrafe", "cheval pomme agrafé", EMAIL)))
                .containsExactly("La confirmation ne correspond pas au mot de passe.");
    }

    @Test
    void acceptsPassphrasesPastBcryptsSeventyTwoBytesUpToOneHundredTwentyEightCharacters() {
        assertThat(refusals("a".repeat(73))).isEmpty();
        // 40 accented letters are 80 bytes: fine now that Argon2id reads them all.
        assertThat(refusals("é".repeat(40))).isEmpty();
        assertThat(refusals("é".repeat(128))).isEmpty();
        assertThat(refusals("a".repeat(129))).singleElement().asString().contains("trop long", "128");
    }

    @Test
    void listsEveryReasonAtOnce() {
        assertThat(PasswordPolicy.rejections(new Candidate("lou.b1", "", "lou.b@organisme.fr"))).hasSize(3)
                .anySatisfy(reason -> assertThat(reason).contains("12 caractères"))
                .anySatisfy(reason -> assertThat(reason).contains("adresse e-mail"))
                .anySatisfy(reason -> assertThat(reason).contains("confirmation"));
        assertThat(PasswordPolicy.rejections(new Candidate(null, null, null))).isNotEmpty();
    }
}
