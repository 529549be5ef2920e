package fr.referentia.framework.authoring.web;

import fr.referentia.framework.authoring.DraftAuthoring.Actor;
import org.springframework.security.core.Authentication;

/** The signed-in person as an author: the account's e-mail names them to other authors. */
final class Authors {

    private Authors() {
    }

    static Actor of(Authentication authentication) {
        return new Actor(authentication.getName(), authentication.getName());
    }
}
