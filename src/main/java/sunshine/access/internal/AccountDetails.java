package sunshine.access.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import sunshine.shared.CurrentUser;

/** The security principal: a staff member's login account and who they are in the bank. */
final class AccountDetails implements UserDetails, CredentialsContainer, CurrentUser.Holder {

    private final CurrentUser user;
    private String passwordHash;
    private final boolean active;
    private final Instant lockedUntil;

    AccountDetails(CurrentUser user, String passwordHash, boolean active, Instant lockedUntil) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
        this.lockedUntil = lockedUntil;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new java.util.ArrayList<>();
        user.roles().forEach(r -> list.add(new SimpleGrantedAuthority(r.authority())));
        return list;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountDetails[" + user.username() + "]";
    }
}
