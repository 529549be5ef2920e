package fr.referentia.account;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import fr.referentia.account.PasswordLink.Purpose;
import java.time.Instant;
import java.util.List;

/**
 * Whether an invitation or reset link may still set a password. One named policy per rule, the
 * first rejection is the answer, in words the person can act on.
 */
interface LinkPolicy extends Policy<LinkPolicy.Link> {

    /** What the rules look at: the link's dates, its person's state, and the time of the request. */
    record Link(Purpose purpose, boolean accountEnabled, Instant expiresAt, Instant usedAt, Instant revokedAt,
            Instant now) {
    }



    /** A link sets a password once. */
    LinkPolicy SINGLE_USE = link -> link.usedAt() == null ? Decision.allowed() : Decision.rejected(
            link.purpose() == Purpose.INVITATION
                    ? "Ce lien d'invitation a déjà servi : votre mot de passe est choisi. Connectez-vous, ou"
                            + " utilisez « Mot de passe oublié » si vous l'avez perdu."
                    : "Ce lien de réinitialisation a déjà servi. Si besoin, demandez-en un nouveau depuis"
                            + " « Mot de passe oublié ».");

    /** Sending a new link (or setting the password another way) replaces the older ones. */
    LinkPolicy NOT_REPLACED = link -> link.revokedAt() == null ? Decision.allowed() : Decision.rejected(
            link.purpose() == Purpose.INVITATION
                    ? "Ce lien d'invitation a été remplacé par un plus récent : utilisez le dernier e-mail reçu."
                    : "Ce lien de réinitialisation a été remplacé par un plus récent, ou votre mot de passe a"
                            + " changé depuis : utilisez le dernier e-mail reçu.");

    /** A link is valid until its expiry, excluded. */
    LinkPolicy NOT_EXPIRED = link -> link.now().isBefore(link.expiresAt()) ? Decision.allowed() : Decision.rejected(
            link.purpose() == Purpose.INVITATION
                    ? "Ce lien d'invitation a expiré. Demandez à la personne qui a créé votre compte (RH de votre"
                            + " organisme ou administrateur de la branche) de vous renvoyer une invitation."
                    : "Ce lien de réinitialisation a expiré. Demandez-en un nouveau depuis « Mot de passe oublié ».");

    /** A disabled account cannot be brought back by an old link. */
    LinkPolicy ACCOUNT_ENABLED = link -> link.accountEnabled() ? Decision.allowed() : Decision.rejected(
            "Ce compte est désactivé : adressez-vous à votre RH ou à l'administrateur de la branche.");

    List<LinkPolicy> ALL = List.of(SINGLE_USE, NOT_REPLACED, NOT_EXPIRED, ACCOUNT_ENABLED);

    static Decision checkAll(Link link) {
        return Policies.firstRejection(link, ALL);
    }

    /** The answer for a token that matches no link (mistyped, truncated or made up). */
    static String unknown(Purpose purpose) {
        return purpose == Purpose.INVITATION
                ? "Ce lien d'invitation n'est pas valide. Vérifiez qu'il a été copié en entier depuis l'e-mail reçu."
                : "Ce lien de réinitialisation n'est pas valide. Vérifiez qu'il a été copié en entier, ou"
                        + " demandez-en un nouveau depuis « Mot de passe oublié ».";
    }
}
