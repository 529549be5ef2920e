package fr.referentia.framework.authoring.web;

import fr.referentia.framework.AuthorNames;
import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The signed-in person as an author: their e-mail, and the name other authors see. */
@Component
class Authors {

    private final ObjectProvider<AuthorNames> names;

    Authors(ObjectProvider<AuthorNames> names) {
        this.names = names;
    }

    Actor of(Authentication authentication) {
        String email = authentication.getName();
        AuthorNames directory = names.getIfAvailable();
        return new Actor(email, directory == null ? email : directory.displayName(email));
    }
}
