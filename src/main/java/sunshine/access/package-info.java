/** Access: login accounts, lockout, sessions, personal API tokens, and the security configuration. */
package sunshine.access;
