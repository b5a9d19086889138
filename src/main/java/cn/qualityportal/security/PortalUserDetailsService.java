package cn.qualityportal.security;

import java.time.Clock;

import cn.qualityportal.organisation.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the account being signed in from PostgreSQL through the organisation module. */
@Component
class PortalUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	private final Clock clock;

	PortalUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
		this.clock = Clock.systemUTC();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findForSignIn(username)
			.map(account -> new PortalUser(account, account.isLockedAt(clock.instant())))
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

}
