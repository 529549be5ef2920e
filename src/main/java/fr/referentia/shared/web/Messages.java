package fr.referentia.shared.web;

import java.util.Arrays;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** French wording for the framework's own request errors. */
final class Messages {

    private Messages() {
    }

    static String invalidParameter(MethodArgumentTypeMismatchException e) {
        String message = "Valeur invalide pour le paramètre « " + e.getName() + " » : « " + e.getValue() + " ».";
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            message += " Valeurs possibles : " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()) + ".";
        }
        return message;
    }

    static String clientError(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "La requête est mal formée : vérifiez les paramètres et le corps envoyé.";
            case 404 -> "Cette adresse n'existe pas.";
            case 405 -> "Cette méthode HTTP n'est pas acceptée à cette adresse.";
            case 406 -> "Ce format de réponse n'est pas disponible.";
            case 413 -> "Le fichier envoyé est trop volumineux.";
            case 415 -> "Ce type de contenu n'est pas accepté.";
            default -> "La requête ne peut pas être traitée (code " + status.value() + ").";
        };
    }
}
