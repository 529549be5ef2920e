package fr.referentia.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.referentia.shared.text.PlainText;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** French wording for the framework's own request errors. */
final class Messages {

    private Messages() {
    }

    static String invalidParameter(MethodArgumentTypeMismatchException e) {
        String message = "Valeur invalide pour le paramètre « " + e.getName() + " » : « " + quoted(e.getValue()) + " ».";
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            message += " Valeurs possibles : " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()) + ".";
        }
        return message;
    }

    /** A value as quoted back to the person: shortened, on one line ({@link PlainText#quoted}). */
    static String quoted(Object value) {
        return PlainText.quoted(value);
    }

    private static final java.util.regex.Pattern QUOTATION = java.util.regex.Pattern.compile("« ([^»]*) »");

    /** A message with every quoted value longer than {@link PlainText#QUOTED} shortened (a refusal quoting what was sent). */
    static String shortened(String message) {
        if (message == null || message.length() <= 500) {
            return message;
        }
        java.util.regex.Matcher quotation = QUOTATION.matcher(message);
        StringBuilder result = new StringBuilder();
        while (quotation.find()) {
            quotation.appendReplacement(result, java.util.regex.Matcher.quoteReplacement("« " + quoted(quotation.group(1)) + " »"));
        }
        quotation.appendTail(result);
        return result.length() <= 1_000 ? result.toString() : result.substring(0, 999) + "…";
    }

    static String clientErrorTitle(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Requête mal formée";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode refusée";
            case 406 -> "Format indisponible";
            case 413 -> "Envoi trop volumineux";
            case 415 -> "Type de contenu refusé";
            default -> "Requête refusée";
        };
    }

    /**
     * An unreadable JSON body: names the field and the expected kind of value when Jackson knows them, so a
     * client sees what to correct (« level » sent as "deux" rather than a number).
     */
    static String unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonTextCharacters.RefusedCharacter refused) {
            // « Le champ « text » contient un caractère invisible de mise en forme (U+200B, position 9). »
            return (refused.getPath().isEmpty() ? "Le texte envoyé " : "Le champ « " + fieldPath(refused) + " » ")
                    + refused.problem() + ".";
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            Class<?> type = mismatch.getTargetType();
            String expected = type == null ? "une autre valeur" : expected(type);
            return "Le champ « " + field + " » attend " + expected + ".";
        }
        if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
            return "Le corps envoyé n'est pas un JSON lisible (ligne " + json.getLocation().getLineNr() + ", colonne "
                    + json.getLocation().getColumnNr() + ").";
        }
        return clientError(HttpStatusCode.valueOf(400));
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "l'une des valeurs " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "un nombre entier";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "un nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "une date au format AAAA-MM-JJ";
        }
        if (type == UUID.class) {
            return "un identifiant (UUID)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste";
        }
        if (type == String.class) {
            return "un texte";
        }
        return "un objet";
    }

    static String clientError(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "La requête est mal formée : vérifiez les paramètres et le corps envoyé.";
            case 401 -> "Identifiez-vous pour accéder à cette adresse.";
            case 403 -> "Vous n'avez pas accès à cette adresse.";
            case 404 -> "Cette adresse n'existe pas.";
            case 405 -> "Cette méthode HTTP n'est pas acceptée à cette adresse.";
            case 406 -> "Ce format de réponse n'est pas disponible.";
            case 413 -> "Le fichier envoyé est trop volumineux.";
            case 415 -> "Ce type de contenu n'est pas accepté.";
            default -> "La requête ne peut pas être traitée (code " + status.value() + ").";
        };
    }
}
