package fr.referentia.framework;

/**
 * The name shown for a person known by their e-mail (e.g. who holds a draft's edit lock). The account
 * module, which knows people, provides it; the framework module does not depend on accounts.
 */
public interface AuthorNames {

    String displayName(String email);
}
