package fr.referentia.account;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a personal access token: named after its owner, with the owner's roles. */
class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final String ownerEmail;

    AccessTokenAuthentication(AccessTokens.Bearer bearer) {
        super(bearer.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.ownerEmail = bearer.ownerEmail();
        setDetails(bearer.tokenId());
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return ownerEmail;
    }
}
