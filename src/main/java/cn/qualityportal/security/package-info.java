/**
 * Sign-in and access: the login page, the two filter chains (pages with a form login and CSRF,
 * the JSON API under {@code /api/} with HTTP Basic or the session and problem-detail errors),
 * and the signed-in user as the API reports it. Accounts themselves live in {@code organisation}.
 *
 * <p>Owns: {@code spring_session}, {@code spring_session_attributes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = { "organisation", "audit" })
package cn.qualityportal.security;
