package cn.qualityportal.reporting;

import java.util.List;

import cn.qualityportal.security.DataScopeArgumentResolver;
import cn.qualityportal.security.PortalUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every reporting handler that declares a {@link ValueWorkflow.Actor} parameter who acts: the
 * signed-in person's name, roles, unit's region and data scope (decided by security, on each
 * request), so no handler assembles it from the principal and the scope itself.
 */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// Resolved here, never sent by a client: the API description must not list it as a parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ValueWorkflow.Actor.class);
	}

	private final DataScopeArgumentResolver scopes;

	ActorArgumentResolver(DataScopeArgumentResolver scopes) {
		this.scopes = scopes;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ValueWorkflow.Actor.class.equals(parameter.getParameterType());
	}

	@Override
	public ValueWorkflow.Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			// Every handler asking for an actor is for signed-in roles only; reaching here unsigned is refused as such.
			throw new AuthenticationCredentialsNotFoundException("not signed in");
		}
		return new ValueWorkflow.Actor(user.getUsername(), user.roles(), scopes.scopeOf(user),
				user.unit() == null ? null : user.unit().regionCode());
	}

}
