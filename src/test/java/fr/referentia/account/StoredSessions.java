package fr.referentia.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/** Test sessions signed in as a person elsewhere (another browser), stored like any other. */
final class StoredSessions {

    private StoredSessions() {
    }

    static <S extends Session> String of(FindByIndexNameSessionRepository<S> repository, String email) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, email);
        repository.save(session);
        return session.getId();
    }
}
